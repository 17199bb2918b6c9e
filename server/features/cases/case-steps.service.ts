import type { ReassignRequest, ReplyRequest, SecondCallbackRequest } from '../../../core/contracts/cases';
import { hasPermission, type Role } from '../../../core/permissions';
import { loopNeedsEscalation, returnDueAt } from '../../../core/rules/case-routing';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { AppError, forbidden, notFound } from '../../http/errors';
import { appendAudit } from '../audit/audit.service';
import { completeSecondCallbackTask } from '../callbacks/second-callback';
import { caseNow } from './case-clock';
import { awaitReply, awaitSecondCallback, type CaseRow, type Ctx, enterStep, event, loadCtx } from './case-flow';
import { notifyCase } from './case-timers';
import * as q from './cases.queries';
import * as daily from './daily-report.queries';
import { getCase, viewerOf } from './cases.service';

/**
 * The steps of WF-7 (SPEC §4.7): forward the form (by 17:00), the department's result to the customer (1 working
 * day), the completed form returned, the same agent's second callback → closed, or a new loop "until the
 * customer is satisfied" (直至客户满意). Each step locks the case row, checks who may act, records the event,
 * and starts the next step's timer in the same transaction.
 */

export const isHandler = (c: Pick<CaseRow, 'handlerUserId' | 'recipientRoles'>, actor: Actor) =>
  c.handlerUserId === actor.userId || c.recipientRoles.some((r) => (actor.roles as string[]).includes(r));

type Step = (tx: Db, c: CaseRow, ctx: Ctx) => Promise<void>;

async function withCase(db: Db, actor: Actor, id: string, expect: CaseRow['status'], run: Step) {
  const seen = await q.findCase(db, actor.dealerIds, id, viewerOf(actor));
  if (!seen) throw notFound('Case');
  const now = caseNow();
  const ctx = await loadCtx(db, seen.dealerId, now);
  await db.transaction().execute(async (tx) => {
    const c = await q.lockCase(tx, seen.dealerId, id);
    if (!c) throw notFound('Case');
    if (c.status !== expect)
      throw new AppError('CONFLICT', `The case is ${c.status}; this step needs ${expect}`, { status: c.status });
    await run(tx, c, ctx);
    await appendAudit(tx, {
      dealerId: c.dealerId,
      actorUserId: actor.userId,
      actorUsername: actor.username,
      action: `case.${expect}`,
      entityType: 'dissatisfaction_case',
      entityId: c.id,
      ip: actor.ip,
      details: { formNo: c.formNo, loop: c.loop },
    });
  });
  return getCase(db, actor, id);
}

const requireAgent = (c: CaseRow, actor: Actor) => {
  if (c.filledBy !== actor.userId)
    throw new AppError('FORBIDDEN', 'Only the agent who filled the form does this step (SPEC §4.7 step 4)', {
      filledBy: c.filledBy,
    });
};
const requireHandler = (c: CaseRow, actor: Actor) => {
  if (!isHandler(c, actor)) throw forbidden('cases:handle');
};

/** The form goes to the director (and department manager): "before 17:00 the same day". */
export function forwardCase(db: Db, actor: Actor, id: string, note = '') {
  return withCase(db, actor, id, 'open', async (tx, c, ctx) => {
    requireAgent(c, actor);
    await event(tx, c, 'forwarded', ctx.now, actor, { step: 'forward', note, details: { dueAt: c.formDueAt } });
    await awaitReply(tx, c, ctx, c.loop, 'forwarded');
  });
}

/** The department's handling result, given to the customer (§4.7 step 2); for a daily-report item, the SA's result. */
export function replyCase(db: Db, actor: Actor, id: string, body: ReplyRequest) {
  return withCase(db, actor, id, 'awaiting_reply', async (tx, c, ctx) => {
    requireHandler(c, actor);
    await event(tx, c, 'replied', ctx.now, actor, { step: 'reply', note: body.result });
    const set = { repliedAt: ctx.now, replyBy: actor.userId, handlingResult: body.result };
    if (c.path === 'daily_report') {
      await daily.saveResult(tx, c.dealerId, c.id, body.result, ctx.now);
      await q.updateCase(tx, c.dealerId, c.id, set);
      await awaitSecondCallback(tx, { ...c, loop: c.loop }, ctx, actor);
      return;
    }
    const due = returnDueAt(ctx.cal, ctx.rules, ctx.now);
    await enterStep(tx, c, 'return', due, { ...set, status: 'replied', returnDueAt: due }, ctx.now);
  });
}

/** The department completed the form and returned it to the CS centre (§4.7 step 3). */
export function returnCase(db: Db, actor: Actor, id: string, note = '') {
  return withCase(db, actor, id, 'replied', async (tx, c, ctx) => {
    requireHandler(c, actor);
    await event(tx, c, 'returned', ctx.now, actor, { step: 'return', note });
    await awaitSecondCallback(tx, c, ctx, actor);
  });
}

/** The agent of the loop's second callback: the one who filled the form, or the substitute named (C39). */
async function requireCaller(tx: Db, c: CaseRow, actor: Actor) {
  const caller = (await q.findCallbackAgent(tx, c.dealerId, c.secondCallbackTaskId)) ?? c.filledBy;
  if (caller !== actor.userId)
    throw new AppError('FORBIDDEN', 'Only the agent who filled the form (or the named substitute) calls back', {
      filledBy: c.filledBy,
    });
}

/** The same agent's second callback: satisfied → closed; not satisfied → a new loop (§4.7 steps 4–5, C7). */
export function secondCallback(db: Db, actor: Actor, id: string, body: SecondCallbackRequest) {
  return withCase(db, actor, id, 'awaiting_second_callback', async (tx, c, ctx) => {
    await requireCaller(tx, c, actor);
    if (c.secondCallbackTaskId) await completeSecondCallbackTask(tx, c.dealerId, c.secondCallbackTaskId, ctx.now);
    await event(tx, c, 'second_callback', ctx.now, actor, {
      step: 'second_callback',
      note: body.note,
      details: { satisfied: body.satisfied },
    });
    if (c.path === 'daily_report')
      await daily.saveSecondCallback(tx, c.dealerId, c.id, body.satisfied, body.note, ctx.now);
    if (body.satisfied) return closeSatisfied(tx, c, ctx, actor);
    return reopen(tx, c, ctx, actor);
  });
}

async function closeSatisfied(tx: Db, c: CaseRow, ctx: Ctx, actor: Actor) {
  await q.updateCase(tx, c.dealerId, c.id, {
    status: 'closed',
    closedReason: 'satisfied',
    closedAt: ctx.now,
    secondCallbackAt: ctx.now,
    currentStep: null,
    currentDueAt: null,
    escalationLevel: 0,
    updatedAt: ctx.now,
  });
  await event(tx, c, 'closed', ctx.now, actor, { note: 'customer satisfied' });
}

async function reopen(tx: Db, c: CaseRow, ctx: Ctx, actor: Actor) {
  const loop = c.loop + 1;
  await q.updateCase(tx, c.dealerId, c.id, { secondCallbackAt: ctx.now, handlingResult: '' });
  await event(tx, c, 'reopened', ctx.now, actor, { loop, details: { previousLoop: c.loop } });
  await awaitReply(tx, c, ctx, loop, 'reopened');
  if (!loopNeedsEscalation(ctx.rules, c.loop) || c.loopEscalatedAt) return;
  await q.updateCase(tx, c.dealerId, c.id, { loopEscalatedAt: ctx.now });
  await event(tx, c, 'loop_escalated', ctx.now, null, {
    loop,
    details: { afterLoops: ctx.rules.escalation.afterLoops },
  });
  await notifyCase(tx, {
    dealerId: c.dealerId,
    caseId: c.id,
    formNo: c.formNo,
    event: 'case.escalated',
    userIds: [],
    roles: ctx.rules.escalation.finalRoles,
    title: `客户经${c.loop}轮处理仍不满意，已升级`,
    body: c.problem.slice(0, 300),
    key: `case:${c.id}:loop-escalated`,
  });
}

/**
 * C39: the agent who filled the form is unavailable; a CS lead / supervisor names another agent for this loop's
 * second callback (the SECOND_CALLBACK task moves to them). The next loop goes back to the agent who filled it.
 */
export function reassignSecondCallback(db: Db, actor: Actor, id: string, body: ReassignRequest) {
  return withCase(db, actor, id, 'awaiting_second_callback', async (tx, c, ctx) => {
    const to = await q.findActiveUser(tx, c.dealerId, body.userId);
    if (!to || !hasPermission(to.roles as Role[], 'cases:create'))
      throw new AppError('VALIDATION_FAILED', 'Name an active CS agent of this dealer', { field: 'userId' });
    if (!c.secondCallbackTaskId) throw new AppError('CONFLICT', 'The case has no second-callback task');
    await q.reassignCallbackTask(tx, c.dealerId, c.secondCallbackTaskId, to.id);
    await event(tx, c, 'reassigned', ctx.now, actor, {
      step: 'second_callback',
      note: body.reason,
      details: { toUserId: to.id, toName: to.displayName },
    });
    await notifyCase(tx, {
      dealerId: c.dealerId,
      caseId: c.id,
      formNo: c.formNo,
      event: 'case.second-callback',
      userIds: [to.id],
      roles: [],
      title: '请代为二次回访',
      body: `${actor.displayName} 请您代原填表人完成二次回访：${body.reason}`,
      key: `case:${c.id}:second-callback:${c.loop}:to:${to.id}`,
    });
  });
}
