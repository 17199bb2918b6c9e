import { randomUUID } from 'node:crypto';
import type { CreateTaskRequest } from '../../../core/contracts/callbacks';
import { addDays, localParts } from '../../../core/rules/callback-rules';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { AppError, notFound } from '../../http/errors';
import { requireDealer } from '../org/org.service';
import { getTask } from './callbacks.service';
import * as q from './tasks.queries';
import { zoneOf } from './task-view';

/**
 * Tasks that people (or other features) create rather than the generator: on-site surveys (WF-1, WF-3),
 * second callbacks (WF-7), the P-DPCA special callbacks (002 ¶15: 6 months absent, major grumble,
 * quality tracking) and campaign spot checks (P-SQJ, §4.12), periodic surveys (P-GEN).
 */

const PRIORITY: Partial<Record<CreateTaskRequest['type'], number>> = {
  SECOND_CALLBACK: 2,
  SPECIAL_MAJOR_COMPLAINT: 2,
  SPECIAL_6M_ABSENT: 1,
  SPECIAL_QUALITY_TRACKING: 1,
};

async function resolveSource(db: Db, dealerId: string, body: CreateTaskRequest) {
  if (!body.sourceKind || !body.sourceId) {
    if (body.sourceKind || body.sourceId)
      throw new AppError('VALIDATION_FAILED', 'Give both sourceKind and sourceId', { field: 'sourceId' });
    return { sourceKind: 'manual', sourceId: randomUUID(), vehicleId: null, anchorKind: 'created', date: null };
  }
  const s = await q.findSource(db, dealerId, body.sourceKind, body.sourceId);
  if (!s) throw new AppError('VALIDATION_FAILED', 'No such repair order or sale', { field: 'sourceId' });
  if (s.customerId && s.customerId !== body.customerId)
    throw new AppError('VALIDATION_FAILED', 'The order belongs to another customer', { field: 'customerId' });
  const anchorKind = body.sourceKind === 'sale' ? 'purchase' : 'settlement';
  return { sourceKind: body.sourceKind, sourceId: s.id, vehicleId: s.vehicleId, anchorKind, date: s.date };
}

/** Creates one task; an on-site or follow-up task for the same order and type is returned, not doubled. */
export async function createTask(db: Db, actor: Actor, body: CreateTaskRequest) {
  const dealerId = requireDealer(actor);
  const customer = await q.findCustomerOfDealer(db, dealerId, body.customerId);
  if (!customer) throw new AppError('VALIDATION_FAILED', 'No such customer', { field: 'customerId' });
  if (body.assignedUserId && !(await q.findUserOfDealer(db, dealerId, body.assignedUserId)))
    throw new AppError('VALIDATION_FAILED', 'No such user at this dealer', { field: 'assignedUserId' });
  const src = await resolveSource(db, dealerId, body);
  const today = localParts(new Date(), zoneOf(actor, dealerId)).ymd;
  const dueStart = body.dueStart ?? today;
  const dueEnd = body.dueEnd ?? addDays(dueStart, 7);
  if (dueEnd < dueStart) throw new AppError('VALIDATION_FAILED', 'dueEnd is before dueStart', { field: 'dueEnd' });
  const blocked =
    customer.blockReason === 'refused'
      ? 'refused_before'
      : !customer.serviceCallbacksAllowed || customer.blockReason
        ? 'opted_out'
        : null;
  await q.insertTasks(db, [
    {
      dealerId,
      type: body.type,
      sourceKind: src.sourceKind,
      sourceId: src.sourceId,
      customerId: body.customerId,
      vehicleId: src.vehicleId,
      anchorKind: src.anchorKind,
      anchorDate: src.date ?? today,
      dueStart,
      dueEnd,
      questionnaireCode: body.questionnaireCode ?? null,
      assignedUserId: body.assignedUserId ?? null,
      priority: PRIORITY[body.type] ?? 0,
      status: blocked ? 'EXCLUDED' : 'PENDING',
      reason: blocked,
      note: body.note ?? '',
      createdBy: actor.userId,
    },
  ]);
  const row = await q.findTaskByKey(db, dealerId, body.type, src.sourceKind, src.sourceId);
  if (!row) throw notFound('Callback task');
  return getTask(db, actor, row.id);
}

/**
 * For the on-site page: the AS_ONSITE / SALES_ONSITE task of a repair order or sale (created on first
 * call, the same one afterwards), with the customer's consent answer (SPEC §4.2 step 2, §4.4 step 1).
 */
export async function createOnsiteTask(
  db: Db,
  actor: Actor,
  input: {
    type: 'AS_ONSITE' | 'SALES_ONSITE';
    sourceKind: 'repair_order' | 'sale';
    sourceId: string;
    consent: boolean;
  },
) {
  const dealerId = requireDealer(actor);
  const s = await q.findSource(db, dealerId, input.sourceKind, input.sourceId);
  if (!s || !s.customerId) throw notFound('Repair order or sale');
  const task = await createTask(db, actor, {
    type: input.type,
    customerId: s.customerId,
    sourceKind: input.sourceKind,
    sourceId: input.sourceId,
    assignedUserId: actor.userId,
  });
  await q.updateTask(db, dealerId, task.id, { respondentEligible: true, consent: input.consent });
  return getTask(db, actor, task.id);
}
