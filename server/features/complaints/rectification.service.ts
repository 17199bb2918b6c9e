import type { z } from 'zod';
import type { IssueRectificationRequest, RectificationNotice } from '../../../core/contracts/complaints';
import { deadlineAfter } from '../../../core/rules/calendar';
import { headRolesOf, managesDepartment } from '../../../core/rules/complaint-flow';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { AppError, notFound } from '../../http/errors';
import { getDealerCalendar } from '../calendar/calendar.service';
import { notify } from '../notifications/notify';
import { requireDealer } from '../org/org.service';
import { iso, recordStep } from './complaint-view';
import { loadComplaint } from './complaints.service';
import { rulesInForce } from './penalty-rules.service';
import * as q from './rectification.queries';

/**
 * Rectification notices (整改通知单) for complaints made to the manufacturer's hotline (WF-9, SPEC §4.9,
 * §3.10): issued with the deadline of the dealer's rules (BLANK by default: none), the result is reported
 * back to CR, and the head of the related department gives the GM a written explanation (书面说明).
 */
function toNotice(r: q.NoticeRow, now = new Date()): RectificationNotice {
  return {
    id: r.id,
    complaintId: r.complaintId,
    complaintDescription: r.complaintDescription,
    responsible: r.responsible,
    relatedLeaders: r.relatedLeaders,
    disciplinaryAction: r.disciplinaryAction as RectificationNotice['disciplinaryAction'],
    majorLoss: r.majorLoss,
    deductPerformancePay: r.deductPerformancePay,
    requirements: r.requirements,
    dueAt: iso(r.dueAt),
    overdue: r.status === 'issued' && r.dueAt !== null && r.dueAt < now,
    status: r.status as RectificationNotice['status'],
    result: r.result,
    resultAt: iso(r.resultAt),
    explanation: r.explanation,
    explanationAt: iso(r.explanationAt),
    issuedBy: r.issuedByName,
    issuedAt: r.issuedAt.toISOString(),
    closedAt: iso(r.closedAt),
  };
}

export async function findNoticeViews(db: Db, dealerId: string, f: q.NoticeFilter) {
  return (await q.findNotices(db, dealerId, f)).map((r) => toNotice(r));
}

export async function listNotices(db: Db, actor: Actor, status?: string) {
  return { items: await findNoticeViews(db, requireDealer(actor), { status }) };
}

async function loadNotice(db: Db, dealerId: string, id: string) {
  const [row] = await q.findNotices(db, dealerId, { id });
  if (!row) throw notFound('Rectification notice');
  return row;
}

async function requireRectifiable(db: Db, complaint: Awaited<ReturnType<typeof loadComplaint>>) {
  if (complaint.status === 'void') throw new AppError('CONFLICT', 'The complaint is void');
  if (complaint.source !== 'oem_hotline' && !complaint.rectificationNeeded)
    throw new AppError('CONFLICT', "Rectification notices are for complaints made to the manufacturer's hotline");
  if ((await q.findNotices(db, complaint.dealerId, { complaintId: complaint.id })).length > 0)
    throw new AppError('CONFLICT', 'This complaint already has a rectification notice');
}

/** The notice's deadline: the rules' working days (§4.9 "限期", BLANK by default → none). */
async function noticeDueAt(tx: Db, dealerId: string): Promise<Date | null> {
  const { rules } = await rulesInForce(tx, dealerId, new Date());
  if (rules.rectificationWorkingDays === null) return null;
  return deadlineAfter(await getDealerCalendar(tx, dealerId), new Date(), {
    workingDays: rules.rectificationWorkingDays,
  });
}

function notifyIssued(tx: Db, complaint: Awaited<ReturnType<typeof loadComplaint>>, id: string, text: string) {
  return notify(tx, {
    dealerId: complaint.dealerId,
    event: 'rectification.issued',
    recipients: { roles: [...new Set([...headRolesOf(complaint.department), 'gm'])] },
    title: '整改通知单',
    body: text.slice(0, 200),
    link: `/complaints/${complaint.id}`,
    dedupeKey: `rectification:${id}:issued`,
  });
}

export async function issueNotice(
  db: Db,
  actor: Actor,
  complaintId: string,
  input: z.infer<typeof IssueRectificationRequest>,
) {
  const dealerId = requireDealer(actor);
  const complaint = await loadComplaint(db, dealerId, complaintId);
  await requireRectifiable(db, complaint);
  const id = await db.transaction().execute(async (tx) => {
    const dueAt = await noticeDueAt(tx, dealerId);
    const row = await q.insertNotice(tx, {
      dealerId,
      complaintId,
      responsible: input.responsible,
      relatedLeaders: input.relatedLeaders ?? '',
      requirements: input.requirements,
      disciplinaryAction: input.disciplinaryAction ?? null,
      majorLoss: input.majorLoss,
      deductPerformancePay: input.deductPerformancePay,
      dueAt,
      issuedBy: actor.userId,
    });
    await recordStep(tx, actor, dealerId, {
      complaintId,
      kind: 'rectification.issue',
      note: input.requirements,
      details: { majorLoss: input.majorLoss, dueAt: iso(dueAt), disciplinaryAction: input.disciplinaryAction ?? null },
      entity: { type: 'rectification_notice', id: row.id },
    });
    await notifyIssued(tx, complaint, row.id, input.requirements);
    return row.id;
  });
  return toNotice(await loadNotice(db, dealerId, id));
}

type NoticeStep = 'result' | 'explanation';

/** The related department reports the result to CR, or its head explains in writing to the GM. */
export async function recordNoticeStep(db: Db, actor: Actor, id: string, step: NoticeStep, text: string) {
  const dealerId = requireDealer(actor);
  const notice = await loadNotice(db, dealerId, id);
  if (!managesDepartment(actor.roles, notice.complaintDepartment))
    throw new AppError('FORBIDDEN', 'The head of the related department reports on this notice');
  const now = new Date();
  const set =
    step === 'result'
      ? { status: 'reported', result: text, resultAt: now, resultBy: actor.userId }
      : { explanation: text, explanationAt: now, explanationBy: actor.userId };
  const from = step === 'result' ? ['issued'] : ['issued', 'reported'];
  await db.transaction().execute(async (tx) => {
    const done = await q.updateNotice(tx, dealerId, id, from, set);
    if (Number(done.numUpdatedRows) !== 1)
      throw new AppError('CONFLICT', `This notice is ${notice.status}: the ${step} cannot be recorded`);
    await recordStep(tx, actor, dealerId, {
      complaintId: notice.complaintId,
      kind: `rectification.${step}`,
      note: text,
      entity: { type: 'rectification_notice', id },
    });
    await notify(tx, {
      dealerId,
      event: `rectification.${step}`,
      recipients: { roles: step === 'result' ? ['cs_supervisor', 'cs_lead'] : ['gm'] },
      title: step === 'result' ? '整改结果已反馈' : '整改书面说明',
      body: text.slice(0, 200),
      link: `/complaints/${notice.complaintId}`,
      dedupeKey: `rectification:${id}:${step}`,
    });
  });
  return toNotice(await loadNotice(db, dealerId, id));
}

/** CR closes the notice once the result is reported and the written explanation is in. */
export async function closeNotice(db: Db, actor: Actor, id: string) {
  const dealerId = requireDealer(actor);
  const notice = await loadNotice(db, dealerId, id);
  if (notice.status !== 'reported' || !notice.explanation)
    throw new AppError('CONFLICT', 'A notice is closed after its result is reported and the explanation is given');
  await db.transaction().execute(async (tx) => {
    await q.updateNotice(tx, dealerId, id, ['reported'], {
      status: 'closed',
      closedAt: new Date(),
      closedBy: actor.userId,
    });
    await recordStep(tx, actor, dealerId, {
      complaintId: notice.complaintId,
      kind: 'rectification.close',
      entity: { type: 'rectification_notice', id },
    });
  });
  return toNotice(await loadNotice(db, dealerId, id));
}
