import { redact } from '../../../core/rules/redact';
import type { Db } from '../../db/client';
import { GENESIS_HASH, hashAuditRow, PLATFORM_CHAIN } from './audit-chain';
import * as q from './audit.queries';

export interface AuditEvent {
  dealerId: string | null;
  actorUserId?: string | null;
  actorUsername?: string | null;
  action: string;
  entityType?: string | null;
  entityId?: string | null;
  outcome?: 'success' | 'failure' | 'denied';
  ip?: string | null;
  details?: Record<string, unknown>;
}

/**
 * Appends one event to its dealer's hash chain, inside the caller's transaction when there is one
 * (so the audit row commits or rolls back with the change it records).
 */
export async function appendAudit(db: Db, event: AuditEvent): Promise<void> {
  if (!db.isTransaction) {
    await db.transaction().execute((tx) => appendAudit(tx, event));
    return;
  }
  const dealerId = event.dealerId ?? PLATFORM_CHAIN;
  await q.lockChain(db, dealerId);
  const head = await q.findChainHead(db, dealerId);
  const prevHash = head?.hash ?? GENESIS_HASH;
  const row = {
    dealerId,
    seq: (head?.seq ?? 0) + 1,
    at: new Date(),
    actorUserId: event.actorUserId ?? null,
    actorUsername: event.actorUsername ?? null,
    action: event.action,
    entityType: event.entityType ?? null,
    entityId: event.entityId ?? null,
    outcome: event.outcome ?? 'success',
    ip: event.ip ?? null,
    details: redact(event.details ?? {}),
  };
  const hash = hashAuditRow(prevHash, row);
  await q.insertAuditRow(db, { ...row, details: JSON.stringify(row.details), prevHash, hash });
}

export interface VerifyResult {
  ok: boolean;
  chains: number;
  rows: number;
  firstBroken: { dealerId: string; seq: number; reason: string } | null;
}

/** Recomputes every chain; names the first row whose link or content does not match. */
export async function verifyAuditChains(db: Db): Promise<VerifyResult> {
  let after: { dealerId: string; seq: number } | null = null;
  let chainId: string | null = null;
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let chains = 0;
  let rows = 0;
  for (;;) {
    const page = await q.findRowsAfter(db, after, 2000);
    if (page.length === 0) break;
    for (const r of page) {
      if (r.dealerId !== chainId) {
        chainId = r.dealerId;
        prevHash = GENESIS_HASH;
        expectedSeq = 1;
        chains++;
      }
      rows++;
      const broken = (reason: string) => ({
        ok: false,
        chains,
        rows,
        firstBroken: { dealerId: r.dealerId, seq: r.seq, reason },
      });
      if (r.seq !== expectedSeq) return broken(`row ${expectedSeq} is missing (next row is ${r.seq})`);
      if (r.prevHash !== prevHash) return broken('prev_hash does not match the previous row');
      const at = r.at instanceof Date ? r.at : new Date(r.at);
      if (hashAuditRow(prevHash, { ...r, at }) !== r.hash) return broken('row content does not match its hash');
      prevHash = r.hash;
      expectedSeq++;
    }
    const last = page[page.length - 1]!;
    after = { dealerId: last.dealerId, seq: last.seq };
  }
  return { ok: true, chains, rows, firstBroken: null };
}
