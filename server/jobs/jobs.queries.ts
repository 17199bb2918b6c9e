import { sql } from 'kysely';
import type { Db } from '../db/client';

export interface NewJob {
  dealerId: string;
  name: string;
  payload: unknown;
  runAt?: Date | undefined;
  dedupeKey?: string | undefined;
  maxAttempts?: number | undefined;
}

/** Inserts a job; a second job with the same (dealer, dedupe key) is a no-op. Returns the new id or null. */
export async function insertJob(db: Db, job: NewJob): Promise<string | null> {
  const row = await db
    .insertInto('jobs')
    .values({
      dealerId: job.dealerId,
      name: job.name,
      payload: JSON.stringify(job.payload ?? {}),
      ...(job.runAt ? { runAt: job.runAt } : {}),
      dedupeKey: job.dedupeKey ?? null,
      ...(job.maxAttempts ? { maxAttempts: job.maxAttempts } : {}),
    })
    .onConflict((oc) => oc.columns(['dealerId', 'dedupeKey']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export type ClaimedJob = {
  dealerId: string;
  id: string;
  name: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
};

/**
 * Claims up to `limit` due jobs for `workerId` with a lease: rows locked by another transaction are skipped
 * (FOR UPDATE SKIP LOCKED), rows whose lease ran out are taken over. Each claim counts as an attempt.
 */
export async function claimDueJobs(db: Db, workerId: string, limit: number, leaseMs: number): Promise<ClaimedJob[]> {
  const r = await sql<ClaimedJob>`
    update jobs set locked_by = ${workerId},
      locked_until = now() + ${leaseMs} * interval '1 millisecond',
      attempts = attempts + 1
    where (dealer_id, id) in (
      select dealer_id, id from jobs
      where done_at is null and failed_at is null and run_at <= now()
        and attempts < max_attempts
        and (locked_until is null or locked_until < now())
      order by run_at
      limit ${limit}
      for update skip locked)
    returning dealer_id as "dealerId", id, name, payload, attempts, max_attempts as "maxAttempts"`.execute(db);
  return r.rows;
}

/** Jobs whose last permitted attempt lost its lease (the process died): given up, with the reason kept. */
export async function failExhaustedJobs(db: Db): Promise<number> {
  const r = await db
    .updateTable('jobs')
    .set({ failedAt: sql`now()`, lastError: sql`coalesce(last_error, 'lease expired on the last attempt')` })
    .where('doneAt', 'is', null)
    .where('failedAt', 'is', null)
    .whereRef('attempts', '>=', 'maxAttempts')
    .where('lockedUntil', '<', sql<Date>`now()`)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function markJobDone(db: Db, dealerId: string, id: string): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ doneAt: sql`now()`, lockedBy: null, lockedUntil: null })
    .where('dealerId', '=', dealerId)
    .where('id', '=', id)
    .where('doneAt', 'is', null)
    .execute();
}

/** A failed attempt: retry after `retryInMs`, or give up (`retryInMs` null). */
export async function markJobFailed(
  db: Db,
  job: { dealerId: string; id: string },
  error: string,
  retryInMs: number | null,
): Promise<void> {
  await db
    .updateTable('jobs')
    .set({
      lastError: error.slice(0, 2000),
      lockedBy: null,
      lockedUntil: null,
      ...(retryInMs === null
        ? { failedAt: sql`now()` }
        : { runAt: sql`now() + ${retryInMs} * interval '1 millisecond'` }),
    })
    .where('dealerId', '=', job.dealerId)
    .where('id', '=', job.id)
    .where('doneAt', 'is', null)
    .execute();
}
