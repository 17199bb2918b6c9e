import type { RecordAttemptRequest, TaskResponseRequest } from '../../../core/contracts/callbacks';
import { applyOutcome, oneWorkingDayLater, priorityFor } from '../../../core/rules/callback-rules';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { AppError, notFound } from '../../http/errors';
import { appendAudit } from '../audit/audit.service';
import { submitResponse } from '../questionnaires/responses.service';
import { dealerWorkingDays } from './generator';
import { findResponsibleStaff, insertHandoff } from './handoffs.queries';
import { currentRules } from './rules.service';
import { getTask } from './callbacks.service';
import * as q from './tasks.queries';
import { zoneOf } from './task-view';

/**
 * Call attempts (SPEC §3.6) and their effect on the task (WF-5, §4.6). Every attempt is stored, append-only,
 * with time, agent, outcome, number type and note. Only the agent holding the task's lease — or, when
 * nobody holds it, the agent it is assigned to or anyone for an unassigned task — may record one.
 */

const OPEN = ['PENDING', 'APPOINTMENT'];
const MAX_APPOINTMENT_MS = 60 * 86_400_000;

function checkWorkable(t: q.TaskRow, actor: Actor, now: Date) {
  if (!OPEN.includes(t.status)) throw new AppError('CONFLICT', `The task is ${t.status}`, { status: t.status });
  const held = t.leaseUserId && t.leaseExpiresAt && t.leaseExpiresAt.getTime() > now.getTime();
  if (held && t.leaseUserId !== actor.userId)
    throw new AppError('CONFLICT', 'Another agent is working on this task', { reason: 'held' });
  if (!held && t.assignedUserId && t.assignedUserId !== actor.userId)
    throw new AppError('CONFLICT', 'This task is assigned to another agent', { reason: 'assigned' });
}

async function lockWorkable(tx: Db, actor: Actor, id: string, now: Date) {
  const t = await q.lockTask(tx, actor.dealerIds, id);
  if (!t) throw notFound('Callback task');
  checkWorkable(t, actor, now);
  return t;
}

function appointmentTime(body: RecordAttemptRequest, now: Date): Date | undefined {
  if (!body.appointmentAt) {
    if (body.outcome === 'appointment')
      throw new AppError('VALIDATION_FAILED', 'An appointment needs its time', { field: 'appointmentAt' });
    return undefined;
  }
  const at = new Date(body.appointmentAt);
  if (at.getTime() < now.getTime() - 60_000 || at.getTime() > now.getTime() + MAX_APPOINTMENT_MS)
    throw new AppError('VALIDATION_FAILED', 'The appointment must be within the next 60 days', {
      field: 'appointmentAt',
    });
  return at;
}

/** Records one attempt and moves the task on (SPEC §4.6). */
export async function recordAttempt(db: Db, actor: Actor, id: string, body: RecordAttemptRequest) {
  const now = new Date();
  const appointmentAt = appointmentTime(body, now);
  await db.transaction().execute(async (tx) => {
    const t = await lockWorkable(tx, actor, id, now);
    const phone = body.phoneId ? await q.findPhone(tx, t.dealerId, t.customerId, body.phoneId) : undefined;
    if (body.phoneId && !phone)
      throw new AppError('VALIDATION_FAILED', "That phone is not one of the customer's", { field: 'phoneId' });
    const attempt = {
      dealerId: t.dealerId,
      taskId: t.id,
      customerId: t.customerId,
      agentUserId: actor.userId,
      outcome: body.outcome,
      phoneId: body.phoneId ?? null,
      phoneKind: body.phoneKind ?? phone?.kind ?? null,
      note: body.note ?? '',
      appointmentAt: appointmentAt ?? null,
      responseId: null as string | null,
    };
    if (body.outcome === 'completed') {
      attempt.responseId = await checkResponse(tx, t, body.responseId);
      await q.insertAttempt(tx, attempt);
      await markSuccess(tx, t, attempt.responseId, now);
      return;
    }
    await q.insertAttempt(tx, attempt);
    await applyTransition(tx, actor, t, body.outcome, now, appointmentAt);
  });
  return getTask(db, actor, id);
}

async function applyTransition(
  tx: Db,
  actor: Actor,
  t: q.TaskRow,
  outcome: Exclude<RecordAttemptRequest['outcome'], 'completed'>,
  now: Date,
  appointmentAt: Date | undefined,
) {
  const tz = zoneOf(actor, t.dealerId);
  const { rules } = await currentRules(tx, t.dealerId, tz, now);
  const tr = applyOutcome({ failedAttempts: t.failedAttempts }, outcome, rules, now, appointmentAt);
  const terminal = tr.status === 'REFUSED';
  await q.updateTask(tx, t.dealerId, t.id, {
    status: tr.status,
    priority: priorityFor(t.priority, tr.status),
    attemptCount: t.attemptCount + 1,
    failedAttempts: tr.failedAttempts,
    nextAttemptAt: tr.nextAttemptAt,
    appointmentAt: tr.appointmentAt,
    assignedUserId: tr.keepAgent ? actor.userId : t.assignedUserId,
    lastAttemptAt: now,
    lastOutcome: outcome,
    leaseUserId: null,
    leaseExpiresAt: null,
    closedAt: terminal ? now : null,
    reason: terminal ? 'refused' : tr.handoff,
  });
  if (tr.blockCustomer && t.customerId) await blockCustomer(tx, actor, t.dealerId, t.customerId, 'refused', t.id);
  if (tr.handoff) {
    const staff = await findResponsibleStaff(tx, t.dealerId, t.sourceKind, t.sourceId);
    await insertHandoff(tx, {
      dealerId: t.dealerId,
      taskId: t.id,
      customerId: t.customerId,
      department:
        t.sourceKind === 'sale' ? 'sales' : t.sourceKind === 'repair_order' ? 'after_sales' : 'customer_service',
      ...staff,
      reason: tr.handoff,
      createdBy: actor.userId,
      dueAt: oneWorkingDayLater(now, tz, await dealerWorkingDays(tx, t.dealerId)),
    });
  }
}

async function checkResponse(tx: Db, t: q.TaskRow, responseId: string | undefined) {
  if (!responseId)
    throw new AppError('VALIDATION_FAILED', 'A completed call needs its response', { field: 'responseId' });
  const r = await q.findResponseOfDealer(tx, t.dealerId, responseId);
  if (!r || (r.taskId && r.taskId !== t.id))
    throw new AppError('VALIDATION_FAILED', 'That response does not belong to this task', { field: 'responseId' });
  return r.id;
}

async function markSuccess(tx: Db, t: q.TaskRow, responseId: string | null, now: Date) {
  await q.updateTask(tx, t.dealerId, t.id, {
    status: 'SUCCESS',
    priority: priorityFor(t.priority, 'SUCCESS'),
    attemptCount: t.attemptCount + 1,
    lastAttemptAt: now,
    lastOutcome: 'completed',
    responseId,
    leaseUserId: null,
    leaseExpiresAt: null,
    closedAt: now,
    reason: null,
  });
}

/** Submits the questionnaire answers of a task (SPEC §4.3 step 2) and closes it as SUCCESS, atomically. */
export async function submitTaskResponse(db: Db, actor: Actor, id: string, body: TaskResponseRequest) {
  const now = new Date();
  const { respondentEligible, ...response } = body;
  await db.transaction().execute(async (tx) => {
    const t = await lockWorkable(tx, actor, id, now);
    await q.linkNextResponse(tx, t.id);
    const responseId = await submitResponse(tx, actor, response);
    await q.insertAttempt(tx, {
      dealerId: t.dealerId,
      taskId: t.id,
      customerId: t.customerId,
      agentUserId: actor.userId,
      outcome: 'completed',
      phoneId: null,
      phoneKind: null,
      note: '',
      appointmentAt: null,
      responseId,
    });
    await markSuccess(tx, t, responseId, now);
    if (respondentEligible !== undefined) await q.updateTask(tx, t.dealerId, t.id, { respondentEligible });
  });
  return getTask(db, actor, id);
}

/**
 * For the on-site and mobile-link flows: a response was stored for this task elsewhere; mark the task
 * SUCCESS (no lease needed; the task must still be open). Runs in the caller's transaction when given one.
 * `at` is when the call happened: now, except for trusted internal callers entering past calls (the demo seed).
 */
export async function completeTaskWithResponse(
  db: Db,
  actor: Actor,
  taskId: string,
  responseId: string,
  at = new Date(),
) {
  const run = async (tx: Db) => {
    const t = await q.lockTask(tx, actor.dealerIds, taskId);
    if (!t) throw notFound('Callback task');
    if (!OPEN.includes(t.status)) throw new AppError('CONFLICT', `The task is ${t.status}`, { status: t.status });
    const rid = await checkResponse(tx, t, responseId);
    await q.insertAttempt(tx, {
      ...{ dealerId: t.dealerId, taskId: t.id, customerId: t.customerId, agentUserId: actor.userId },
      ...{ outcome: 'completed', phoneId: null, phoneKind: null, note: '', appointmentAt: null, responseId: rid },
      attemptedAt: at,
    });
    await markSuccess(tx, t, rid, at);
  };
  await (db.isTransaction ? run(db) : db.transaction().execute(run));
}

/**
 * Blocks every later callback of a customer (a refusal, or an opt-out recorded by another feature). The
 * claim query skips blocked customers at once; the next generation cycle marks their open tasks EXCLUDED.
 */
export async function blockCustomer(
  db: Db,
  actor: Pick<Actor, 'userId' | 'username'>,
  dealerId: string,
  customerId: string,
  reason: 'refused' | 'opted_out',
  taskId: string | null = null,
  note = '',
) {
  const run = async (tx: Db) => {
    await q.insertBlock(tx, { dealerId, customerId, reason, taskId, note, createdBy: actor.userId });
    await appendAudit(tx, {
      dealerId,
      actorUserId: actor.userId,
      actorUsername: actor.username,
      action: 'callbacks.customer.block',
      entityType: 'customer',
      entityId: customerId,
      details: { reason, taskId },
    });
  };
  await (db.isTransaction ? run(db) : db.transaction().execute(run));
}
