import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Config } from '../config';
import type { Database } from '../db/client';
import { claimDueJobs, type ClaimedJob, failExhaustedJobs, markJobDone, markJobFailed } from './jobs.queries';
import './handlers';
import { jobHandler } from './outbox';

export { enqueue, registerJob } from './outbox';

export interface WorkerOptions {
  /** Names this worker in `jobs.locked_by`. */
  id?: string;
  /** Idle poll interval; due timers fire within this (default 1 s). */
  pollMs?: number;
  /** Jobs claimed per round; small so HTTP requests on PGlite's single connection get their turn. */
  batch?: number;
  /** How long a claim holds before another worker may take the job over (default 60 s). */
  leaseMs?: number;
  /** Delay before retry `attempt` (1-based) after a failure. */
  backoffMs?: (attempt: number) => number;
  log?: (msg: string, extra?: Record<string, unknown>) => void;
}

export interface Worker {
  readonly id: string;
  /** Runs one claim round now; resolves to the number of jobs handled. */
  runOnce(): Promise<number>;
  /** Check for due jobs now instead of at the next poll. */
  wake(): void;
  /**
   * Stops polling and waits (up to 5 s) for the job in flight. `wait: false` abandons it at once: its lease
   * expires and another worker runs it again (used to model a crash).
   */
  stop(opts?: { wait?: boolean }): Promise<void>;
}

/** Exponential back-off: 5 s, 10 s, 20 s … capped at one hour. */
export function defaultBackoffMs(attempt: number): number {
  return Math.min(3_600_000, 5_000 * 2 ** Math.max(0, attempt - 1));
}

const errorText = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

async function runJob(
  database: Database,
  config: Config,
  job: ClaimedJob,
  opts: Required<WorkerOptions>,
  alive: () => boolean,
) {
  const db = database.db;
  const handler = jobHandler(job.name);
  const retry = job.attempts < job.maxAttempts ? opts.backoffMs(job.attempts) : null;
  if (!handler) return markJobFailed(db, job, `no handler registered for ${job.name}`, retry);
  const parsed = handler.schema.safeParse(job.payload);
  if (!parsed.success) return markJobFailed(db, job, `invalid payload: ${parsed.error.message}`, null);
  try {
    await handler.run(parsed.data, {
      db,
      config,
      dealerId: job.dealerId,
      jobId: job.id,
      attempt: job.attempts,
      maxAttempts: job.maxAttempts,
      leaseMs: opts.leaseMs,
      log: opts.log,
    });
  } catch (e) {
    opts.log(`job ${job.name} failed (attempt ${job.attempts}/${job.maxAttempts})`, {
      jobId: job.id,
      err: errorText(e),
    });
    if (alive()) await markJobFailed(db, job, errorText(e), retry);
    return;
  }
  if (alive()) await markJobDone(db, job.dealerId, job.id);
}

/**
 * The in-process job worker: polls, claims due jobs with FOR UPDATE SKIP LOCKED and a lease, runs the
 * registered handler, marks it done, or schedules a retry with exponential back-off. Several workers (one per
 * app instance) cooperate through the row locks; a job whose worker died is taken over when its lease expires.
 */
export function startWorker(database: Database, config: Config, options: WorkerOptions = {}): Worker {
  const opts: Required<WorkerOptions> = {
    id: options.id ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
    pollMs: options.pollMs ?? 1000,
    batch: options.batch ?? 5,
    leaseMs: options.leaseMs ?? 60_000,
    backoffMs: options.backoffMs ?? defaultBackoffMs,
    log: options.log ?? (() => {}),
  };
  let running = true;
  let abandoned = false;
  let wakeUp: (() => void) | undefined;

  const runOnce = async () => {
    await failExhaustedJobs(database.db);
    const jobs = await claimDueJobs(database.db, opts.id, opts.batch, opts.leaseMs);
    for (const job of jobs) {
      if (abandoned) break;
      await runJob(database, config, job, opts, () => !abandoned);
      // Let waiting HTTP queries use the connection between jobs.
      await new Promise((r) => setImmediate(r));
    }
    return jobs.length;
  };

  const loop = (async () => {
    while (running) {
      let handled = 0;
      try {
        handled = await runOnce();
      } catch (e) {
        if (running) opts.log('job worker round failed', { err: errorText(e) });
      }
      if (running && handled === 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, opts.pollMs);
          wakeUp = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  })();

  return {
    id: opts.id,
    runOnce,
    wake: () => wakeUp?.(),
    async stop({ wait = true } = {}) {
      running = false;
      wakeUp?.();
      // A job still running after 5 s is left to its lease (it runs again elsewhere or after a restart).
      if (wait) await Promise.race([loop, new Promise((r) => setTimeout(r, 5_000).unref())]);
      else abandoned = true;
    },
  };
}
