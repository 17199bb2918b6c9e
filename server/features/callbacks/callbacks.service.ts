import type { MineResult, NextResult, QueueQuery } from '../../../core/contracts/callbacks';
import { localParts, withinCallingHours } from '../../../core/rules/callback-rules';
import { hasPermission } from '../../../core/permissions';
import type { FieldPermission } from '../../../core/rules/customer-privacy';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { AppError, notFound } from '../../http/errors';
import { appendAudit } from '../audit/audit.service';
import { permissionsFor } from '../customers/field-permissions';
import { requireDealer } from '../org/org.service';
import { dealerWorkingDays, generateForDealer } from './generator';
import * as qq from './queue.queries';
import { currentRules } from './rules.service';
import { toQueueItem, toTask, zoneOf } from './task-view';
import { findTaskContext, findUserOfDealer, type TaskContextRow } from './tasks.queries';

/**
 * The agents' queue (SPEC §3.5, §8.7): "next call" leases the most urgent due task nobody holds
 * (FOR UPDATE SKIP LOCKED; a lease expires after `leaseMinutes` when the agent walks away); the leads
 * see the whole queue and who holds what, and reassign.
 */

const PERMS_MS = 5_000;
const permsCache = new Map<string, { at: number; contact: FieldPermission }>();
/** The actor's view of contact data at a dealer (the permission table, cached for a few seconds). */
async function contactView(db: Db, actor: Actor, dealerId: string): Promise<FieldPermission> {
  const key = `${dealerId}:${[...actor.roles].sort().join(',')}`;
  const hit = permsCache.get(key);
  if (hit && Date.now() - hit.at < PERMS_MS) return hit.contact;
  const { contact } = await permissionsFor(db, dealerId, actor.roles);
  permsCache.set(key, { at: Date.now(), contact });
  return contact;
}

const present = async (db: Db, actor: Actor, t: TaskContextRow) =>
  toTask(t, await contactView(db, actor, t.dealerId), localParts(new Date(), zoneOf(actor, t.dealerId)).ymd);

export async function getTask(db: Db, actor: Actor, id: string) {
  const t = await findTaskContext(db, actor.dealerIds, id);
  if (!t) throw notFound('Callback task');
  return present(db, actor, t);
}

/** Claims the next task for the agent (and drops the one they held: pressing "next" again skips it). */
export async function nextTask(db: Db, actor: Actor): Promise<NextResult> {
  const dealerId = requireDealer(actor);
  const tz = zoneOf(actor, dealerId);
  const now = new Date();
  const { rules } = await currentRules(db, dealerId, tz, now);
  if (!withinCallingHours(now, tz, rules.callingHours)) {
    await qq.releaseLease(db, dealerId, actor.userId, null);
    return { task: null, reason: 'outside_calling_hours' };
  }
  const params = {
    dealerId,
    userId: actor.userId,
    today: localParts(now, tz).ymd,
    leaseMinutes: rules.leaseMinutes,
    capAttempts: rules.customerCap.attempts,
    capSince: new Date(now.getTime() - rules.customerCap.periodHours * 3_600_000),
  };
  // Under READ COMMITTED a row claimed and committed by another agent between our snapshot and our lock
  // drops out of LIMIT 1 without a replacement; one more try covers that race.
  const row = (await qq.claimNext(db, params)) ?? (await qq.claimNext(db, params));
  if (!row) return { task: null, reason: 'empty' };
  return { task: await present(db, actor, row), reason: 'claimed' };
}

export async function releaseTask(db: Db, actor: Actor, id: string) {
  await getVisibleTask(db, actor, id);
  await qq.releaseLease(db, requireDealer(actor), actor.userId, id);
  return { ok: true as const };
}

async function getVisibleTask(db: Db, actor: Actor, id: string) {
  const t = await findTaskContext(db, [requireDealer(actor)], id);
  if (!t) throw notFound('Callback task');
  return t;
}

/** Lead: give a task to one agent (or back to everyone). The agent must work callbacks at this dealer. */
export async function assignTask(db: Db, actor: Actor, id: string, userId: string | null) {
  const t = await getVisibleTask(db, actor, id);
  if (userId) {
    const u = await findUserOfDealer(db, t.dealerId, userId);
    if (!u || !hasPermission(u.roles as Actor['roles'], 'callbacks:work'))
      throw new AppError('VALIDATION_FAILED', 'That user does not work callbacks at this dealer', { field: 'userId' });
  }
  if (!['PENDING', 'APPOINTMENT', 'CONTACT_INVALID'].includes(t.status))
    throw new AppError('CONFLICT', `The task is ${t.status}`, { status: t.status });
  await db.transaction().execute(async (tx) => {
    await qq.assignTask(tx, t.dealerId, id, userId);
    await appendAudit(tx, {
      dealerId: t.dealerId,
      actorUserId: actor.userId,
      actorUsername: actor.username,
      action: 'callbacks.task.assign',
      entityType: 'callback_task',
      entityId: id,
      details: { from: t.assignedUserId, to: userId },
    });
  });
  return getTask(db, actor, id);
}

export async function listQueue(db: Db, actor: Actor, f: QueueQuery) {
  const dealerId = requireDealer(actor);
  const today = localParts(new Date(), zoneOf(actor, dealerId)).ymd;
  const bool = (v: 'true' | 'false' | undefined) => (v === undefined ? undefined : v === 'true');
  const [page, counts, holders] = await Promise.all([
    qq.findQueue(db, dealerId, { ...f, held: bool(f.held), overdue: bool(f.overdue), today }),
    qq.countByStatus(db, dealerId),
    qq.findHolders(db, dealerId),
  ]);
  return {
    items: page.rows.map((r) => toQueueItem(r, today)),
    total: page.total,
    counts,
    holders: holders.map((h) => ({
      userId: h.userId!,
      name: h.name,
      taskId: h.taskId,
      expiresAt: new Date(h.expiresAt!).toISOString(),
    })),
  };
}

/** The workbench's side panel: the task I hold, my appointments, and today's counts. */
export async function mine(db: Db, actor: Actor): Promise<MineResult> {
  const dealerId = requireDealer(actor);
  const tz = zoneOf(actor, dealerId);
  const now = new Date();
  const p = localParts(now, tz);
  const [h, m] = p.hm.split(':').map(Number);
  const since = new Date(now.getTime() - ((h ?? 0) * 60 + (m ?? 0)) * 60_000 - now.getSeconds() * 1000);
  const [items, counts] = await Promise.all([
    qq.findAgentItems(db, dealerId, actor.userId),
    qq.countAgentAttempts(db, dealerId, actor.userId, since),
  ]);
  const held = items.find((i) => i.held);
  return {
    holding: held ? toQueueItem(held, p.ymd) : null,
    appointments: items.filter((i) => i.status === 'APPOINTMENT').map((i) => toQueueItem(i, p.ymd)),
    today: {
      attempts: Object.values(counts).reduce((a, b) => a + b, 0),
      successes: counts.completed ?? 0,
      refused: counts.refused ?? 0,
      appointments: (counts.appointment ?? 0) + (counts.busy ?? 0),
      contactInvalid: counts.wrong_number ?? 0,
    },
  };
}

/** Runs generation for the actor's dealer now (the recurring job does the same every 30 s). */
export async function generateNow(db: Db, actor: Actor) {
  const dealerId = requireDealer(actor);
  const timeZone = zoneOf(actor, dealerId);
  const isWorkingDay = await dealerWorkingDays(db, dealerId);
  return generateForDealer(db, dealerId, { now: new Date(), timeZone, isWorkingDay });
}
