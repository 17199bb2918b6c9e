import { z } from 'zod';
import { COMPLAINT_LEVELS, COMPLAINT_SOURCES, COMPLAINT_STATUSES } from '../rules/complaint-flow';
import { DISCIPLINARY_ACTIONS, PENALTY_GROUPS, PENALTY_PERIODS } from '../rules/penalties';
import { Department } from './org';
import { ShortText } from './common';

/**
 * Complaint slips (客户抱怨单), attribution, handling, CR check, penalties (奖罚), appeals (申诉单) and
 * rectification notices (整改通知单): SPEC §3.10, §3.22, §4.8–§4.9, §5.7, §8.5.
 */

/** Multi-line text: trimmed, bounded, line breaks allowed, no other control characters. */
export const Text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^(?:[^\p{Cc}]|[\n\r\t])*$/u, 'must not contain control characters');

export const ComplaintLevel = z.enum(COMPLAINT_LEVELS);
export const ComplaintSource = z.enum(COMPLAINT_SOURCES);
export const ComplaintStatus = z.enum(COMPLAINT_STATUSES);
export const PenaltyGroup = z.enum(PENALTY_GROUPS);
export const DisciplinaryAction = z.enum(DISCIPLINARY_ACTIONS);
const Phone = z
  .string()
  .trim()
  .regex(/^[0-9+\- ]{3,20}$/, 'digits, +, - or spaces');

export const CreateComplaintRequest = z
  .object({
    source: ComplaintSource,
    level: ComplaintLevel,
    customerId: z.uuid().optional(),
    customerName: ShortText(64),
    customerPhone: Phone.optional(),
    description: Text(4000),
    department: Department.optional(),
    staffIds: z.array(z.uuid()).max(10).default([]),
    rectificationNeeded: z.boolean().default(false),
    responseId: z.uuid().optional(),
    caseId: z.uuid().optional(),
  })
  .strict();
export type CreateComplaintRequest = z.infer<typeof CreateComplaintRequest>;

export const ComplaintQuery = z
  .object({
    status: ComplaintStatus.optional(),
    level: ComplaintLevel.optional(),
    source: ComplaintSource.optional(),
    department: Department.optional(),
    overdue: z.enum(['true', 'false']).optional(),
    q: ShortText(50).optional(),
  })
  .strict();

export const StaffRef = z.object({ id: z.uuid(), name: z.string(), department: z.string(), position: z.string() });

export const Complaint = z.object({
  id: z.uuid(),
  source: ComplaintSource,
  level: ComplaintLevel,
  status: ComplaintStatus,
  customerId: z.uuid().nullable(),
  customerName: z.string(),
  /** Masked (138****1234). */
  customerPhone: z.string().nullable(),
  description: z.string(),
  department: z.string().nullable(),
  staff: z.array(StaffRef),
  dueAt: z.string(),
  overdue: z.boolean(),
  handlingResult: z.string().nullable(),
  improvementMeasures: z.string().nullable(),
  handledAt: z.string().nullable(),
  checkResult: z.string().nullable(),
  relationshipNotes: z.string().nullable(),
  checkedAt: z.string().nullable(),
  rectificationNeeded: z.boolean(),
  responseId: z.uuid().nullable(),
  caseId: z.uuid().nullable(),
  voidedAt: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type Complaint = z.infer<typeof Complaint>;
export const ComplaintList = z.object({ items: z.array(Complaint) });

export const ComplaintEvent = z.object({
  id: z.uuid(),
  at: z.string(),
  actor: z.string().nullable(),
  kind: z.string(),
  note: z.string(),
});

export const AttributionRequest = z
  .object({ department: Department, staffIds: z.array(z.uuid()).max(10), note: ShortText(500).optional() })
  .strict();
export const StartRequest = z.object({ note: ShortText(500).optional() }).strict();
export const ReplyRequest = z.object({ handlingResult: Text(4000), improvementMeasures: Text(4000) }).strict();
export const CheckRequest = z
  .object({ checkResult: Text(2000), relationshipNotes: Text(2000).optional(), level: ComplaintLevel.optional() })
  .strict();

/** A penalty as the ledger and the staff member see it: rule, evidence and who decided ("the employee can see why"). */
export const Evidence = z.object({ kind: z.string(), id: z.string(), label: z.string() });
export const Penalty = z.object({
  id: z.uuid(),
  complaintId: z.uuid(),
  complaintLevel: ComplaintLevel,
  complaintDescription: z.string(),
  staff: StaffRef,
  ruleVersion: z.number().int(),
  ruleEffectiveFrom: z.string(),
  group: PenaltyGroup,
  periodKey: z.string(),
  offenceNo: z.number().int(),
  amountFen: z.number().int().nullable(),
  multiplier: z.number(),
  dismissal: z.boolean(),
  disciplinaryAction: DisciplinaryAction.nullable(),
  deductPerformancePay: z.boolean(),
  reason: z.string(),
  evidence: z.array(Evidence),
  status: z.enum(['proposed', 'approved', 'rejected', 'void']),
  proposedBy: z.string().nullable(),
  proposedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
});
export type Penalty = z.infer<typeof Penalty>;
export const PenaltyList = z.object({ items: z.array(Penalty) });
export const PenaltyQuery = z
  .object({
    status: z.enum(['proposed', 'approved', 'rejected', 'void']).optional(),
    staffId: z.uuid().optional(),
    periodKey: z
      .string()
      .regex(/^(\d{4}(-\d{2}|-Q[1-4])?|all)$/)
      .optional(),
  })
  .strict();

export const ProposePenaltiesRequest = z
  .object({
    /** Default: every staff member attributed to the complaint. */
    staffIds: z.array(z.uuid()).min(1).max(10).optional(),
    /** Default: from the staff member's department and position. */
    group: PenaltyGroup.optional(),
    /** "Bias in a CS staff member's complaint handling → doubled penalty" (SPEC §5.7). */
    bias: z.boolean().default(false),
    reason: Text(2000),
  })
  .strict();

export const PenaltyDecisionRequest = z
  .object({
    approve: z.boolean(),
    note: ShortText(2000),
    /** The manager sets the amount where the rule leaves it BLANK, or adjusts it. */
    amountFen: z.number().int().min(0).max(100_000_000).optional(),
    disciplinaryAction: DisciplinaryAction.optional(),
    deductPerformancePay: z.boolean().optional(),
  })
  .strict();

export const Appeal = z.object({
  id: z.uuid(),
  complaintId: z.uuid(),
  complaintDescription: z.string(),
  complaintLevel: ComplaintLevel,
  staff: StaffRef,
  appellant: z.string(),
  reason: z.string(),
  status: z.enum(['submitted', 'forwarded', 'upheld', 'rejected']),
  submittedAt: z.string(),
  forwardedBy: z.string().nullable(),
  forwardedAt: z.string().nullable(),
  headNote: z.string().nullable(),
  ruledBy: z.string().nullable(),
  ruledAt: z.string().nullable(),
  rulingStatement: z.string().nullable(),
  signature: z.object({ name: z.string(), at: z.string(), hash: z.string() }).nullable(),
});
export type Appeal = z.infer<typeof Appeal>;
export const AppealList = z.object({ items: z.array(Appeal) });
export const AppealQuery = z
  .object({ status: z.enum(['submitted', 'forwarded', 'upheld', 'rejected']).optional() })
  .strict();
export const CreateAppealRequest = z.object({ reason: Text(4000) }).strict();
export const ForwardAppealRequest = z.object({ note: ShortText(2000) }).strict();
export const RulingRequest = z
  .object({
    upheld: z.boolean(),
    statement: Text(2000),
    /** The GM types their name as the signature; it must match their account's display name. */
    signatureName: ShortText(64),
  })
  .strict();

export const RectificationNotice = z.object({
  id: z.uuid(),
  complaintId: z.uuid(),
  complaintDescription: z.string(),
  responsible: z.string(),
  relatedLeaders: z.string(),
  disciplinaryAction: DisciplinaryAction.nullable(),
  majorLoss: z.boolean(),
  deductPerformancePay: z.boolean(),
  requirements: z.string(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  status: z.enum(['issued', 'reported', 'closed']),
  result: z.string().nullable(),
  resultAt: z.string().nullable(),
  explanation: z.string().nullable(),
  explanationAt: z.string().nullable(),
  issuedBy: z.string().nullable(),
  issuedAt: z.string(),
  closedAt: z.string().nullable(),
});
export type RectificationNotice = z.infer<typeof RectificationNotice>;
export const RectificationList = z.object({ items: z.array(RectificationNotice) });
export const IssueRectificationRequest = z
  .object({
    responsible: ShortText(500),
    relatedLeaders: ShortText(500).optional(),
    requirements: Text(4000),
    disciplinaryAction: DisciplinaryAction.optional(),
    /** "causes a major loss to the company" — recorded by GM decision (SPEC §4.9, C16). */
    majorLoss: z.boolean().default(false),
    deductPerformancePay: z.boolean().default(false),
  })
  .strict();
export const RectificationResultRequest = z.object({ result: Text(4000) }).strict();
export const ExplanationRequest = z.object({ explanation: Text(4000) }).strict();

export const ComplaintDetail = Complaint.extend({
  events: z.array(ComplaintEvent),
  penalties: z.array(Penalty),
  appeals: z.array(Appeal),
  rectification: RectificationNotice.nullable(),
});
export type ComplaintDetail = z.infer<typeof ComplaintDetail>;

const Fen = z.number().int().min(0).max(100_000_000).nullable();
export const PenaltyRules = z
  .object({
    period: z.enum(PENALTY_PERIODS),
    groups: z
      .array(
        z.object({ key: PenaltyGroup, amountsFen: z.tuple([Fen, Fen, Fen]), thirdDismissal: z.boolean() }).strict(),
      )
      .min(1)
      .max(PENALTY_GROUPS.length),
    biasMultiplier: z.number().min(1).max(10),
    handlingWorkingDays: z.number().int().min(0).max(60),
    rectificationWorkingDays: z.number().int().min(1).max(120).nullable(),
  })
  .strict();
export const PenaltyRuleVersion = z.object({
  id: z.uuid(),
  versionNo: z.number().int(),
  effectiveFrom: z.string(),
  presetKey: z.string().nullable(),
  rules: PenaltyRules,
  note: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export const PenaltyRulesView = z.object({
  current: PenaltyRuleVersion,
  versions: z.array(PenaltyRuleVersion),
  presets: z.record(z.string(), PenaltyRules),
});
export const PutPenaltyRulesRequest = z
  .object({
    effectiveFrom: z.iso.date(),
    presetKey: z.enum(['EMPTY', 'P-FTMS', 'SAMPLE']).optional(),
    rules: PenaltyRules,
    note: z.string().trim().max(500).default(''),
  })
  .strict();

export const MyPenalties = z.object({
  staff: StaffRef.nullable(),
  penalties: z.array(Penalty),
  complaints: z.array(Complaint),
  appeals: z.array(Appeal),
});
