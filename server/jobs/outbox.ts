import type { z } from 'zod';
import type { Config } from '../config';
import type { Db } from '../db/client';
import { insertJob } from './jobs.queries';

/**
 * The outbox: side effects and timers are rows in `jobs`, written in the caller's transaction, so they commit
 * or roll back with the change that causes them and survive restarts (ARCHITECTURE "jobs"; SPEC §8.4).
 */
export interface EnqueueJob {
  dealerId: string;
  name: string;
  payload: unknown;
  /** When the job becomes due (a timer); default now. */
  runAt?: Date | undefined;
  /** Enqueueing the same logical job twice (same dealer and key) is a no-op. */
  dedupeKey?: string | undefined;
  maxAttempts?: number | undefined;
}

/** Writes a job in `tx` (a transaction, or the db for a single statement). Returns its id, or null if deduped. */
export async function enqueue(tx: Db, job: EnqueueJob): Promise<string | null> {
  const handler = JOB_HANDLERS.get(job.name);
  if (handler) handler.schema.parse(job.payload);
  return insertJob(tx, job);
}

export interface JobContext {
  db: Db;
  config: Config;
  dealerId: string;
  jobId: string;
  /** 1 for the first attempt. */
  attempt: number;
  maxAttempts: number;
  /** How long this worker's claim holds; a side effect leased for a handler should use the same. */
  leaseMs: number;
  log: (msg: string, extra?: Record<string, unknown>) => void;
}

export interface JobHandler<S extends z.ZodType = z.ZodType> {
  name: string;
  schema: S;
  run: (payload: z.infer<S>, ctx: JobContext) => Promise<void>;
}

const JOB_HANDLERS = new Map<string, JobHandler>();

/**
 * Registers the handler of a job name (stable ids like `cases.escalate-overdue`). Handlers must be
 * idempotent: a job runs at least once, and again after a crash or a lost lease.
 */
export function registerJob<S extends z.ZodType>(
  name: string,
  schema: S,
  run: (payload: z.infer<S>, ctx: JobContext) => Promise<void>,
): void {
  JOB_HANDLERS.set(name, { name, schema, run } as JobHandler);
}

export function jobHandler(name: string): JobHandler | undefined {
  return JOB_HANDLERS.get(name);
}
