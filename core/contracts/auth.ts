import { z } from 'zod';
import { ROLES } from '../permissions';
import { Uuid } from './common';

export const Role = z.enum(ROLES);
export const Locale = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof Locale>;

/** Passwords longer than this are refused before any hashing (a 10,000-character password is a 400, fast). */
export const PASSWORD_MAX = 256;
export const PASSWORD_MIN = 10;

export const LoginRequest = z
  .object({
    username: z.string().min(1).max(64),
    password: z.string().min(1).max(PASSWORD_MAX),
  })
  .strict();
export type LoginRequest = z.infer<typeof LoginRequest>;

export const NewPassword = z
  .string()
  .min(PASSWORD_MIN, `at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX)
  .refine((s) => /[A-Za-z]/.test(s) && /[0-9]/.test(s), 'must contain letters and digits');

export const ChangePasswordRequest = z
  .object({ currentPassword: z.string().min(1).max(PASSWORD_MAX), newPassword: NewPassword })
  .strict();

export const DealerSummary = z.object({
  id: Uuid,
  code: z.string(),
  name: z.string(),
  regionId: Uuid,
  regionName: z.string(),
  timeZone: z.string(),
});
export type DealerSummary = z.infer<typeof DealerSummary>;

export const Scope = z.object({
  kind: z.enum(['dealer', 'region', 'group']),
  id: Uuid,
  name: z.string(),
});

export const Me = z.object({
  user: z.object({
    id: Uuid,
    username: z.string(),
    displayName: z.string(),
    locale: Locale,
    mustChangePassword: z.boolean(),
  }),
  roles: z.array(Role),
  permissions: z.array(z.string()),
  scope: Scope,
  dealers: z.array(DealerSummary),
  currentDealerId: Uuid.nullable(),
  csrfToken: z.string(),
  session: z.object({ idleExpiresAt: z.string(), absoluteExpiresAt: z.string() }),
});
export type Me = z.infer<typeof Me>;

export const SwitchDealerRequest = z.object({ dealerId: Uuid }).strict();
export const SetLocaleRequest = z.object({ locale: Locale }).strict();
