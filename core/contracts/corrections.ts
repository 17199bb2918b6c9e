import { z } from 'zod';
import { ShortText } from './common';

/** Customer fields a correction request (客户信息修正表, SPEC §3.17) may change. */
export const CORRECTABLE_FIELDS = [
  'name',
  'mobile',
  'landline',
  'address',
  'postcode',
  'email',
  'gender',
  'birthDate',
  'employer',
] as const;
export const CorrectionField = z.enum(CORRECTABLE_FIELDS);
export const CorrectionDepartment = z.enum(['after_sales', 'sales', 'customer_service']);

export const CreateCorrectionRequest = z
  .object({
    customerId: z.uuid(),
    field: CorrectionField,
    proposedValue: ShortText(200),
    foundHow: ShortText(200),
    department: CorrectionDepartment,
  })
  .strict();

export const Correction = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  customerName: z.string(),
  field: CorrectionField,
  currentValue: z.string().nullable(),
  proposedValue: z.string(),
  foundHow: z.string(),
  department: CorrectionDepartment,
  status: z.enum(['open', 'corrected', 'confirmed', 'rejected']),
  raisedBy: z.string(),
  raisedAt: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  correctedAt: z.string().nullable(),
  resolutionNote: z.string().nullable(),
  confirmedAt: z.string().nullable(),
});
export const CorrectionList = z.object({ items: z.array(Correction) });
export const CorrectionQuery = z
  .object({ status: z.enum(['open', 'corrected', 'confirmed', 'rejected', 'overdue']).optional() })
  .strict();
export const ResolveCorrectionRequest = z.object({ apply: z.boolean(), note: ShortText(300) }).strict();
export const ConfirmCorrectionRequest = z.object({ accepted: z.boolean(), note: ShortText(300).optional() }).strict();
