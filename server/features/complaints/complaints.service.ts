import type { z } from 'zod';
import type {
  AttributionRequest,
  CheckRequest,
  ComplaintDetail,
  ComplaintQuery,
  CreateComplaintRequest,
  ReplyRequest,
} from '../../../core/contracts/complaints';
import { deadlineAfter } from '../../../core/rules/calendar';
import {
  type ComplaintAction,
  headRolesOf,
  managesDepartment,
  nextComplaintStatus,
} from '../../../core/rules/complaint-flow';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { AppError, notFound } from '../../http/errors';
import { enqueue } from '../../jobs/outbox';
import { getDealerCalendar } from '../calendar/calendar.service';
import { notify } from '../notifications/notify';
import { requireDealer } from '../org/org.service';
import { findAppealViews } from './appeals.service';
import { complaintsWithStaff, iso, recordStep } from './complaint-view';
import * as q from './complaints.queries';
import { findPenaltyViews } from './penalties.service';
import { rulesInForce } from './penalty-rules.service';
import { findNoticeViews } from './rectification.service';

export const HANDLING_OVERDUE_JOB = 'complaints.handling-overdue';

export async function loadComplaint(db: Db, dealerId: string, id: string) {
  const [row] = await q.findComplaints(db, dealerId, { id });
  if (!row) throw notFound('Complaint');
  return row;
}

/** Checks that every id is a staff member of this dealer; returns them (unknown ids → 400, never a leak). */
export async function requireStaff(db: Db, dealerId: string, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  const rows = await q.findStaffByIds(db, dealerId, unique);
  if (rows.length !== unique.length)
    throw new AppError('VALIDATION_FAILED', 'staffIds: unknown staff member', { field: 'staffIds' });
  return rows;
}

/** The handling deadline: the rules' working days on the dealer's calendar, from now. */
async function handlingDueAt(tx: Db, dealerId: string): Promise<Date> {
  const { rules } = await rulesInForce(tx, dealerId, new Date());
  return deadlineAfter(await getDealerCalendar(tx, dealerId), new Date(), { workingDays: rules.handlingWorkingDays });
}

function scheduleOverdue(tx: Db, dealerId: string, id: string, dueAt: Date) {
  return enqueue(tx, {
    dealerId,
    name: HANDLING_OVERDUE_JOB,
    payload: { complaintId: id, dueAt: dueAt.toISOString() },
    runAt: dueAt,
    dedupeKey: `complaint:${id}:due:${dueAt.getTime()}`,
  });
}

/**
 * Registers and files a complaint slip (登记备案, WF-8 step 1) and issues it to the department head of the
 * staff concerned, with the handling deadline of the dealer's rules. `tx0`: inside the caller's transaction
 * (a hotline call or forum item becoming a complaint).
 */
export async function createComplaint(db: Db, actor: Actor, input: CreateComplaintRequest, tx0?: Db) {
  const dealerId = requireDealer(actor);
  const staff = await requireStaff(tx0 ?? db, dealerId, input.staffIds);
  const staffIds = staff.map((s) => s.id);
  if (input.customerId && !(await q.customerExists(tx0 ?? db, dealerId, input.customerId))) throw notFound('Customer');
  const department = input.department ?? staff[0]?.department ?? null;
  const run = async (tx: Db) => {
    const dueAt = await handlingDueAt(tx, dealerId);
    const { id } = await q.insertComplaint(tx, {
      dealerId,
      source: input.source,
      level: input.level,
      customerId: input.customerId ?? null,
      customerName: input.customerName,
      customerPhone: input.customerPhone ?? null,
      description: input.description,
      department,
      dueAt,
      rectificationNeeded: input.rectificationNeeded || input.source === 'oem_hotline',
      responseId: input.responseId ?? null,
      caseId: input.caseId ?? null,
      createdBy: actor.userId,
    });
    await q.replaceComplaintStaff(tx, dealerId, id, staffIds);
    const details = { source: input.source, level: input.level, department, staffIds };
    await recordStep(tx, actor, dealerId, { complaintId: id, kind: 'complaint.create', details });
    await issueToHead(tx, dealerId, id, department, input.description);
    await scheduleOverdue(tx, dealerId, id, dueAt);
    return id;
  };
  return tx0 ? run(tx0) : db.transaction().execute(run);
}

async function issueToHead(tx: Db, dealerId: string, id: string, department: string | null, text: string) {
  if (!department) return;
  await notify(tx, {
    dealerId,
    event: 'complaint.issued',
    recipients: { roles: headRolesOf(department) },
    title: '新的客户抱怨单',
    body: text.slice(0, 200),
    link: `/complaints/${id}`,
    dedupeKey: `complaint:${id}:issued:${department}`,
  });
}

export async function listComplaints(db: Db, actor: Actor, query: z.infer<typeof ComplaintQuery>) {
  const dealerId = requireDealer(actor);
  const rows = await q.findComplaints(db, dealerId, { ...query, overdue: query.overdue === 'true' });
  return { items: await complaintsWithStaff(db, dealerId, rows) };
}

export async function getComplaint(db: Db, actor: Actor, id: string): Promise<ComplaintDetail> {
  const dealerId = requireDealer(actor);
  const [complaint] = await complaintsWithStaff(db, dealerId, [await loadComplaint(db, dealerId, id)]);
  const events = await q.findEvents(db, dealerId, id);
  const [notice] = await findNoticeViews(db, dealerId, { complaintId: id });
  return {
    ...complaint!,
    events: events.map((e) => ({ id: e.id, at: e.at.toISOString(), actor: e.actor, kind: e.kind, note: e.note })),
    penalties: await findPenaltyViews(db, dealerId, { complaintId: id }),
    appeals: await findAppealViews(db, dealerId, { complaintId: id }),
    rectification: notice ?? null,
  };
}

/** Moves the slip along WF-8; refuses a step its status does not allow (409). */
export async function transition(
  tx: Db,
  dealerId: string,
  row: q.ComplaintRow,
  action: ComplaintAction,
  set: Record<string, unknown> = {},
) {
  const to = nextComplaintStatus(row.status, action);
  if (!to) throw new AppError('CONFLICT', `A complaint that is ${row.status} cannot take the step ${action}`);
  const done = await q.updateComplaint(tx, dealerId, row.id, [row.status], { ...set, status: to });
  if (Number(done.numUpdatedRows) !== 1)
    throw new AppError('CONFLICT', 'The complaint was changed meanwhile; reload it');
  return to;
}

function requireHead(actor: Actor, department: string | null) {
  if (!managesDepartment(actor.roles, department))
    throw new AppError(
      'FORBIDDEN',
      `Complaints of the ${department ?? 'unassigned'} department are handled by its head`,
    );
}

/** Attribution to the staff member(s) and department responsible (CR, or the head re-attributing). */
export async function attribute(db: Db, actor: Actor, id: string, input: z.infer<typeof AttributionRequest>) {
  const dealerId = requireDealer(actor);
  const row = await loadComplaint(db, dealerId, id);
  if (row.status === 'void' || row.status === 'checked')
    throw new AppError('CONFLICT', `A ${row.status} complaint cannot be re-attributed`);
  const staff = await requireStaff(db, dealerId, input.staffIds);
  await db.transaction().execute(async (tx) => {
    await q.updateComplaint(tx, dealerId, id, [row.status], { department: input.department });
    await q.replaceComplaintStaff(
      tx,
      dealerId,
      id,
      staff.map((s) => s.id),
    );
    await recordStep(tx, actor, dealerId, {
      complaintId: id,
      kind: 'complaint.attribute',
      note: input.note ?? '',
      details: { department: input.department, staffIds: staff.map((s) => s.id), from: row.department },
    });
    if (input.department !== row.department) await issueToHead(tx, dealerId, id, input.department, row.description);
  });
  return getComplaint(db, actor, id);
}

export async function startHandling(db: Db, actor: Actor, id: string, note?: string) {
  const dealerId = requireDealer(actor);
  const row = await loadComplaint(db, dealerId, id);
  requireHead(actor, row.department);
  await db.transaction().execute(async (tx) => {
    await transition(tx, dealerId, row, 'start');
    await recordStep(tx, actor, dealerId, { complaintId: id, kind: 'complaint.start', note: note ?? '' });
  });
  return getComplaint(db, actor, id);
}

/** The head replies the handling result and improvement measures to CR (WF-8 steps 2 and 4). */
export async function replyHandling(db: Db, actor: Actor, id: string, input: z.infer<typeof ReplyRequest>) {
  const dealerId = requireDealer(actor);
  const row = await loadComplaint(db, dealerId, id);
  requireHead(actor, row.department);
  await db.transaction().execute(async (tx) => {
    await transition(tx, dealerId, row, 'reply', {
      handlingResult: input.handlingResult,
      improvementMeasures: input.improvementMeasures,
      handledAt: new Date(),
      handledBy: actor.userId,
    });
    await recordStep(tx, actor, dealerId, {
      complaintId: id,
      kind: 'complaint.reply',
      note: input.handlingResult,
      details: { onTime: row.dueAt >= new Date() },
    });
    await notify(tx, {
      dealerId,
      event: 'complaint.replied',
      recipients: { userIds: row.createdBy ? [row.createdBy] : [], roles: ['cs_lead'] },
      title: '抱怨单已回复，请检核',
      body: input.handlingResult.slice(0, 200),
      link: `/complaints/${id}`,
      dedupeKey: `complaint:${id}:replied`,
    });
  });
  return getComplaint(db, actor, id);
}

/** CR checks (检核) the result, registers it and records the relationship maintenance (WF-8 step 5). */
export async function checkComplaint(db: Db, actor: Actor, id: string, input: z.infer<typeof CheckRequest>) {
  const dealerId = requireDealer(actor);
  const row = await loadComplaint(db, dealerId, id);
  await db.transaction().execute(async (tx) => {
    await transition(tx, dealerId, row, 'check', {
      checkResult: input.checkResult,
      relationshipNotes: input.relationshipNotes ?? null,
      checkedAt: new Date(),
      checkedBy: actor.userId,
      ...(input.level ? { level: input.level } : {}),
    });
    await recordStep(tx, actor, dealerId, {
      complaintId: id,
      kind: 'complaint.check',
      note: input.checkResult,
      details: { level: input.level ?? row.level, checkedAt: iso(new Date()) },
    });
  });
  return getComplaint(db, actor, id);
}
