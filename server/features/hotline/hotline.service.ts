import type { z } from 'zod';
import type {
  CreateHotlineCallRequest,
  HotlineCall,
  HotlineQuery,
  ToComplaintRequest,
  UpdateHotlineCallRequest,
} from '../../../core/contracts/hotline';
import { levelForHotline, promiseKept } from '../../../core/rules/complaint-flow';
import { maskPhoneValue } from '../../../core/rules/customer-privacy';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { AppError, notFound } from '../../http/errors';
import { enqueue } from '../../jobs/outbox';
import { appendAudit } from '../audit/audit.service';
import { customerExists } from '../complaints/complaints.queries';
import { createComplaint } from '../complaints/complaints.service';
import { requireDealer } from '../org/org.service';
import * as q from './hotline.queries';

/** Hotline log (热线电话, SPEC §3.24, WF-10): 400/800 calls, the promised reply time and whether it was kept. */
export const PROMISE_DUE_JOB = 'hotline.promise-due';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toCall(r: q.CallRow, masked: boolean, now = new Date()): HotlineCall {
  return {
    id: r.id,
    line: r.line as HotlineCall['line'],
    startedAt: r.startedAt.toISOString(),
    rings: r.rings,
    afterHours: r.afterHours,
    forwardedTo: r.forwardedTo,
    callerName: r.callerName,
    callerPhone: masked ? maskPhoneValue(r.callerPhone) : r.callerPhone,
    customerId: r.customerId,
    purpose: r.purpose,
    category: r.category as HotlineCall['category'],
    content: r.content,
    promisedReplyAt: iso(r.promisedReplyAt),
    repliedAt: iso(r.repliedAt),
    replyNote: r.replyNote,
    kept: r.kept ?? promiseKept(r.promisedReplyAt, r.repliedAt, now),
    overdue: r.repliedAt === null && r.promisedReplyAt !== null && r.promisedReplyAt < now,
    complaintId: r.complaintId,
    operator: r.operatorName,
    createdAt: r.createdAt.toISOString(),
  };
}

async function loadCall(db: Db, dealerId: string, id: string) {
  const [row] = await q.findCalls(db, dealerId, { id });
  if (!row) throw notFound('Hotline call');
  return row;
}

/** The timer of a promised reply: fires at the promised time (once per promise, dedupe key). */
function schedulePromise(tx: Db, dealerId: string, id: string, promisedAt: Date) {
  return enqueue(tx, {
    dealerId,
    name: PROMISE_DUE_JOB,
    payload: { callId: id, promisedAt: promisedAt.toISOString() },
    runAt: promisedAt,
    dedupeKey: `hotline:${id}:promise:${promisedAt.getTime()}`,
  });
}

function audit(tx: Db, actor: Actor, dealerId: string, action: string, id: string, details: Record<string, unknown>) {
  return appendAudit(tx, {
    dealerId,
    actorUserId: actor.userId,
    actorUsername: actor.username,
    action,
    entityType: 'hotline_call',
    entityId: id,
    ip: actor.ip,
    details,
  });
}

export async function createCall(db: Db, actor: Actor, input: z.infer<typeof CreateHotlineCallRequest>) {
  const dealerId = requireDealer(actor);
  if (input.customerId && !(await customerExists(db, dealerId, input.customerId))) throw notFound('Customer');
  const promised = input.promisedReplyAt ? new Date(input.promisedReplyAt) : null;
  const id = await db.transaction().execute(async (tx) => {
    const row = await q.insertCall(tx, {
      dealerId,
      line: input.line,
      startedAt: input.startedAt ? new Date(input.startedAt) : new Date(),
      rings: input.rings ?? null,
      afterHours: input.afterHours,
      forwardedTo: input.forwardedTo ?? null,
      callerName: input.callerName,
      callerPhone: input.callerPhone,
      customerId: input.customerId ?? null,
      purpose: input.purpose,
      category: input.category,
      content: input.content,
      promisedReplyAt: promised,
      operatorUserId: actor.userId,
    });
    if (promised) await schedulePromise(tx, dealerId, row.id, promised);
    await audit(tx, actor, dealerId, 'hotline.create', row.id, { line: input.line, category: input.category });
    return row.id;
  });
  return toCall(await loadCall(db, dealerId, id), false);
}

export async function listCalls(db: Db, actor: Actor, query: z.infer<typeof HotlineQuery>) {
  const rows = await q.findCalls(db, requireDealer(actor), { ...query, overdue: query.overdue === 'true' });
  return { items: rows.map((r) => toCall(r, true)) };
}

export async function getCall(db: Db, actor: Actor, id: string) {
  return toCall(await loadCall(db, requireDealer(actor), id), false);
}

export async function updateCall(db: Db, actor: Actor, id: string, input: z.infer<typeof UpdateHotlineCallRequest>) {
  const dealerId = requireDealer(actor);
  const row = await loadCall(db, dealerId, id);
  const newPromise =
    input.promisedReplyAt === undefined
      ? undefined
      : input.promisedReplyAt === null
        ? null
        : new Date(input.promisedReplyAt);
  const changesPromise = newPromise !== undefined && iso(newPromise) !== iso(row.promisedReplyAt);
  if (changesPromise && row.repliedAt) throw new AppError('CONFLICT', 'The caller has been answered already');
  await db.transaction().execute(async (tx) => {
    await q.updateCall(tx, dealerId, id, {
      ...(input.purpose ? { purpose: input.purpose } : {}),
      ...(input.category ? { category: input.category } : {}),
      ...(input.content ? { content: input.content } : {}),
      ...(changesPromise ? { promisedReplyAt: newPromise, kept: null, overdueNotifiedAt: null } : {}),
    });
    if (changesPromise && newPromise) await schedulePromise(tx, dealerId, id, newPromise);
    await audit(tx, actor, dealerId, 'hotline.update', id, { fields: Object.keys(input) });
  });
  return toCall(await loadCall(db, dealerId, id), false);
}

/** The caller was answered: kept = answered no later than promised (WF-10 step 4). */
export async function replyCall(
  db: Db,
  actor: Actor,
  id: string,
  input: { note: string; repliedAt?: string | undefined },
) {
  const dealerId = requireDealer(actor);
  const row = await loadCall(db, dealerId, id);
  if (row.repliedAt) throw new AppError('CONFLICT', 'This call has been answered already');
  const at = input.repliedAt ? new Date(input.repliedAt) : new Date();
  if (at > new Date() || at < row.startedAt)
    throw new AppError('VALIDATION_FAILED', 'repliedAt: between the call and now', { field: 'repliedAt' });
  const kept = promiseKept(row.promisedReplyAt, at, at);
  await db.transaction().execute(async (tx) => {
    await q.updateCall(tx, dealerId, id, { repliedAt: at, replyNote: input.note, kept });
    await audit(tx, actor, dealerId, 'hotline.reply', id, { kept });
  });
  return toCall(await loadCall(db, dealerId, id), false);
}

/** A grumble or complaint from the hotline becomes a complaint slip (source hotline_400 / hotline_800). */
export async function callToComplaint(db: Db, actor: Actor, id: string, input: z.infer<typeof ToComplaintRequest>) {
  const dealerId = requireDealer(actor);
  const row = await loadCall(db, dealerId, id);
  if (row.complaintId) throw new AppError('CONFLICT', 'This call already has a complaint');
  const complaintId = await db.transaction().execute(async (tx) => {
    const cid = await createComplaint(
      db,
      actor,
      {
        source: row.line === '400' ? 'hotline_400' : 'hotline_800',
        level: input.level ?? levelForHotline(row.category as 'complaint'),
        customerName: row.callerName,
        customerPhone: row.callerPhone,
        ...(row.customerId ? { customerId: row.customerId } : {}),
        description: input.description ?? row.content,
        staffIds: [],
        rectificationNeeded: false,
      },
      tx,
    );
    await q.updateCall(tx, dealerId, id, { complaintId: cid });
    await audit(tx, actor, dealerId, 'hotline.to-complaint', id, { complaintId: cid });
    return cid;
  });
  return { complaintId };
}
