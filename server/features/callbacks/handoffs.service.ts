import type { FixHandoffRequest, Handoff } from '../../../core/contracts/callbacks';
import { normalisePhone } from '../../../core/rules/phone';
import type { Role } from '../../../core/permissions';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { AppError, notFound } from '../../http/errors';
import { appendAudit } from '../audit/audit.service';
import { applyToCustomer } from '../customers/corrections.queries';
import { requireDealer } from '../org/org.service';
import * as q from './handoffs.queries';
import { lockTask, updateTask } from './tasks.queries';

/**
 * WF-5 (SPEC §4.6): a wrong number or the last failed attempt hands the contact data to the service
 * advisor (repair order; "the SA submits the result within 1 working day") or the sales consultant (sale;
 * "helps reach the customer, until the customer is reached"). Their fix puts the task back in the queue
 * with a fresh round of attempts.
 */

const DEPARTMENTS: Partial<Record<Role, string[]>> = {
  service_advisor: ['after_sales'],
  aftersales_director: ['after_sales'],
  sales_consultant: ['sales'],
  sales_director: ['sales'],
  cs_lead: ['after_sales', 'sales', 'customer_service'],
  cs_supervisor: ['after_sales', 'sales', 'customer_service'],
};
const departmentsOf = (actor: Actor) => [...new Set(actor.roles.flatMap((r) => DEPARTMENTS[r] ?? []))];

const toHandoff = (h: q.HandoffRow, now: number): Handoff => ({
  id: h.id,
  taskId: h.taskId,
  taskType: h.taskType as Handoff['taskType'],
  customerId: h.customerId,
  customerName: h.customerName,
  sourceNumber: h.sourceNumber,
  department: h.department as Handoff['department'],
  staffName: h.staffName,
  reason: h.reason as Handoff['reason'],
  createdAt: h.createdAt.toISOString(),
  dueAt: h.dueAt.toISOString(),
  overdue: !h.fixedAt && h.dueAt.getTime() < now,
  fixedAt: h.fixedAt?.toISOString() ?? null,
  note: h.note,
});

/** Hand-offs of the actor's department(s); `mine` narrows to the ones naming the actor's staff record. */
export async function listHandoffs(db: Db, actor: Actor, f: { open?: boolean; mine?: boolean }) {
  const rows = await q.findHandoffs(db, [requireDealer(actor)], {
    departments: departmentsOf(actor),
    open: f.open,
    userId: f.mine ? actor.userId : undefined,
  });
  return { items: rows.map((h) => toHandoff(h, Date.now())) };
}

/**
 * The corrected number becomes the customer's primary number through the customer-data path of the corrections
 * (WF-14: source `handoff:<id>`, actor recorded), so every later task, the 360 page and the next import see it;
 * the old numbers stay on the record as non-primary. The change is in the customer's field history (masked there
 * like any phone) and in the audit log.
 */
async function storeOnCustomer(
  tx: Db,
  h: { dealerId: string; customerId: string; handoffId: string },
  phone: { kind: 'mobile' | 'landline'; value: string },
  actorId: string,
) {
  const before = await q.findPrimaryPhone(tx, h.dealerId, h.customerId);
  if (before === phone.value) return false;
  await applyToCustomer(tx, h.dealerId, h.customerId, phone.kind, phone.value, actorId, `handoff:${h.handoffId}`);
  // the corrections path makes a new mobile primary; a landline given to reach the customer is primary here too
  await q.makePrimary(tx, h.dealerId, h.customerId, phone.value);
  await q.recordPhoneChange(tx, {
    dealerId: h.dealerId,
    customerId: h.customerId,
    oldValue: before,
    newValue: phone.value,
    source: `handoff:${h.handoffId}`,
    changedBy: actorId,
  });
  return true;
}

/** The SA / consultant fixed (or confirmed) the contact data: the task goes back to the queue. */
export async function fixHandoff(db: Db, actor: Actor, id: string, body: FixHandoffRequest) {
  const [h] = await q.findHandoffs(db, actor.dealerIds, { departments: departmentsOf(actor), id });
  if (!h) throw notFound('Hand-off');
  let phone: string | null = null;
  let kind: 'mobile' | 'landline' = 'mobile';
  if (body.newPhone) {
    const p = normalisePhone(body.newPhone);
    if (!p.ok) throw new AppError('VALIDATION_FAILED', `newPhone: ${p.reason}`, { field: 'newPhone' });
    phone = p.value;
    kind = p.kind;
  }
  await db.transaction().execute(async (tx) => {
    const task = await lockTask(tx, [h.dealerId], h.taskId);
    if (!(await q.markFixed(tx, h.dealerId, id, { fixedBy: actor.userId, newPhone: phone, note: body.note })))
      throw new AppError('CONFLICT', 'This hand-off is already fixed');
    const onCustomer =
      phone !== null && h.customerId !== null
        ? await storeOnCustomer(
            tx,
            { dealerId: h.dealerId, customerId: h.customerId, handoffId: id },
            { kind, value: phone },
            actor.userId,
          )
        : false;
    if (task?.status === 'CONTACT_INVALID')
      await updateTask(tx, h.dealerId, h.taskId, {
        status: 'PENDING',
        failedAttempts: 0,
        nextAttemptAt: null,
        contactPhone: phone ?? task.contactPhone,
        closedAt: null,
      });
    await appendAudit(tx, {
      dealerId: h.dealerId,
      actorUserId: actor.userId,
      actorUsername: actor.username,
      action: 'callbacks.handoff.fix',
      entityType: 'callback_task',
      entityId: h.taskId,
      details: { handoff: id, newPhone: phone !== null, customerPhoneChanged: onCustomer },
    });
  });
  const [after] = await q.findHandoffs(db, [h.dealerId], { departments: [h.department], id });
  return toHandoff(after!, Date.now());
}
