import { createHash } from 'node:crypto';
import type { CaseRules, CaseStep } from '../../../core/contracts/cases';
import { toLocal, type WorkCalendar } from '../../../core/rules/calendar';
import {
  dailyReportResultDueAt,
  dailyReportSecondCallbackDueAt,
  replyDueAt,
  secondCallbackDueAt,
} from '../../../core/rules/case-routing';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { getDealerCalendar } from '../calendar/calendar.service';
import { createSecondCallbackTask } from '../callbacks/second-callback';
import { caseRulesAt } from './case-rules.service';
import { notifyCase, startStepTimer } from './case-timers';
import * as q from './cases.queries';

/** The state changes shared by the step services and the timer job (one case row, locked by the caller). */

export type CaseRow = NonNullable<Awaited<ReturnType<typeof q.lockCase>>>;

export interface Ctx {
  cal: WorkCalendar;
  rules: CaseRules;
  now: Date;
}

export async function loadCtx(db: Db, dealerId: string, now: Date): Promise<Ctx> {
  const cal = await getDealerCalendar(db, dealerId);
  return { cal, rules: await caseRulesAt(db, dealerId, cal.timeZone, now), now };
}

export const ymdAt = (cal: WorkCalendar, d: Date) => toLocal(cal, d).ymd;

export function event(
  tx: Db,
  c: CaseRow,
  kind: string,
  now: Date,
  actor: Pick<Actor, 'userId' | 'displayName'> | null,
  extra: { step?: CaseStep | null; note?: string; details?: Record<string, unknown>; loop?: number } = {},
) {
  return q.insertEvent(tx, {
    dealerId: c.dealerId,
    caseId: c.id,
    at: now,
    kind,
    loop: extra.loop ?? c.loop,
    step: extra.step ?? null,
    actorUserId: actor?.userId ?? null,
    actorName: actor?.displayName ?? null,
    note: extra.note ?? '',
    details: extra.details ?? {},
  });
}

/** The step now pending: its deadline goes on the row (lists, dashboard) and into a durable timer. */
export async function enterStep(tx: Db, c: CaseRow, step: CaseStep, dueAt: Date, set: q.CaseSet, now: Date) {
  await q.updateCase(tx, c.dealerId, c.id, {
    ...set,
    currentStep: step,
    currentDueAt: dueAt,
    escalationLevel: 0,
    updatedAt: now,
  });
  await startStepTimer(tx, c.dealerId, c.id, step, Number(set.loop ?? c.loop), dueAt);
}

/** Sent / sent again to the recipients: the department's result is due 1 working day after receipt (§4.7 step 2). */
export async function awaitReply(tx: Db, c: CaseRow, ctx: Ctx, loop: number, reason: 'forwarded' | 'reopened') {
  const due =
    c.path === 'daily_report'
      ? dailyReportResultDueAt(ctx.cal, ctx.rules, ctx.now)
      : replyDueAt(ctx.cal, ctx.rules, ctx.now);
  await enterStep(
    tx,
    c,
    'reply',
    due,
    {
      status: 'awaiting_reply',
      loop,
      receivedAt: ctx.now,
      replyDueAt: due,
      ...(reason === 'forwarded' ? { forwardedAt: ctx.now } : {}),
      repliedAt: null,
      returnedAt: null,
      returnDueAt: null,
      secondCallbackDueAt: null,
    },
    ctx.now,
  );
  await notifyCase(tx, {
    dealerId: c.dealerId,
    caseId: c.id,
    formNo: c.formNo,
    event: 'case.to-answer',
    userIds: [c.handlerUserId],
    roles: c.recipientRoles,
    title: loop > 1 ? `客户仍不满意，请再次处理（第${loop}轮）` : '新的客户不满意问题跟踪表',
    body: `${c.problem.slice(0, 200)}\n处理结果请于 ${fmt(ctx.cal, due)} 前反馈客户。`,
    key: `case:${c.id}:to-answer:${loop}`,
  });
  return due;
}

/** The form came back (or the SA's result arrived): the same agent's second callback task (§4.7 step 4). */
export async function awaitSecondCallback(tx: Db, c: CaseRow, ctx: Ctx, actor: Pick<Actor, 'userId'>) {
  const due =
    c.path === 'daily_report'
      ? dailyReportSecondCallbackDueAt(ctx.cal, ctx.now)
      : secondCallbackDueAt(ctx.cal, ctx.rules, ctx.now);
  const taskId = await createSecondCallbackTask(tx, {
    dealerId: c.dealerId,
    sourceId: loopSourceId(c.id, c.loop),
    customerId: c.customerId,
    vehicleId: c.vehicleId,
    agentUserId: c.filledBy,
    dueStart: ymdAt(ctx.cal, ctx.now),
    dueEnd: ymdAt(ctx.cal, due),
    note: `二次回访：不满意问题跟踪表 ${c.formNo}（第${c.loop}轮）`,
    createdBy: actor.userId,
  });
  await enterStep(
    tx,
    c,
    'second_callback',
    due,
    {
      status: 'awaiting_second_callback',
      returnedAt: ctx.now,
      secondCallbackDueAt: due,
      secondCallbackTaskId: taskId,
    },
    ctx.now,
  );
  await notifyCase(tx, {
    dealerId: c.dealerId,
    caseId: c.id,
    formNo: c.formNo,
    event: 'case.second-callback',
    userIds: [c.filledBy],
    roles: [],
    title: '请做二次回访',
    body: `部门已处理并回传跟踪表，请于 ${fmt(ctx.cal, due)} 前回访客户是否满意。`,
    key: `case:${c.id}:second-callback:${c.loop}`,
  });
}

/** A stable uuid per (case, loop) for the second-callback task's natural key. */
export function loopSourceId(caseId: string, loop: number): string {
  const h = createHash('sha256').update(`case-loop:${caseId}:${loop}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Local "YYYY-MM-DD HH:MM" in the dealer's zone, for messages. */
export function fmt(cal: WorkCalendar, d: Date): string {
  const { ymd, msOfDay } = toLocal(cal, d);
  const m = Math.floor(msOfDay / 60_000);
  return `${ymd} ${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
