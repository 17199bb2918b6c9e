import { z } from 'zod';
import { headRolesOf, isHandlingOpen } from '../../../core/rules/complaint-flow';
import { type JobContext, registerJob } from '../../jobs/outbox';
import { notify } from '../notifications/notify';
import { recordStep } from './complaint-view';
import * as q from './complaints.queries';
import { HANDLING_OVERDUE_JOB } from './complaints.service';

/**
 * The handling deadline of a complaint slip: when it passes without a reply, the department head and the
 * CS supervisor are told once (SPEC §8.4 "Overdue items are highlighted and escalated"). Idempotent: the
 * event and the notification carry the deadline in their key; a slip replied meanwhile, or given a new
 * deadline, is left alone.
 */
export async function runHandlingOverdue(payload: { complaintId: string; dueAt: string }, ctx: JobContext) {
  await ctx.db.transaction().execute(async (tx) => {
    const [row] = await q.findComplaints(tx, ctx.dealerId, { id: payload.complaintId });
    if (!row || !isHandlingOpen(row.status) || row.dueAt.toISOString() !== payload.dueAt) return;
    const key = `complaint:${row.id}:overdue:${payload.dueAt}`;
    const sent = await notify(tx, {
      dealerId: ctx.dealerId,
      event: 'complaint.overdue',
      recipients: { roles: [...new Set([...headRolesOf(row.department), 'cs_supervisor'])] },
      title: '抱怨单处理超期',
      body: `${row.customerName}: ${row.description.slice(0, 180)}`,
      link: `/complaints/${row.id}`,
      dedupeKey: key,
    });
    if (!(await q.hasEvent(tx, ctx.dealerId, row.id, 'complaint.overdue')))
      await recordStep(tx, null, ctx.dealerId, {
        complaintId: row.id,
        kind: 'complaint.overdue',
        details: { dueAt: payload.dueAt, notified: sent.recipients },
      });
  });
}

registerJob(HANDLING_OVERDUE_JOB, z.object({ complaintId: z.uuid(), dueAt: z.string() }), runHandlingOverdue);
