import { z } from 'zod';
import { Role } from './auth';
import { Paging, Uuid } from './common';

/**
 * The closed loop (客户不满意问题跟踪解决表 AYT-JL-客服-03 and 售后每日工作汇报 AYT-JL-客服-05; SPEC §3.9, §3.12,
 * §4.2–§4.7 WF-6/WF-7, §8.4, §9.2 C5–C7): dissatisfaction cases, their timeline and the per-dealer routing rules.
 */

/** Where the dissatisfaction was found: the four survey channels of SPEC §4.7's matrix. */
export const CASE_CHANNELS = ['as_onsite', 'as_phone', 'sales_onsite', 'sales_phone'] as const;
export const CaseChannel = z.enum(CASE_CHANNELS);
export type CaseChannel = z.infer<typeof CaseChannel>;

/** a: answered now (FAQ); b: advisor/consultant answered on the spot; c: tracking form; daily_report: AYT-JL-客服-05. */
export const CASE_PATHS = ['a', 'b', 'c', 'daily_report'] as const;
export const CasePath = z.enum(CASE_PATHS);
export type CasePath = z.infer<typeof CasePath>;

/** What the agent chooses: answer now (a), on the spot (b), or "cannot be solved now" (follow_up → c or daily report). */
export const RequestedPath = z.enum(['a', 'b', 'follow_up']);
export type RequestedPath = z.infer<typeof RequestedPath>;

export const CASE_STATUSES = ['open', 'awaiting_reply', 'replied', 'awaiting_second_callback', 'closed'] as const;
export const CaseStatus = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatus>;

export const CASE_STEPS = ['forward', 'reply', 'return', 'second_callback'] as const;
export const CaseStep = z.enum(CASE_STEPS);
export type CaseStep = z.infer<typeof CaseStep>;

export const Severity = z.enum(['severe', 'minor']);
export type Severity = z.infer<typeof Severity>;
export const CaseDepartment = z.enum(['after_sales', 'sales', 'quality', 'management', 'other']);
export type CaseDepartment = z.infer<typeof CaseDepartment>;

const Hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
const Roles = z.array(Role).max(12);

/** Per-dealer routing and timer rules (CONFIG; SPEC presets in core/rules/case-routing.ts DEFAULT_CASE_RULES). */
export const CaseRules = z
  .object({
    /** "Sent before 17:00 on the day the problem was recorded" (§4.7 step 1). */
    formCutoff: Hhmm,
    /** Recorded at/after the cutoff or on a day off (C5): the next working day at this time, or at the cutoff. */
    afterCutoff: z.union([Hhmm, z.literal('next-working-day-cutoff')]),
    /** Phone after-sales problems (C6): which ones need the tracking form; the others go to the daily report. */
    trackingFormWhen: z.enum(['severe_or_other_department', 'severe_only', 'other_department_only', 'always']),
    /** Who receives a tracking form of each business line (§4.2–§4.5: after-sales director / sales director). */
    lineRecipients: z.object({ after_sales: Roles.min(1), sales: Roles.min(1) }).strict(),
    /** The "relevant department manager" of a problem concerning another department (§4.3 step 4). */
    departmentRoles: z
      .object({ after_sales: Roles, sales: Roles, quality: Roles, management: Roles, other: Roles })
      .strict(),
    /** Department result to the customer after receipt (§4.7 step 2: 1 working day). */
    replyWorkingDays: z.number().int().min(0).max(30),
    replyWorkingHours: z.number().int().min(0).max(240),
    /** Form completed and returned after the result (§4.7 step 3; no value stated: CONFIG). */
    returnWorkingDays: z.number().int().min(0).max(30),
    /** Second callback by the same agent after the return (§4.7 step 4; no value stated: CONFIG). */
    secondCallbackWorkingDays: z.number().int().min(0).max(30),
    /** Daily-report item: SA result within 1 working day; second callback the next day (§4.6, §8.4). */
    dailyReportWorkingDays: z.number().int().min(0).max(30),
    escalation: z
      .object({
        /** Notified with the step's owners when an agent step (forward, second callback) is overdue. */
        agentSupervisorRoles: Roles,
        /** The last level (§8.4 (D) "escalated to the recipient's superior"): the GM. */
        finalRoles: Roles.min(1),
        /** Working hours after the due time before the last level is told (0: at once). */
        finalAfterWorkingHours: z.number().int().min(0).max(240),
        /** C7: a case still not satisfied after this many loops is escalated to the last level. */
        afterLoops: z.number().int().min(1).max(20),
      })
      .strict(),
  })
  .strict();
export type CaseRules = z.infer<typeof CaseRules>;

export const CaseRuleSet = z.object({
  id: Uuid.nullable(),
  versionNo: z.number().int(),
  effectiveFrom: z.string(),
  rules: CaseRules,
  note: z.string(),
  preset: z.boolean(),
});
export type CaseRuleSet = z.infer<typeof CaseRuleSet>;
export const PutCaseRulesRequest = z
  .object({ effectiveFrom: z.iso.date(), rules: CaseRules, note: z.string().trim().max(500).default('') })
  .strict();
export type PutCaseRulesRequest = z.infer<typeof PutCaseRulesRequest>;

export const OpenCaseRequest = z
  .object({
    responseId: Uuid,
    /** The dissatisfied question of the response; omitted: the response as a whole. */
    questionKey: z.string().trim().min(1).max(60).nullable().optional(),
    /** Needed when the response is not linked to a survey task of a known channel. */
    channel: CaseChannel.optional(),
    /** The customer, when the response is not linked to a survey task. */
    customerId: Uuid.optional(),
    path: RequestedPath,
    problem: z.string().trim().min(1).max(4000),
    severity: Severity,
    department: CaseDepartment,
    /** Path a/b: how it was answered (FAQ article, what the advisor said). */
    resolutionNote: z.string().trim().max(4000).optional(),
    /** A specific department manager / service advisor to receive it, besides the roles. */
    handlerUserId: Uuid.nullable().optional(),
    /** Send the form to the director at once (the common case). */
    forward: z.boolean().optional(),
  })
  .strict();
export type OpenCaseRequest = z.infer<typeof OpenCaseRequest>;

export const RoutePreviewQuery = z
  .object({ channel: CaseChannel, path: RequestedPath, severity: Severity, department: CaseDepartment })
  .strict();
export type RoutePreviewQuery = z.infer<typeof RoutePreviewQuery>;
export const RoutePreview = z.object({
  path: CasePath,
  recipientRoles: z.array(z.string()),
  formDueAt: z.string().nullable(),
  replyDueAtIfSentNow: z.string().nullable(),
});
export type RoutePreview = z.infer<typeof RoutePreview>;

export const NoteRequest = z.object({ note: z.string().trim().max(4000).optional() }).strict();
export const ReplyRequest = z.object({ result: z.string().trim().min(1).max(4000) }).strict();
export type ReplyRequest = z.infer<typeof ReplyRequest>;
/** C39: another agent makes this loop's second callback. */
export const ReassignRequest = z.object({ userId: Uuid, reason: z.string().trim().min(1).max(500) }).strict();
export type ReassignRequest = z.infer<typeof ReassignRequest>;
export const SecondCallbackRequest = z
  .object({ satisfied: z.boolean(), note: z.string().trim().max(4000).default('') })
  .strict();
export type SecondCallbackRequest = z.infer<typeof SecondCallbackRequest>;

export const CaseEvent = z.object({
  seq: z.number().int(),
  at: z.string(),
  kind: z.string(),
  loop: z.number().int(),
  step: z.string().nullable(),
  actorName: z.string().nullable(),
  note: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export type CaseEvent = z.infer<typeof CaseEvent>;

export const CaseSummaryRow = z.object({
  id: Uuid,
  formNo: z.string(),
  channel: CaseChannel,
  path: CasePath,
  status: CaseStatus,
  severity: Severity,
  department: CaseDepartment,
  customerName: z.string().nullable(),
  plate: z.string().nullable(),
  problem: z.string(),
  loop: z.number().int(),
  currentStep: CaseStep.nullable(),
  currentDueAt: z.string().nullable(),
  overdue: z.boolean(),
  escalationLevel: z.number().int(),
  filledByName: z.string().nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
});
export type CaseSummaryRow = z.infer<typeof CaseSummaryRow>;

export const CaseDetail = CaseSummaryRow.extend({
  responseId: Uuid,
  questionKey: z.string().nullable(),
  taskId: Uuid.nullable(),
  customerId: Uuid.nullable(),
  vin: z.string().nullable(),
  recipientRoles: z.array(z.string()),
  handlerUserId: Uuid.nullable(),
  handlerName: z.string().nullable(),
  filledBy: Uuid,
  closedReason: z.string().nullable(),
  resolutionNote: z.string(),
  handlingResult: z.string(),
  formDueAt: z.string().nullable(),
  forwardedAt: z.string().nullable(),
  receivedAt: z.string().nullable(),
  replyDueAt: z.string().nullable(),
  repliedAt: z.string().nullable(),
  returnDueAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  secondCallbackDueAt: z.string().nullable(),
  secondCallbackTaskId: Uuid.nullable(),
  secondCallbackAt: z.string().nullable(),
  complaintId: Uuid.nullable(),
  loopEscalated: z.boolean(),
  /** What the requesting user may do now. */
  actions: z.array(z.enum(['forward', 'reply', 'return', 'second_callback'])),
  events: z.array(CaseEvent),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const CASE_FILTERS = ['mine', 'overdue', 'second_callback', 'escalated', 'all'] as const;
export const CaseListQuery = Paging.extend({
  filter: z.enum(CASE_FILTERS).default('all'),
  status: CaseStatus.optional(),
}).strict();
export type CaseListQuery = z.infer<typeof CaseListQuery>;
export const CaseList = z.object({ items: z.array(CaseSummaryRow), total: z.number().int() });
export type CaseList = z.infer<typeof CaseList>;

/** The dashboard widget: the requesting user's red items (§8.4 "(D) Overdue items are highlighted"). */
export const CaseCounts = z.object({
  mine: z.number().int(),
  overdue: z.number().int(),
  secondCallback: z.number().int(),
  escalated: z.number().int(),
  /** My dissatisfied responses that no case covers yet (agents). */
  unhandled: z.number().int(),
  overdueItems: z.array(CaseSummaryRow),
});
export type CaseCounts = z.infer<typeof CaseCounts>;

export const DailyReportQuery = z.object({ date: z.iso.date().optional() }).strict();
export const DailyReportItem = z.object({
  id: Uuid,
  caseId: Uuid,
  formNo: z.string(),
  customerName: z.string().nullable(),
  problem: z.string(),
  enteredByName: z.string().nullable(),
  enteredAt: z.string(),
  saName: z.string().nullable(),
  resultDueAt: z.string(),
  result: z.string(),
  resultAt: z.string().nullable(),
  secondCallbackDueAt: z.string().nullable(),
  secondCallbackAt: z.string().nullable(),
  secondCallbackSatisfied: z.boolean().nullable(),
  secondCallbackNote: z.string(),
});
export type DailyReportItem = z.infer<typeof DailyReportItem>;
export const DailyReport = z.object({ date: z.string(), items: z.array(DailyReportItem) });
export type DailyReport = z.infer<typeof DailyReport>;

export const UnhandledResponses = z.object({
  items: z.array(
    z.object({
      responseId: Uuid,
      submittedAt: z.string(),
      openKeys: z.array(z.string()),
      /** The question text of each open key, in the same order (the key when the question is gone). */
      openLabels: z.array(z.string()),
      taskType: z.string().nullable(),
      customerName: z.string().nullable(),
      plate: z.string().nullable(),
    }),
  ),
});
export type UnhandledResponses = z.infer<typeof UnhandledResponses>;
export type UnhandledItem = UnhandledResponses['items'][number];
/** The list has no filter: always the signed-in user's own responses. */
export const UnhandledQuery = z.object({}).strict();
export const CaseRulesOverview = z.object({ current: CaseRuleSet, versions: z.array(CaseRuleSet) });
