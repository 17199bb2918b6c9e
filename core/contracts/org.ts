import { z } from 'zod';
import { ShortText, Uuid } from './common';

export const BusinessHours = z
  .object({
    /** ISO weekdays 1 = Monday … 7 = Sunday on which the dealer is open. */
    days: z.array(z.number().int().min(1).max(7)).max(7),
    open: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
    close: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  })
  .strict();
export type BusinessHours = z.infer<typeof BusinessHours>;

export const Dealer = z.object({
  id: Uuid,
  code: z.string(),
  name: z.string(),
  regionId: Uuid,
  regionName: z.string(),
  groupId: Uuid,
  groupName: z.string(),
  timeZone: z.string(),
  businessHours: BusinessHours,
});
export type Dealer = z.infer<typeof Dealer>;
export const DealerList = z.object({ items: z.array(Dealer) });

export const Department = z.enum(['customer_service', 'after_sales', 'sales', 'quality', 'management', 'other']);
export type Department = z.infer<typeof Department>;

export const Staff = z.object({
  id: Uuid,
  dealerId: Uuid,
  name: z.string(),
  department: Department,
  position: z.string(),
  phoneMasked: z.string().nullable(),
  email: z.string().nullable(),
  userId: Uuid.nullable(),
  active: z.boolean(),
});
export type Staff = z.infer<typeof Staff>;
export const StaffList = z.object({ items: z.array(Staff), total: z.number().int() });

export const CreateStaffRequest = z
  .object({
    name: ShortText(64),
    department: Department,
    position: ShortText(64),
    phone: z
      .string()
      .regex(/^1[3-9]\d{9}$/, 'a mainland mobile number, 11 digits starting 13–19')
      .optional(),
    email: z.email().max(254).optional(),
  })
  .strict();
export type CreateStaffRequest = z.infer<typeof CreateStaffRequest>;

export const StaffQuery = z
  .object({
    department: Department.optional(),
    q: z.string().trim().max(64).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();
