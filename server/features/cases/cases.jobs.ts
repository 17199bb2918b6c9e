import { z } from 'zod';
import { CaseStep } from '../../../core/contracts/cases';
import { escalationRoles, finalEscalationAt, stepOwner } from '../../../core/rules/case-routing';
import type { Db } from '../../db/client';
import { type JobContext, registerJob } from '../../jobs/outbox';
import { caseNow } from './case-clock';
import { type CaseRow, type Ctx, event, fmt, loadCtx } from './case-flow';
import { notifyCase, scheduleTimer, STEP_OVERDUE_JOB, timerKey, type TimerPayload } from './case-timers';
import * as q from './cases.queries';

/**
 * `cases.step-overdue`: the durable timer of one step of one loop at one escalation level (SPEC §8.4). It runs at
 * least once (a crash or a lost lease runs it again); the case row lock and `escalation_level` make every level
 * happen once, and the notification's dedupe key makes a rerun add nothing. A step that was done in time, a loop
 * that moved on or a closed case make it a no-op. A timer that fires before its time by the case clock (clock
 * skew between app and database) puts itself back for that time.
 */
const Payload = z.object({
  caseId: z.uuid(),
  step: CaseStep,
  loop: z.number().int().min(1),
  level: z.union([z.literal(1), z.literal(2)]),
  fireAt: z.iso.datetime(),
});

const STEP_LABEL: Record<CaseStep, string> = {
  forward: '跟踪表未按时送达总监',
  reply: '部门未按时向客户反馈处理结果',
  return: '跟踪表未按时回传客服中心',
  second_callback: '二次回访未按时完成',
};

async function escalate(tx: Db, c: CaseRow, p: TimerPayload, ctx: Ctx) {
  await q.updateCase(tx, c.dealerId, c.id, { escalationLevel: p.level, updatedAt: ctx.now });
  const owners =
    stepOwner(p.step) === 'agent'
      ? { userIds: [c.filledBy], roles: [] as string[] }
      : { userIds: [c.handlerUserId], roles: c.recipientRoles };
  const roles = escalationRoles(ctx.rules, p.step, c.channel as never, p.level);
  await event(tx, c, p.level === 1 ? 'overdue' : 'escalated', ctx.now, null, {
    step: p.step,
    details: { level: p.level, dueAt: c.currentDueAt ? new Date(c.currentDueAt).toISOString() : null, roles },
  });
  await notifyCase(tx, {
    dealerId: c.dealerId,
    caseId: c.id,
    formNo: c.formNo,
    event: p.level === 1 ? 'case.overdue' : 'case.escalated',
    userIds: p.level === 1 ? owners.userIds : [],
    roles: p.level === 1 ? [...owners.roles, ...roles] : roles,
    title: p.level === 1 ? `已超期：${STEP_LABEL[p.step]}` : `升级至总经理：${STEP_LABEL[p.step]}`,
    body: `应于 ${fmt(ctx.cal, new Date(c.currentDueAt!))} 前完成。${c.problem.slice(0, 200)}`,
    key: timerKey(p),
  });
  if (p.level === 1) {
    const at = finalEscalationAt(ctx.cal, ctx.rules, new Date(c.currentDueAt!));
    await scheduleTimer(tx, c.dealerId, { ...p, level: 2, fireAt: at.toISOString() });
  }
}

export async function runStepOverdue(p: TimerPayload, ctx: Pick<JobContext, 'db' | 'dealerId' | 'jobId'>) {
  const now = caseNow();
  const c0 = await q.findCaseRow(ctx.db, ctx.dealerId, p.caseId);
  if (!c0) return;
  const flow = await loadCtx(ctx.db, ctx.dealerId, now);
  await ctx.db.transaction().execute(async (tx) => {
    const c = await q.lockCase(tx, ctx.dealerId, p.caseId);
    if (!c || c.status === 'closed' || c.currentStep !== p.step || c.loop !== p.loop) return;
    if (c.escalationLevel >= p.level) return;
    if (now < new Date(p.fireAt)) {
      await scheduleTimer(tx, c.dealerId, p, `:after:${ctx.jobId}`);
      return;
    }
    await escalate(tx, c, p, flow);
  });
}

registerJob(STEP_OVERDUE_JOB, Payload, runStepOverdue);
