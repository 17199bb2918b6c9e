import type { CaseChannel, OpenCaseRequest, RoutePreview, RoutePreviewQuery } from '../../../core/contracts/cases';
import {
  allowedPaths,
  channelOfTaskType,
  dailyReportResultDueAt,
  formDueAt,
  replyDueAt,
  routeCase,
  type Routing,
} from '../../../core/rules/case-routing';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/errors';
import { appendAudit } from '../audit/audit.service';
import { requireDealer } from '../org/org.service';
import { caseNow } from './case-clock';
import { awaitReply, type CaseRow, type Ctx, enterStep, event, loadCtx, ymdAt } from './case-flow';
import { forwardCase } from './case-steps.service';
import * as q from './cases.queries';
import { getCase } from './cases.service';
import * as daily from './daily-report.queries';

/**
 * Opening a case from a survey response (SPEC §4.2–§4.5 resolution paths, §3.9 form fields). Path a/b are
 * recorded and closed at once (resolved on the spot); "cannot be solved now" becomes a tracking form due at
 * 17:00 (C5) or, for a minor after-sales phone problem, a daily-report item for the SA (§4.3.3b, C6).
 */

type Source = NonNullable<Awaited<ReturnType<typeof q.findResponseSource>>>;

function pickChannel(src: Source, body: OpenCaseRequest) {
  const channel = channelOfTaskType(src.taskType) ?? body.channel;
  if (!channel)
    throw new AppError('VALIDATION_FAILED', 'Give the channel: the response has no survey task', { field: 'channel' });
  if (!allowedPaths(channel).includes(body.path))
    throw new AppError('VALIDATION_FAILED', `Path ${body.path} is not offered on ${channel} (SPEC §4.7)`, {
      field: 'path',
      allowed: allowedPaths(channel),
    });
  return channel;
}

async function checkInput(db: Db, dealerId: string, body: OpenCaseRequest) {
  const src = await q.findResponseSource(db, dealerId, body.responseId);
  if (!src) throw new AppError('VALIDATION_FAILED', 'No such response', { field: 'responseId' });
  const key = body.questionKey ?? null;
  if (key && !(src.dissatisfied as string[]).includes(key))
    throw new AppError('VALIDATION_FAILED', 'That question was not answered as dissatisfied', { field: 'questionKey' });
  if (await q.caseExistsFor(db, dealerId, src.id, key))
    throw new AppError('CONFLICT', 'A case for this answer exists already', { field: 'questionKey' });
  if (!src.customerId && body.customerId) {
    if (!(await q.customerExists(db, dealerId, body.customerId)))
      throw new AppError('VALIDATION_FAILED', 'No such customer', { field: 'customerId' });
    src.customerId = body.customerId;
  }
  if (body.handlerUserId && !(await q.findActiveUser(db, dealerId, body.handlerUserId)))
    throw new AppError('VALIDATION_FAILED', 'No such user at this dealer', { field: 'handlerUserId' });
  return { src, channel: pickChannel(src, body) };
}

/** The new row: the form's fields (SPEC §3.9) from the response, its task and the agent's input. */
function newCase(src: Source, body: OpenCaseRequest, channel: CaseChannel, routing: Routing, handler: string | null) {
  return {
    channel,
    path: routing.path,
    responseId: src.id,
    questionKey: body.questionKey ?? null,
    taskId: src.taskId,
    customerId: src.customerId,
    vehicleId: src.vehicleId,
    sourceKind: src.sourceKind,
    sourceId: src.sourceId,
    problem: body.problem,
    severity: body.severity,
    department: body.department,
    recipientRoles: recipientsOf(routing, handler),
    handlerUserId: handler,
    status: 'open',
    resolutionNote: body.resolutionNote ?? '',
  };
}

export async function openCase(db: Db, actor: Actor, body: OpenCaseRequest) {
  const dealerId = requireDealer(actor);
  const { src, channel } = await checkInput(db, dealerId, body);
  const ctx = await loadCtx(db, dealerId, caseNow());
  const routing = routeCase(ctx.rules, { ...body, channel });
  const handler = body.handlerUserId ?? (routing.path === 'daily_report' ? src.staffUserId : null);
  const id = await db.transaction().execute(async (tx) => {
    const formNo = await q.nextFormNo(tx, dealerId, ymdAt(ctx.cal, ctx.now));
    const row = newCase(src, body, channel, routing, handler);
    const caseId = await q.insertCase(tx, {
      ...row,
      ...{ dealerId, formNo, filledBy: actor.userId, createdAt: ctx.now, updatedAt: ctx.now },
    });
    const c = (await q.lockCase(tx, dealerId, caseId))!;
    await event(tx, c, 'opened', ctx.now, actor, { details: { path: routing.path, channel }, note: body.problem });
    await startPath(tx, c, ctx, actor);
    await appendAudit(tx, {
      ...{ dealerId, actorUserId: actor.userId, actorUsername: actor.username, ip: actor.ip },
      ...{ action: 'case.open', entityType: 'dissatisfaction_case', entityId: caseId },
      details: { path: routing.path, responseId: src.id },
    });
    return caseId;
  });
  if (body.forward && routing.path === 'c') return forwardCase(db, actor, id);
  return getCase(db, actor, id);
}

/** A daily-report item without a known SA goes to the service advisors as a role. */
const recipientsOf = (routing: Routing, handler: string | null) =>
  routing.path === 'daily_report' && !handler ? ['service_advisor'] : routing.recipientRoles;

async function startPath(tx: Db, c: CaseRow, ctx: Ctx, actor: Actor) {
  if (c.path === 'a' || c.path === 'b') {
    await q.updateCase(tx, c.dealerId, c.id, { status: 'closed', closedReason: 'resolved_on_spot', closedAt: ctx.now });
    await event(tx, c, 'closed', ctx.now, actor, { note: c.resolutionNote });
    return;
  }
  if (c.path === 'daily_report') {
    const due = await awaitReply(tx, c, ctx, 1, 'forwarded');
    const sa = c.handlerUserId ? await q.findActiveUser(tx, c.dealerId, c.handlerUserId) : undefined;
    await daily.insertItem(tx, {
      dealerId: c.dealerId,
      caseId: c.id,
      customerId: c.customerId,
      problem: c.problem,
      enteredBy: actor.userId,
      enteredAt: ctx.now,
      saUserId: sa?.id ?? null,
      saName: sa?.displayName ?? null,
      resultDueAt: due,
    });
    return;
  }
  const due = formDueAt(ctx.cal, ctx.rules, ctx.now);
  await enterStep(tx, c, 'forward', due, { formDueAt: due }, ctx.now);
}

/** What the open-case dialog shows before saving: the path, who receives it and the deadlines. */
export async function previewRoute(db: Db, actor: Actor, query: RoutePreviewQuery): Promise<RoutePreview> {
  const dealerId = requireDealer(actor);
  const ctx = await loadCtx(db, dealerId, caseNow());
  if (!allowedPaths(query.channel).includes(query.path))
    throw new AppError('VALIDATION_FAILED', `Path ${query.path} is not offered on ${query.channel}`, { field: 'path' });
  const routing = routeCase(ctx.rules, query);
  const iso = (d: Date) => d.toISOString();
  if (routing.path === 'daily_report')
    return {
      ...routing,
      formDueAt: null,
      replyDueAtIfSentNow: iso(dailyReportResultDueAt(ctx.cal, ctx.rules, ctx.now)),
    };
  if (routing.path !== 'c') return { ...routing, formDueAt: null, replyDueAtIfSentNow: null };
  return {
    ...routing,
    formDueAt: iso(formDueAt(ctx.cal, ctx.rules, ctx.now)),
    replyDueAtIfSentNow: iso(replyDueAt(ctx.cal, ctx.rules, ctx.now)),
  };
}
