import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/errors';
import { appendAudit } from '../audit/audit.service';
import { findSettings } from './reports.queries';

/** CONFIG preset: an export naming more customers than this asks for a reason (issue 7). */
export const EXPORT_REASON_ROWS_PRESET = 200;

export async function exportReasonRows(db: Db, dealerId: string): Promise<number> {
  return (await findSettings(db, dealerId))?.exportReasonRows ?? EXPORT_REASON_ROWS_PRESET;
}

/**
 * The generic "export with reason" guard (issue 7, SPEC §8.3): an export of personal data larger than the dealer's
 * CONFIG row count needs a `reason` (422 EXPORT_REASON_REQUIRED otherwise); every export of personal data is written
 * to the audit log with its row count, the view of the phones and the reason. Any feature's export may call it.
 */
export async function guardPersonalExport(
  db: Db,
  actor: Actor,
  e: {
    dealerId: string;
    entityType: string;
    entityId: string;
    rows: number;
    phones: string;
    reason?: string | undefined;
  },
): Promise<void> {
  if (e.rows === 0) return;
  const limit = await exportReasonRows(db, e.dealerId);
  if (e.rows > limit && !e.reason)
    throw new AppError(
      'EXPORT_REASON_REQUIRED',
      `An export of more than ${limit} rows of personal data needs a reason`,
      {
        rows: e.rows,
        limit,
      },
    );
  await appendAudit(db, {
    dealerId: e.dealerId,
    actorUserId: actor.userId,
    actorUsername: actor.username,
    action: 'export.personal-data',
    entityType: e.entityType,
    entityId: e.entityId,
    ip: actor.ip,
    details: { rows: e.rows, phones: e.phones, reason: e.reason ?? null },
  });
}
