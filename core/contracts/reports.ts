import { z } from 'zod';
import { Uuid } from './common';

/**
 * Reports (issue 7 part 2, SPEC §3.12, §3.14–§3.16, §4.15–§4.16, §6 R2/R3/R8/R9): daily, monthly and quarterly
 * reports as stored snapshots, annotations and submission; recipients (CONFIG); CAPA (纠正措施和预防措施).
 */
export const REPORT_KINDS = [
  'daily_aftersales', // 售后每日工作汇报 AYT-JL-客服-05
  'daily_sales', // 销售日报表 AYT-JL-客服-07
  'monthly_sales', // 每月销售工作报告 AYT-JL-客服-10
  'monthly_aftersales', // 每月售后工作报告 AYT-JL-客服-10
  'quarterly_complaints', // 用户抱怨季度报告 AYT-JL-客服-11
] as const;
export const ReportKind = z.enum(REPORT_KINDS);
export type ReportKind = z.infer<typeof ReportKind>;

/** 2026-11-23 (daily), 2026-11 (monthly), 2026-Q4 (quarterly). */
export const Period = z.string().regex(/^\d{4}-(\d{2}-\d{2}|\d{2}|Q[1-4])$/, 'YYYY-MM-DD, YYYY-MM or YYYY-Qn');

export const ReportListQuery = z
  .object({
    kind: ReportKind.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();
export type ReportListQuery = z.infer<typeof ReportListQuery>;

export const ReportSummary = z.object({
  id: Uuid,
  kind: ReportKind,
  period: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  status: z.enum(['draft', 'submitted']),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  generatedAt: z.string(),
  submittedAt: z.string().nullable(),
});
export type ReportSummary = z.infer<typeof ReportSummary>;
export const ReportList = z.object({ items: z.array(ReportSummary), total: z.number().int() });
export type ReportList = z.infer<typeof ReportList>;

export const ReportDetail = ReportSummary.extend({
  code: z.string(),
  title: z.string(),
  dealerName: z.string(),
  annotations: z.string(),
  submittedByName: z.string().nullable(),
  /** The generated snapshot (kind-specific; personal data masked for the reader). */
  data: z.record(z.string(), z.unknown()),
});
export type ReportDetail = z.infer<typeof ReportDetail>;

export const GenerateReportRequest = z.object({ kind: ReportKind, period: Period }).strict();
export type GenerateReportRequest = z.infer<typeof GenerateReportRequest>;
export const AnnotateReportRequest = z.object({ annotations: z.string().max(20_000) }).strict();
export const ExportQuery = z.object({ reason: z.string().trim().min(2).max(500).optional() }).strict();
export type ExportQuery = z.infer<typeof ExportQuery>;

const Email = z.email().max(200);
export const ReportRecipients = z.object({
  kind: ReportKind,
  roles: z.array(z.string().min(1).max(40)).max(20),
  emails: z.array(Email).max(50),
  /** Local HH:MM when the daily report is generated and mailed (CONFIG). */
  sendTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
});
export type ReportRecipients = z.infer<typeof ReportRecipients>;
export const ReportRecipientsBody = ReportRecipients.omit({ kind: true }).strict();
export const ReportRecipientsList = z.object({ items: z.array(ReportRecipients) });
export const KindParams = z.object({ kind: ReportKind }).strict();

export const ReportSettings = z
  .object({
    /** The monthly report is due before this calendar day of the next month (SPEC §4.15: "before the 10th"). */
    monthlyDueDay: z.number().int().min(1).max(28),
    /** An export of personal data with more rows than this asks for a reason (audited either way). */
    exportReasonRows: z.number().int().min(0).max(1_000_000),
  })
  .strict();
export type ReportSettings = z.infer<typeof ReportSettings>;

export const CAPA_ORIGINS = [
  'recurring_problem',
  'callback_analysis',
  'complaint',
  'survey_analysis',
  'inspection',
  'administration',
] as const;
export const CAPA_STATUSES = [
  'draft',
  'approval',
  'implementation',
  'supervision',
  'check',
  'review',
  'closed',
] as const;
export const CapaStatus = z.enum(CAPA_STATUSES);
export type CapaStatus = z.infer<typeof CapaStatus>;
export const CAPA_DEPARTMENTS = ['after_sales', 'sales', 'customer_service', 'quality', 'management', 'other'] as const;
export const CAPA_ACTIONS = [
  'submit', // draft → approval (responsible head)
  'approve', // approval → implementation (GM)
  'reject', // approval → draft (GM)
  'implemented', // implementation → supervision (department)
  'supervised', // supervision → check (supervisor)
  'pass', // check → review (GM implementation check)
  'fail', // check → implementation (GM)
  'close', // review → closed (after the review by all departments)
] as const;
export const CapaAction = z.enum(CAPA_ACTIONS);
export type CapaAction = z.infer<typeof CapaAction>;

const Text = (max: number) => z.string().trim().max(max);
export const CreateCapaRequest = z
  .object({
    origin: z.enum(CAPA_ORIGINS),
    originReportId: Uuid.optional(),
    originProblem: Text(200).optional(),
    originComplaintId: Uuid.optional(),
    department: z.enum(CAPA_DEPARTMENTS),
    departmentHead: Text(100).default(''),
    description: Text(5000).min(1),
    measures: Text(5000).default(''),
    supervisorUserId: Uuid.optional(),
  })
  .strict();
export type CreateCapaRequest = z.infer<typeof CreateCapaRequest>;
export const UpdateCapaRequest = z
  .object({
    departmentHead: Text(100).optional(),
    description: Text(5000).min(1).optional(),
    measures: Text(5000).optional(),
    supervisorUserId: Uuid.nullable().optional(),
  })
  .strict();
export type UpdateCapaRequest = z.infer<typeof UpdateCapaRequest>;
export const CapaTransitionRequest = z.object({ action: CapaAction, note: Text(2000).default('') }).strict();
export type CapaTransitionRequest = z.infer<typeof CapaTransitionRequest>;
export const CapaListQuery = z
  .object({
    status: CapaStatus.optional(),
    reportId: Uuid.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();
export type CapaListQuery = z.infer<typeof CapaListQuery>;

export const Capa = z.object({
  id: Uuid,
  origin: z.enum(CAPA_ORIGINS),
  originReportId: Uuid.nullable(),
  originProblem: z.string().nullable(),
  originComplaintId: Uuid.nullable(),
  department: z.enum(CAPA_DEPARTMENTS),
  departmentHead: z.string(),
  description: z.string(),
  measures: z.string(),
  status: CapaStatus,
  supervisorUserId: Uuid.nullable(),
  approvedAt: z.string().nullable(),
  checkedAt: z.string().nullable(),
  checkNote: z.string(),
  reviewNote: z.string(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Capa = z.infer<typeof Capa>;
export const CapaList = z.object({ items: z.array(Capa), total: z.number().int() });
