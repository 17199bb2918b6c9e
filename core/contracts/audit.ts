import { z } from 'zod';

export const AuditEntry = z.object({
  dealerId: z.string(),
  seq: z.number().int(),
  at: z.string(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  outcome: z.enum(['success', 'failure', 'denied']),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditList = z.object({ items: z.array(AuditEntry), total: z.number().int() });
export const AuditQuery = z
  .object({
    action: z.string().max(64).optional(),
    outcome: z.enum(['success', 'failure', 'denied']).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();

export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  chains: z.number().int(),
  rows: z.number().int(),
  firstBroken: z.object({ dealerId: z.string(), seq: z.number().int(), reason: z.string() }).nullable(),
});
