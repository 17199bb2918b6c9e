import { z } from 'zod';
import { ShortText, Uuid } from './common';
import { Locale, NewPassword, Role } from './auth';

export const Username = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[a-z][a-z0-9_.-]*$/, 'lower-case letters, digits, _ . - ; starting with a letter');

export const User = z.object({
  id: Uuid,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(Role),
  dealerId: Uuid.nullable(),
  regionId: Uuid.nullable(),
  groupId: Uuid.nullable(),
  locale: Locale,
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type User = z.infer<typeof User>;

export const CreateUserRequest = z
  .object({
    username: Username,
    displayName: ShortText(64),
    password: NewPassword,
    roles: z.array(Role).min(1).max(12),
    /** Omit for the admin's current dealer. Spanning roles may give regionId or groupId instead. */
    dealerId: Uuid.optional(),
    regionId: Uuid.optional(),
    groupId: Uuid.optional(),
    locale: Locale.default('zh-CN'),
  })
  .strict();
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

export const UpdateUserRequest = z
  .object({
    displayName: ShortText(64).optional(),
    roles: z.array(Role).min(1).max(12).optional(),
    disabled: z.boolean().optional(),
    locale: Locale.optional(),
  })
  .strict();
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;

export const ResetPasswordRequest = z.object({ password: NewPassword }).strict();

export const UserList = z.object({ items: z.array(User), total: z.number().int() });
