import { z } from 'zod';
import { type JobContext, registerJob } from '../../jobs/outbox';
import { appendAudit } from '../audit/audit.service';
import { notify } from '../notifications/notify';
import * as q from './hotline.queries';
import { PROMISE_DUE_JOB } from './hotline.service';

/**
 * The promised reply time of a hotline call has passed (WF-10 step 4, SPEC §8.4 "Committed reply to hotline
 * caller: as promised"). Fires once per promise: the row is marked under a condition (not replied, not yet
 * marked, the same promise), so a retried or duplicated job changes and notifies nothing.
 */
export async function runPromiseDue(payload: { callId: string; promisedAt: string }, ctx: JobContext) {
  await ctx.db.transaction().execute(async (tx) => {
    const [call] = await q.findCalls(tx, ctx.dealerId, { id: payload.callId });
    if (!call) return;
    if (!(await q.markPromiseBroken(tx, ctx.dealerId, call.id, new Date(payload.promisedAt)))) return;
    await notify(tx, {
      dealerId: ctx.dealerId,
      event: 'hotline.promise-overdue',
      recipients: { userIds: call.operatorUserId ? [call.operatorUserId] : [], roles: ['cs_lead'] },
      title: '热线承诺回复已超时',
      body: `${call.callerName}（${call.purpose}）: 承诺 ${payload.promisedAt} 前回复`,
      link: '/hotline',
      dedupeKey: `hotline:${call.id}:overdue:${payload.promisedAt}`,
    });
    await appendAudit(tx, {
      dealerId: ctx.dealerId,
      actorUsername: 'manyi',
      action: 'hotline.promise-overdue',
      entityType: 'hotline_call',
      entityId: call.id,
      details: { promisedAt: payload.promisedAt },
    });
  });
}

registerJob(PROMISE_DUE_JOB, z.object({ callId: z.uuid(), promisedAt: z.string() }), runPromiseDue);
