import type { AuditEntry } from '../../../core/contracts/audit';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { appendAudit, verifyAuditChains } from './audit.service';
import { findAuditPage } from './audit.queries';

export async function listAudit(
  db: Db,
  actor: Actor,
  f: { action?: string | undefined; outcome?: string | undefined; limit: number; offset: number },
) {
  const scope = actor.roles.includes('system_admin') ? 'all' : actor.dealerIds;
  const { items, total } = await findAuditPage(db, scope, f);
  return {
    total,
    items: items.map((r): AuditEntry => ({
      dealerId: r.dealerId,
      seq: r.seq,
      at: r.at.toISOString(),
      actorUsername: r.actorUsername,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      outcome: r.outcome as AuditEntry['outcome'],
      ip: r.ip,
      details: (r.details ?? {}) as Record<string, unknown>,
    })),
  };
}

export async function verifyAudit(db: Db, actor: Actor) {
  const result = await verifyAuditChains(db);
  await appendAudit(db, {
    dealerId: null,
    actorUserId: actor.userId,
    actorUsername: actor.username,
    action: 'audit.verify',
    ip: actor.ip,
    outcome: result.ok ? 'success' : 'failure',
    details: { rows: result.rows },
  });
  return result;
}
