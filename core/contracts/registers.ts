import { z } from 'zod';
import { Paging, Uuid } from './common';

/**
 * Registers (登记表, SPEC §3.13): filtered, exportable views over callback tasks, attempts and survey
 * responses — never a separate store (§3.13 (D)).
 * - 售后现场满意度调查登记表 AYT-JL-客服-02: one row per after-sales on-site survey (000 §4.2.2, §6.2);
 * - 销售客户满意度回访登记表 AYT-JL-客服-09: details of each sales phone callback (000 §4.5.2, §6.9);
 * - 回访登记表 / 客户回访记录表 (after-sales phone, 002 ¶11–¶16): every after-sales callback.
 */
export const REGISTER_KINDS = ['aftersales-onsite', 'sales-callback', 'aftersales-phone'] as const;
export const RegisterKind = z.enum(REGISTER_KINDS);
export type RegisterKind = z.infer<typeof RegisterKind>;

const Ymd = z.iso.date();

const RegisterFields = Paging.extend({
  /** Callback (or survey) date range, in the dealer's local days, inclusive. */
  from: Ymd.optional(),
  to: Ymd.optional(),
  /** The agent who made the callback. */
  agent: Uuid.optional(),
  /** Service advisor or sales consultant: part of the name. */
  staff: z.string().trim().max(40).optional(),
  satisfaction: z.enum(['satisfied', 'dissatisfied', 'none']).optional(),
  /** Customer name, plate or order number: part of it. */
  q: z.string().trim().max(50).optional(),
});
const periodInOrder = (v: { from?: string | undefined; to?: string | undefined }) => !v.from || !v.to || v.from <= v.to;
const PERIOD_ERROR = { message: 'from must not be after to', path: ['to'] };

export const RegisterQuery = RegisterFields.strict().refine(periodInOrder, PERIOD_ERROR);
export type RegisterQuery = z.infer<typeof RegisterQuery>;

/** The export takes the same filter, plus the reason asked for a large export of personal data (SPEC §8.3). */
export const RegisterExportQuery = RegisterFields.extend({ reason: z.string().trim().min(2).max(500).optional() })
  .strict()
  .refine(periodInOrder, PERIOD_ERROR);
export type RegisterExportQuery = z.infer<typeof RegisterExportQuery>;

export const RegisterRow = z.object({
  taskId: Uuid.nullable(),
  responseId: Uuid.nullable(),
  /** When the callback was made: the response time, else the last attempt. */
  calledAt: z.string().nullable(),
  customerId: Uuid.nullable(),
  customerName: z.string().nullable(),
  /** Masked per the customer-information permission table (SPEC §3.18). */
  phone: z.string().nullable(),
  plate: z.string().nullable(),
  vin: z.string().nullable(),
  model: z.string().nullable(),
  /** RO number (after-sales) or VIN (sale). */
  orderNumber: z.string().nullable(),
  /** Settlement date (after-sales) or purchase date (sale). */
  orderDate: z.string().nullable(),
  deliveryDate: z.string().nullable(),
  repairType: z.string().nullable(),
  /** Repair amount in yuan. */
  amount: z.number().nullable(),
  /** Service advisor or sales consultant. */
  staffName: z.string().nullable(),
  agentName: z.string().nullable(),
  taskStatus: z.string().nullable(),
  attempts: z.number().int(),
  lastOutcome: z.string().nullable(),
  score: z.number().nullable(),
  satisfied: z.boolean().nullable(),
  /** The questions answered below "satisfied", as their text. */
  dissatisfiedItems: z.array(z.string()),
  /** FAQ articles the agent answered from (resolution path a). */
  faqAnswers: z.array(z.string()),
  praise: z.string(),
  note: z.string(),
});
export type RegisterRow = z.infer<typeof RegisterRow>;

export const RegisterPage = z.object({
  register: z.object({ kind: RegisterKind, code: z.string().nullable(), title: z.string(), dealerName: z.string() }),
  items: z.array(RegisterRow),
  total: z.number().int(),
});
export type RegisterPage = z.infer<typeof RegisterPage>;
