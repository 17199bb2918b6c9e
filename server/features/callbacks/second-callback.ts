import type { Db } from '../../db/client';
import * as q from './tasks.queries';

/**
 * Second callbacks (二次回访, SPEC §3.5 SECOND_CALLBACK, §4.7 step 4) created by the closed loop (features/cases):
 * "the same CS agent who filled the form calls the customer back". The task's natural key is the case loop
 * (`sourceKind` manual, `sourceId` given by the caller), so a retried call never doubles it. Runs in the
 * caller's transaction.
 */
export async function createSecondCallbackTask(
  tx: Db,
  input: {
    dealerId: string;
    /** A stable id for this loop of the case (the caller keeps it). */
    sourceId: string;
    customerId: string | null;
    vehicleId: string | null;
    agentUserId: string;
    /** Local dates of the task window. */
    dueStart: string;
    dueEnd: string;
    note: string;
    createdBy: string;
  },
): Promise<string> {
  await q.insertTasks(tx, [
    {
      dealerId: input.dealerId,
      type: 'SECOND_CALLBACK',
      sourceKind: 'manual',
      sourceId: input.sourceId,
      customerId: input.customerId,
      vehicleId: input.vehicleId,
      anchorKind: 'created',
      anchorDate: input.dueStart,
      dueStart: input.dueStart,
      dueEnd: input.dueEnd < input.dueStart ? input.dueStart : input.dueEnd,
      assignedUserId: input.agentUserId,
      priority: 2,
      status: 'PENDING',
      note: input.note,
      createdBy: input.createdBy,
    },
  ]);
  const row = await q.findTaskByKey(tx, input.dealerId, 'SECOND_CALLBACK', 'manual', input.sourceId);
  if (!row) throw new Error('second-callback task was not created');
  return row.id;
}

/** The second callback was made (through the case page): the task is done. Idempotent. */
export async function completeSecondCallbackTask(tx: Db, dealerId: string, taskId: string, at: Date): Promise<void> {
  await q.updateTask(tx, dealerId, taskId, { status: 'SUCCESS', lastAttemptAt: at, lastOutcome: 'completed' });
}
