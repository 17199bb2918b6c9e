import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { Appeal, AppealQuery, RulingRequest } from '../../../core/contracts/complaints';
import {
  headRolesOf,
  managesDepartment,
  signedStatement,
  statusAfterRejectedAppeal,
} from '../../../core/rules/complaint-flow';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { AppError, notFound } from '../../http/errors';
import { notify } from '../notifications/notify';
import { requireDealer } from '../org/org.service';
import * as q from './appeals.queries';
import { iso, recordStep } from './complaint-view';
import * as cq from './complaints.queries';
import { loadComplaint, transition } from './complaints.service';
import { voidPenaltiesOf } from './penalties.queries';

function toAppeal(r: q.AppealRow): Appeal {
  return {
    id: r.id,
    complaintId: r.complaintId,
    complaintDescription: r.complaintDescription,
    complaintLevel: r.complaintLevel as Appeal['complaintLevel'],
    staff: { id: r.staffId, name: r.staffName, department: r.staffDepartment, position: r.staffPosition },
    appellant: r.appellantName,
    reason: r.reason,
    status: r.status as Appeal['status'],
    submittedAt: r.submittedAt.toISOString(),
    forwardedBy: r.forwardedByName,
    forwardedAt: iso(r.forwardedAt),
    headNote: r.headNote,
    ruledBy: r.ruledByName,
    ruledAt: iso(r.ruledAt),
    rulingStatement: r.rulingStatement,
    signature:
      r.signatureName && r.signatureAt && r.signatureHash
        ? { name: r.signatureName, at: r.signatureAt.toISOString(), hash: r.signatureHash }
        : null,
  };
}

export async function findAppealViews(db: Db, dealerId: string, f: q.AppealFilter) {
  return (await q.findAppeals(db, dealerId, f)).map(toAppeal);
}

async function loadAppeal(db: Db, dealerId: string, id: string) {
  const [row] = await q.findAppeals(db, dealerId, { id });
  if (!row) throw notFound('Appeal');
  return row;
}

/**
 * Department heads see the appeals of their department (to forward them); the GM sees every appeal (to rule).
 */
export async function listAppeals(db: Db, actor: Actor, query: z.infer<typeof AppealQuery>) {
  const dealerId = requireDealer(actor);
  const rows = await q.findAppeals(db, dealerId, query);
  return { items: rows.filter((r) => managesDepartment(actor.roles, r.staffDepartment)).map(toAppeal) };
}

/** The person concerned (当事人) appeals to their own department head (WF-8 step 3). */
export async function fileAppeal(db: Db, actor: Actor, complaintId: string, reason: string) {
  const dealerId = requireDealer(actor);
  const complaint = await loadComplaint(db, dealerId, complaintId);
  const me = await cq.findStaffOfUser(db, dealerId, actor.userId);
  const attributed = await cq.findComplaintStaff(db, dealerId, [complaintId]);
  if (!me || !attributed.some((s) => s.id === me.id))
    throw new AppError('FORBIDDEN', 'Only a staff member concerned by this complaint may appeal it');
  const id = await db.transaction().execute(async (tx) => {
    await transition(tx, dealerId, complaint, 'appeal');
    const row = await q.insertAppeal(tx, {
      dealerId,
      complaintId,
      staffId: me.id,
      appellantUserId: actor.userId,
      reason,
      complaintStatusBefore: complaint.status,
    });
    await recordStep(tx, actor, dealerId, {
      complaintId,
      kind: 'appeal.file',
      note: reason,
      details: { staffId: me.id },
      entity: { type: 'appeal', id: row.id },
    });
    await notify(tx, {
      dealerId,
      event: 'appeal.filed',
      recipients: { roles: headRolesOf(me.department) },
      title: '收到申诉单',
      body: `${me.name}: ${reason.slice(0, 180)}`,
      link: `/complaints/${complaintId}`,
      dedupeKey: `appeal:${row.id}:filed`,
    });
    return row.id;
  });
  return toAppeal(await loadAppeal(db, dealerId, id));
}

/** The department head submits the appeal to the GM for a ruling (裁决). */
export async function forwardAppeal(db: Db, actor: Actor, id: string, note: string) {
  const dealerId = requireDealer(actor);
  const appeal = await loadAppeal(db, dealerId, id);
  if (!managesDepartment(actor.roles, appeal.staffDepartment))
    throw new AppError('FORBIDDEN', "Appeals are forwarded by the appellant's own department head");
  if ((await cq.findStaffOfUser(db, dealerId, actor.userId))?.id === appeal.staffId)
    throw new AppError('FORBIDDEN', 'Nobody forwards their own appeal');
  await db.transaction().execute(async (tx) => {
    const done = await q.updateAppeal(tx, dealerId, id, 'submitted', {
      status: 'forwarded',
      forwardedBy: actor.userId,
      forwardedAt: new Date(),
      headNote: note,
    });
    if (Number(done.numUpdatedRows) !== 1) throw new AppError('CONFLICT', `This appeal is already ${appeal.status}`);
    await recordStep(tx, actor, dealerId, {
      complaintId: appeal.complaintId,
      kind: 'appeal.forward',
      note,
      entity: { type: 'appeal', id },
    });
    await notify(tx, {
      dealerId,
      event: 'appeal.forwarded',
      recipients: { roles: ['gm'] },
      title: '申诉单待裁决',
      body: `${appeal.staffName}: ${appeal.reason.slice(0, 180)}`,
      link: '/appeals',
      dedupeKey: `appeal:${id}:forwarded`,
    });
  });
  return toAppeal(await loadAppeal(db, dealerId, id));
}

/**
 * The GM rules. Upheld: the slip becomes void (无效作废) and its penalties are voided — confirmed by the GM's
 * signature: the typed name, the time and the SHA-256 of the signed statement (SPEC §4.8 step 3, §8.5).
 * Rejected: the complaint is handled immediately.
 */
/** The signature record: name, time and the SHA-256 of the canonical signed statement. */
function sign(appeal: q.AppealRow, input: z.infer<typeof RulingRequest>) {
  const at = new Date();
  const statement = signedStatement({
    appealId: appeal.id,
    complaintId: appeal.complaintId,
    upheld: input.upheld,
    statement: input.statement,
    signerName: input.signatureName,
    signedAt: at.toISOString(),
  });
  return { name: input.signatureName, at, hash: createHash('sha256').update(statement).digest('hex') };
}

/** The slip follows the ruling: void with its penalties, or back to handling. Returns the voided penalty ids. */
async function applyRuling(tx: Db, appeal: q.AppealRow, upheld: boolean, at: Date) {
  const complaint = await loadComplaint(tx, appeal.dealerId, appeal.complaintId);
  if (!upheld) {
    const status = statusAfterRejectedAppeal(appeal.complaintStatusBefore);
    await cq.updateComplaint(tx, appeal.dealerId, complaint.id, ['under_appeal'], { status });
    return [];
  }
  await transition(tx, appeal.dealerId, complaint, 'appeal_upheld', { voidedAt: at });
  return voidPenaltiesOf(tx, appeal.dealerId, complaint.id, `appeal ${appeal.id} upheld`);
}

function notifyRuling(tx: Db, appeal: q.AppealRow, input: z.infer<typeof RulingRequest>) {
  return notify(tx, {
    dealerId: appeal.dealerId,
    event: 'appeal.ruled',
    recipients: {
      userIds: [appeal.appellantUserId],
      roles: ['cs_supervisor', ...headRolesOf(appeal.staffDepartment)],
    },
    title: input.upheld ? '申诉成立，抱怨单作废' : '申诉不成立，请立即处理',
    body: input.statement.slice(0, 200),
    link: `/complaints/${appeal.complaintId}`,
    dedupeKey: `appeal:${appeal.id}:ruled`,
  });
}

export async function ruleAppeal(db: Db, actor: Actor, id: string, input: z.infer<typeof RulingRequest>) {
  const dealerId = requireDealer(actor);
  const appeal = await loadAppeal(db, dealerId, id);
  if (appeal.status !== 'forwarded')
    throw new AppError('CONFLICT', `Only a forwarded appeal can be ruled on; this one is ${appeal.status}`);
  if (input.signatureName !== actor.displayName)
    throw new AppError('VALIDATION_FAILED', 'signatureName: type your own name as it is on your account', {
      field: 'signatureName',
    });
  const sig = sign(appeal, input);
  await db.transaction().execute(async (tx) => {
    const done = await q.updateAppeal(tx, dealerId, id, 'forwarded', {
      ...{ status: input.upheld ? 'upheld' : 'rejected', ruledBy: actor.userId, ruledAt: sig.at },
      ...{ rulingStatement: input.statement, signatureName: sig.name, signatureAt: sig.at, signatureHash: sig.hash },
    });
    if (Number(done.numUpdatedRows) !== 1) throw new AppError('CONFLICT', 'This appeal was ruled on meanwhile');
    const voided = await applyRuling(tx, appeal, input.upheld, sig.at);
    await recordStep(tx, actor, dealerId, {
      complaintId: appeal.complaintId,
      kind: input.upheld ? 'appeal.upheld' : 'appeal.rejected',
      note: input.statement,
      details: {
        signatureName: sig.name,
        signatureAt: sig.at.toISOString(),
        signatureHash: sig.hash,
        voidedPenalties: voided,
      },
      entity: { type: 'appeal', id },
    });
    await notifyRuling(tx, appeal, input);
  });
  return toAppeal(await loadAppeal(db, dealerId, id));
}
