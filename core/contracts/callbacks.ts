import { z } from 'zod';
import { Paging, ShortText, Uuid } from './common';
import { SubmitResponseRequest } from './questionnaires';

/**
 * Callback engine (回访任务, SPEC §3.5–§3.6, §4.1, §4.6 WF-5, §4.12, §9.1–§9.2): task generation rules,
 * the agents' queue ("next call"), attempts, hand-offs of wrong contact data, and the leads' queue view.
 */

export const TASK_TYPES = [
  'AS_ONSITE',
  'AS_PHONE',
  'SALES_ONSITE',
  'SALES_PHONE',
  'SECOND_CALLBACK',
  'SPECIAL_6M_ABSENT',
  'SPECIAL_MAJOR_COMPLAINT',
  'SPECIAL_REWORK',
  'SPECIAL_QUALITY_TRACKING',
  'SPOTCHECK_RESCUE',
  'SPOTCHECK_CAMPAIGN',
  'PERIODIC_SURVEY',
] as const;
export const TaskType = z.enum(TASK_TYPES);
export type TaskType = z.infer<typeof TaskType>;

/**
 * Task types the generator creates from imported transactions, the customers' visit history (6 months absent) and
 * closed complaints (major complaint); the others are created by people or features.
 */
export const GENERATED_TYPES = [
  'AS_PHONE',
  'SALES_PHONE',
  'SPECIAL_REWORK',
  'SPOTCHECK_RESCUE',
  'SPECIAL_6M_ABSENT',
  'SPECIAL_MAJOR_COMPLAINT',
] as const;
export const GeneratedType = z.enum(GENERATED_TYPES);
export type GeneratedType = z.infer<typeof GeneratedType>;

export const TASK_STATUSES = [
  'PENDING',
  'APPOINTMENT',
  'SUCCESS',
  'REFUSED',
  'CONTACT_INVALID',
  'EXCLUDED',
  'DUPLICATE',
  'CLOSED',
] as const;
export const TaskStatus = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof TaskStatus>;

export const OUTCOMES = [
  'no_answer',
  'busy',
  'appointment',
  'refused',
  'wrong_number',
  'wrong_person',
  'completed',
] as const;
export const Outcome = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof Outcome>;

const Hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
const Ymd = z.iso.date();

/** One generated task type's rule (CONFIG, SPEC §4.1 table and §9.2 C1–C3, C29–C30). */
export const TaskRule = z
  .object({
    enabled: z.boolean(),
    /** settlement (RO 结算日期) | delivery (RO pick-up / sale delivery) | purchase (sale date) */
    anchor: z.enum(['settlement', 'delivery', 'purchase']),
    /** The window, in days after the anchor: [startDays, endDays]. D+3 → 3..3; "within 5 days" → 1..5. */
    startDays: z.number().int().min(0).max(365),
    endDays: z.number().int().min(0).max(365),
    dayKind: z.enum(['calendar', 'working']),
    /** Share of the eligible transactions that get a task (coverage / sampling %), chosen by a hash. */
    percent: z.number().min(0).max(100),
    questionnaireCode: z.string().trim().max(60).nullable(),
    /** Two transactions of one customer whose anchors are this close produce one task (the duplicate rule). */
    duplicateWindowDays: z.number().int().min(0).max(366),
    priority: z.number().int().min(0).max(9),
  })
  .strict()
  .refine((r) => r.endDays >= r.startDays, { message: 'endDays must not be before startDays', path: ['endDays'] });
export type TaskRule = z.infer<typeof TaskRule>;

/**
 * The special callbacks of 002 ¶15 that the generator derives (SPEC §4.1 "Special callbacks", C29, C40). Their
 * window counts from the event, not from a transaction anchor (their `anchor` is ignored): for SPECIAL_6M_ABSENT the
 * day the customer's last visit is `absentMonths` old, for SPECIAL_MAJOR_COMPLAINT the day the complaint was closed.
 * A rules version saved before these existed has them off (the defaults below), so its behaviour never changes.
 */
const specialOff = (startDays: number, endDays: number, priority: number): TaskRule => ({
  enabled: false,
  anchor: 'settlement',
  startDays,
  endDays,
  dayKind: 'calendar',
  percent: 100,
  questionnaireCode: null,
  duplicateWindowDays: 7,
  priority,
});
export const SpecialRules = z
  .object({
    /** "6个月未来厂": months since the customer's last settled repair order (SPEC C29: not stated, CONFIG). */
    absentMonths: z.number().int().min(1).max(60),
    /** Complaint levels that count as "有过重大抱怨" (C40: not defined beyond 001 注1–注3, CONFIG). */
    complaintLevels: z
      .array(z.enum(['grumble', 'complaint', 'major']))
      .min(1)
      .max(3),
  })
  .strict();
export type SpecialRules = z.infer<typeof SpecialRules>;

export const CallbackRules = z
  .object({
    tasks: z
      .object({
        AS_PHONE: TaskRule,
        SALES_PHONE: TaskRule,
        SPECIAL_REWORK: TaskRule,
        SPOTCHECK_RESCUE: TaskRule,
        SPECIAL_6M_ABSENT: TaskRule.default(specialOff(0, 14, 1)),
        SPECIAL_MAJOR_COMPLAINT: TaskRule.default(specialOff(1, 7, 2)),
      })
      .strict(),
    special: SpecialRules.default({ absentMonths: 6, complaintLevels: ['major'] }),
    /** Sale types that are never called back (内部/集团/经销商间销售; SPEC §5.1 excludes dealers). */
    excludeSaleTypes: z.array(z.enum(['fleet', 'internal', 'dealer'])).max(3),
    /** Repair types that are never called back (e.g. 内部维修), exact match on the imported value. */
    excludeRepairTypes: z.array(z.string().trim().min(1).max(40)).max(50),
    /** Service-type values that mark an outbound rescue (外出救援) for spot checks. */
    rescueServiceTypes: z.array(z.string().trim().min(1).max(40)).max(20),
    /** A transaction whose window ended more than this many days before generation gets no call (too late). */
    staleAfterDays: z.number().int().min(0).max(3650),
    attempts: z
      .object({
        /** Failed attempts before the contact data go to the SA / consultant (SPEC §4.6: 3; C4). */
        limit: z.number().int().min(1).max(10),
        /** Minutes between two failed attempts on one task (C4: not stated). */
        spacingMinutes: z.number().int().min(0).max(10_080),
      })
      .strict(),
    /** No task is offered outside these local hours (telemarketing practice; SPEC §4.6 "time of day" CONFIG). */
    callingHours: z
      .object({ days: z.array(z.number().int().min(1).max(7)).min(1).max(7), from: Hhmm, to: Hhmm })
      .strict()
      .refine((h) => h.from < h.to, { message: 'from must be before to', path: ['to'] }),
    /** At most this many call attempts per customer in a rolling period, across all of their tasks. */
    customerCap: z
      .object({ attempts: z.number().int().min(1).max(50), periodHours: z.number().int().min(1).max(720) })
      .strict(),
    leaseMinutes: z.number().int().min(1).max(240),
  })
  .strict();
export type CallbackRules = z.infer<typeof CallbackRules>;

export const RulePresetKey = z.enum(['P-AYT', 'P-DPCA', 'P-SGM', 'P-GEN']);
export type RulePresetKey = z.infer<typeof RulePresetKey>;

export const RuleSet = z.object({
  id: Uuid,
  versionNo: z.number().int(),
  effectiveFrom: z.string(),
  presetKey: z.string().nullable(),
  rules: CallbackRules,
  note: z.string(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export type RuleSet = z.infer<typeof RuleSet>;
export const RulesOverview = z.object({
  /** The version in effect today (a built-in preset when the dealer has none yet: id null). */
  current: z.object({ versionNo: z.number().int().nullable(), presetKey: z.string().nullable(), rules: CallbackRules }),
  versions: z.array(RuleSet),
  presets: z.array(z.object({ key: RulePresetKey, rules: CallbackRules })),
});
export const PutRulesRequest = z
  .object({
    effectiveFrom: Ymd,
    presetKey: RulePresetKey.optional(),
    /** Omit to take the preset's rules as they are. */
    rules: CallbackRules.optional(),
    note: z.string().trim().max(300).optional(),
  })
  .strict()
  .refine((b) => b.rules || b.presetKey, { message: 'give rules or a presetKey', path: ['rules'] });
export type PutRulesRequest = z.infer<typeof PutRulesRequest>;

export const Attempt = z.object({
  id: Uuid,
  at: z.string(),
  agentName: z.string().nullable(),
  outcome: Outcome,
  phoneKind: z.enum(['mobile', 'landline']).nullable(),
  note: z.string(),
  appointmentAt: z.string().nullable(),
});
export type Attempt = z.infer<typeof Attempt>;

const Phone = z.object({
  id: Uuid,
  kind: z.enum(['mobile', 'landline']),
  isPrimary: z.boolean(),
  /** Masked per the customer-information permission table; reveal with POST /api/customers/:id/reveal. */
  display: z.string().nullable(),
  masked: z.boolean(),
});

/** A task with everything the agent needs on one screen (SPEC §8.7). */
export const CallbackTask = z.object({
  id: Uuid,
  type: TaskType,
  status: TaskStatus,
  reason: z.string().nullable(),
  priority: z.number().int(),
  anchorKind: z.string(),
  anchorDate: z.string(),
  dueStart: z.string(),
  dueEnd: z.string(),
  overdue: z.boolean(),
  attemptCount: z.number().int(),
  failedAttempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  appointmentAt: z.string().nullable(),
  assignedUserId: Uuid.nullable(),
  assignedName: z.string().nullable(),
  lease: z.object({ userId: Uuid, name: z.string().nullable(), expiresAt: z.string() }).nullable(),
  respondentEligible: z.boolean().nullable(),
  consent: z.boolean().nullable(),
  responseId: Uuid.nullable(),
  note: z.string(),
  /** A number given by the SA / consultant when they fixed the contact data (masked like other phones). */
  contactPhone: z.string().nullable(),
  customer: z
    .object({ id: Uuid, name: z.string(), serviceCallbacksAllowed: z.boolean(), phones: z.array(Phone) })
    .nullable(),
  vehicle: z
    .object({ id: Uuid, vin: z.string().nullable(), plate: z.string().nullable(), model: z.string().nullable() })
    .nullable(),
  /** The transaction followed up: repair order or sale. */
  source: z.object({
    kind: z.enum(['repair_order', 'sale', 'customer', 'manual', 'complaint']),
    id: Uuid,
    number: z.string().nullable(),
    date: z.string().nullable(),
    staffName: z.string().nullable(),
    detail: z.string().nullable(),
  }),
  questionnaire: z.object({ code: z.string().nullable(), versionId: Uuid.nullable() }),
  attempts: z.array(Attempt),
  createdAt: z.string(),
});
export type CallbackTask = z.infer<typeof CallbackTask>;

export const NextRequest = z.object({}).strict().nullish();
export const NextResult = z.object({
  task: CallbackTask.nullable(),
  /** Why no task: nothing due, or outside the dealer's calling hours. */
  reason: z.enum(['claimed', 'empty', 'outside_calling_hours']),
});
export type NextResult = z.infer<typeof NextResult>;

export const RecordAttemptRequest = z
  .object({
    outcome: Outcome,
    phoneId: Uuid.optional(),
    phoneKind: z.enum(['mobile', 'landline']).optional(),
    note: z.string().trim().max(1000).optional(),
    /** Required for `appointment`; optional for `busy` (then the task becomes an appointment). */
    appointmentAt: z.iso.datetime({ offset: true }).optional(),
    /** `completed` only: the response already submitted for this task (on-site / mobile link flows). */
    responseId: Uuid.optional(),
  })
  .strict();
export type RecordAttemptRequest = z.infer<typeof RecordAttemptRequest>;

export const TaskResponseRequest = SubmitResponseRequest.extend({
  respondentEligible: z.boolean().optional(),
}).strict();
export type TaskResponseRequest = z.infer<typeof TaskResponseRequest>;

export const QueueItem = z.object({
  id: Uuid,
  type: TaskType,
  status: TaskStatus,
  reason: z.string().nullable(),
  customerId: Uuid.nullable(),
  customerName: z.string().nullable(),
  plate: z.string().nullable(),
  sourceNumber: z.string().nullable(),
  anchorDate: z.string(),
  dueStart: z.string(),
  dueEnd: z.string(),
  overdue: z.boolean(),
  attemptCount: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  appointmentAt: z.string().nullable(),
  assignedUserId: Uuid.nullable(),
  assignedName: z.string().nullable(),
  leaseUserId: Uuid.nullable(),
  leaseName: z.string().nullable(),
  leaseExpiresAt: z.string().nullable(),
});
export type QueueItem = z.infer<typeof QueueItem>;

export const QueueQuery = Paging.extend({
  status: TaskStatus.optional(),
  type: TaskType.optional(),
  agent: Uuid.optional(),
  held: z.enum(['true', 'false']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(50).optional(),
}).strict();
export type QueueQuery = z.infer<typeof QueueQuery>;

export const QueueList = z.object({
  items: z.array(QueueItem),
  total: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
  /** Who is on what right now (unexpired leases). */
  holders: z.array(z.object({ userId: Uuid, name: z.string(), taskId: Uuid, expiresAt: z.string() })),
});

export const AssignRequest = z.object({ userId: Uuid.nullable() }).strict();

/** A user of the dealer who can take callbacks, with the work they have now (the lead's reassign picker). */
export const CallbackAgent = z.object({
  userId: Uuid,
  name: z.string(),
  username: z.string(),
  /** Whether the user can also lead the queue (callbacks:lead). */
  lead: z.boolean(),
  /** Open tasks (pending, appointment, contact invalid) assigned to the user. */
  assigned: z.number().int(),
  /** Tasks the user holds right now (unexpired lease). */
  holding: z.number().int(),
});
export type CallbackAgent = z.infer<typeof CallbackAgent>;
export const CallbackAgentList = z.object({ items: z.array(CallbackAgent) });

export const CreateTaskRequest = z
  .object({
    type: z.enum([
      'AS_ONSITE',
      'SALES_ONSITE',
      'SECOND_CALLBACK',
      'SPECIAL_6M_ABSENT',
      'SPECIAL_MAJOR_COMPLAINT',
      'SPECIAL_QUALITY_TRACKING',
      'SPOTCHECK_CAMPAIGN',
      'PERIODIC_SURVEY',
    ]),
    customerId: Uuid,
    /** The repair order or sale this task follows up, if any. */
    sourceKind: z.enum(['repair_order', 'sale']).optional(),
    sourceId: Uuid.optional(),
    dueStart: Ymd.optional(),
    dueEnd: Ymd.optional(),
    questionnaireCode: z.string().trim().max(60).optional(),
    assignedUserId: Uuid.optional(),
    note: z.string().trim().max(1000).optional(),
  })
  .strict();
export type CreateTaskRequest = z.infer<typeof CreateTaskRequest>;

export const GenerateResult = z.object({
  created: z.number().int(),
  byStatus: z.record(z.string(), z.number().int()),
  /** Pending tasks closed because their customer refused or opted out since the last cycle. */
  blocked: z.number().int(),
});
export type GenerateResult = z.infer<typeof GenerateResult>;

export const Handoff = z.object({
  id: Uuid,
  taskId: Uuid,
  taskType: TaskType,
  customerId: Uuid.nullable(),
  customerName: z.string().nullable(),
  sourceNumber: z.string().nullable(),
  department: z.enum(['after_sales', 'sales', 'customer_service']),
  staffName: z.string().nullable(),
  reason: z.enum(['wrong_number', 'attempt_limit']),
  createdAt: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  fixedAt: z.string().nullable(),
  note: z.string().nullable(),
});
export type Handoff = z.infer<typeof Handoff>;
export const HandoffList = z.object({ items: z.array(Handoff) });
export const HandoffQuery = z
  .object({ open: z.enum(['true', 'false']).optional(), mine: z.enum(['true', 'false']).optional() })
  .strict();
export const FixHandoffRequest = z
  .object({
    /** The corrected number (mobile 1xxxxxxxxxx or landline); omit when the old number was confirmed. */
    newPhone: z.string().trim().min(5).max(20).optional(),
    note: ShortText(300),
  })
  .strict();
export type FixHandoffRequest = z.infer<typeof FixHandoffRequest>;

export const MineResult = z.object({
  holding: QueueItem.nullable(),
  appointments: z.array(QueueItem),
  today: z.object({
    attempts: z.number().int(),
    successes: z.number().int(),
    refused: z.number().int(),
    appointments: z.number().int(),
    contactInvalid: z.number().int(),
  }),
});
export type MineResult = z.infer<typeof MineResult>;
