import { z } from 'zod';
import { ROLES } from '../permissions';
import { FIELD_GROUPS } from '../rules/customer-privacy';
import { ShortText } from './common';

const View = z.enum(['none', 'masked', 'full']);
export const FieldPermission = z.object({
  view: View,
  canReveal: z.boolean(),
  canEdit: z.boolean(),
  canExport: z.boolean(),
});

export const CustomerSearchQuery = z
  .object({
    q: z.string().trim().min(1).max(64),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

export const CustomerSummary = z.object({
  id: z.uuid(),
  kind: z.enum(['private', 'organisation']),
  name: z.string(),
  phone: z.string().nullable(),
  vehicles: z.array(
    z.object({ vin: z.string().nullable(), plate: z.string().nullable(), model: z.string().nullable() }),
  ),
  flagged: z.boolean(),
});
export const CustomerSearchResult = z.object({ items: z.array(CustomerSummary) });

const Phone = z.object({
  id: z.uuid(),
  display: z.string().nullable(),
  kind: z.enum(['mobile', 'landline']),
  isPrimary: z.boolean(),
  masked: z.boolean(),
  flags: z.array(z.string()),
});
const Vehicle = z.object({
  id: z.uuid(),
  vin: z.string().nullable(),
  plate: z.string().nullable(),
  model: z.string().nullable(),
  colour: z.string().nullable(),
  engineNo: z.string().nullable(),
  lastVisitOn: z.string().nullable(),
  nextMaintenanceOn: z.string().nullable(),
});
const TimelineItem = z.object({
  on: z.string(),
  type: z.enum(['repair_order', 'sale', 'delivery', 'correction', 'change']),
  title: z.string(),
  detail: z.string().nullable(),
  refId: z.string().nullable(),
  /** For a `change`: the field (a customers column; `id_card` for the ID number) and its old → new value,
   *  masked by the viewer's customer-information permissions; `hidden` when they may not see it at all. */
  change: z
    .object({ field: z.string(), from: z.string().nullable(), to: z.string().nullable(), hidden: z.boolean() })
    .optional(),
});

export const Customer360 = z.object({
  customer: z.object({
    id: z.uuid(),
    kind: z.enum(['private', 'organisation']),
    name: z.string(),
    gender: z.string().nullable(),
    birthDate: z.string().nullable(),
    email: z.string().nullable(),
    address: z.string().nullable(),
    postcode: z.string().nullable(),
    employer: z.string().nullable(),
    industry: z.string().nullable(),
    idCard: z.string().nullable(),
    personal: z.record(z.string(), z.unknown()).nullable(),
    serviceCallbacksAllowed: z.boolean(),
    serviceConsent: z.unknown().nullable(),
    marketingAllowed: z.boolean(),
    marketingConsent: z.unknown().nullable(),
    createdAt: z.string(),
  }),
  phones: z.array(Phone),
  vehicles: z.array(Vehicle),
  timeline: z.array(TimelineItem),
  permissions: z.record(z.string(), FieldPermission),
});

export const RevealRequest = z.object({ field: z.enum(['phone', 'idCard']), phoneId: z.uuid().optional() }).strict();
export const RevealResult = z.object({ value: z.string() });

export const ConsentRequest = z
  .object({
    serviceCallbacksAllowed: z.boolean().optional(),
    marketingAllowed: z.boolean().optional(),
    channel: z.enum(['phone', 'on_site', 'mobile_link', 'paper', 'dms', 'other']),
    note: ShortText(200).optional(),
  })
  .strict()
  .refine(
    (v) => v.serviceCallbacksAllowed !== undefined || v.marketingAllowed !== undefined,
    'give serviceCallbacksAllowed or marketingAllowed',
  );

export const FieldPermissionRow = FieldPermission.extend({ role: z.enum(ROLES), group: z.enum(FIELD_GROUPS) });
export const FieldPermissionTable = z.object({ items: z.array(FieldPermissionRow.extend({ isDefault: z.boolean() })) });
export const UpdateFieldPermissions = z
  .object({ items: z.array(FieldPermissionRow.strict()).min(1).max(200) })
  .strict();

export const InterferenceFlag = z.object({
  kind: z.enum(['shared_phone', 'staff_phone']),
  phone: z.string(),
  customerCount: z.number().int(),
  staffName: z.string().nullable(),
  customers: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export const InterferenceList = z.object({ items: z.array(InterferenceFlag), sharedThreshold: z.number().int() });
