import { z } from 'zod';
import { notify } from '../server/features/notifications/notify';
import { registerJob } from '../server/jobs/outbox';

/**
 * A stand-in escalation timer for the restart test: when due, it notifies the GM (inbox + e-mail) inside
 * one transaction, keyed by the case so a re-run adds nothing.
 */
export const ESCALATE_JOB = 'test.escalate';
registerJob(ESCALATE_JOB, z.object({ caseNo: z.string() }), async (p, ctx) => {
  await ctx.db.transaction().execute((tx) =>
    notify(tx, {
      dealerId: ctx.dealerId,
      event: 'case.escalated',
      recipients: { roles: ['gm'] },
      title: `工单 ${p.caseNo} 超时升级`,
      body: `工单 ${p.caseNo} 未在一个工作日内处理，已升级至总经理。`,
      dedupeKey: `case:${p.caseNo}:escalated`,
    }),
  );
});
