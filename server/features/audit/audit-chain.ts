import { createHash } from 'node:crypto';

/** The platform chain: events with no dealer (failed logins of unknown users, group-level actions). */
export const PLATFORM_CHAIN = '00000000-0000-0000-0000-000000000000';
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  dealerId: string;
  seq: number;
  at: Date;
  actorUserId: string | null;
  actorUsername: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  outcome: string;
  ip: string | null;
  details: unknown;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** hash(row) = sha256(prev_hash ‖ canonical JSON of the row's fields). */
export function hashAuditRow(prevHash: string, row: ChainedFields): string {
  const body = JSON.stringify([
    row.dealerId,
    row.seq,
    row.at.toISOString(),
    row.actorUserId,
    row.actorUsername,
    row.action,
    row.entityType,
    row.entityId,
    row.outcome,
    row.ip,
    canonical(row.details),
  ]);
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}
