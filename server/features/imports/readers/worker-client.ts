import { Worker } from 'node:worker_threads';
import type { SheetJob, WorkerMessage } from './sheet-worker';
import { ImportFileError, type RawRow, type ReadLimits } from './types';

const BATCH_ROWS = 1000;
/** A worker that sends nothing for this long (a parser stuck on a hostile file) is stopped. */
export const WORKER_IDLE_MS = 180_000;

type Event = WorkerMessage | { type: 'crash'; error: Error } | { type: 'exit'; code: number } | { type: 'abort' };

/** Queues a worker's events so an async generator can await them one at a time. */
class WorkerEvents {
  private queue: Event[] = [];
  private wake: (() => void) | null = null;

  constructor(worker: Worker, signal?: AbortSignal) {
    worker.on('message', (m: WorkerMessage) => this.push(m));
    worker.on('error', (error: Error) => this.push({ type: 'crash', error }));
    worker.on('exit', (code: number) => this.push({ type: 'exit', code }));
    const onAbort = () => {
      void worker.terminate();
      this.push({ type: 'abort' });
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.once('exit', () => signal?.removeEventListener('abort', onAbort));
  }

  private push(e: Event) {
    this.queue.push(e);
    this.wake?.();
  }

  async next(timeoutMs: number): Promise<Event> {
    let timer: NodeJS.Timeout | undefined;
    while (this.queue.length === 0) {
      const woken = new Promise<void>((resolve) => (this.wake = resolve));
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
      await Promise.race([woken, timeout]);
      clearTimeout(timer);
      this.wake = null;
      if (this.queue.length === 0) return { type: 'fail', message: `no response for ${timeoutMs / 1000} s` };
    }
    return this.queue.shift() as Event;
  }
}

function failure(e: Event, format: string, limits: ReadLimits): Error {
  const what = `The .${format} file could not be read`;
  if (e.type === 'crash' && (e.error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
    const msg = `${what}: reading it needs more than the ${limits.maxWorkerMemoryMb} MB memory limit; save it as CSV (or split it) and import that`;
    return new ImportFileError('UNREADABLE_FILE', msg, { limitMb: limits.maxWorkerMemoryMb });
  }
  if (e.type === 'crash') return new ImportFileError('UNREADABLE_FILE', `${what}: ${e.error.message}`);
  if (e.type === 'exit') return new ImportFileError('UNREADABLE_FILE', `${what}: the reader stopped (exit ${e.code})`);
  if (e.type === 'fail') return new ImportFileError('UNREADABLE_FILE', `${what}: ${e.message}`);
  return new ImportFileError('UNREADABLE_FILE', `${what}: unexpected reader event`);
}

/**
 * Streams an Excel file's rows (in batches) from a worker thread whose heap is capped at limits.maxWorkerMemoryMb: if it runs
 * out of memory or crashes, this throws UNREADABLE_FILE and the server carries on. Returning early or aborting
 * through `signal` terminates the worker.
 */
export async function* readInWorker(
  file: string,
  format: 'xlsx' | 'xls',
  limits: ReadLimits,
  signal?: AbortSignal,
): AsyncGenerator<RawRow[]> {
  signal?.throwIfAborted();
  const job: SheetJob = {
    entry: new URL('./sheet-worker.ts', import.meta.url).href,
    file,
    format,
    batchSize: BATCH_ROWS,
  };
  const worker = new Worker(new URL('./ts-worker.mjs', import.meta.url), {
    workerData: job,
    // not the parent's flags (e.g. --input-type, --import tsx): the bootstrap registers tsx itself
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: limits.maxWorkerMemoryMb },
  });
  const events = new WorkerEvents(worker, signal);
  try {
    for (;;) {
      const e = await events.next(WORKER_IDLE_MS);
      if (e.type === 'abort' || signal?.aborted)
        throw signal?.reason ?? new DOMException('The read was aborted', 'AbortError');
      if (e.type === 'done') return;
      if (e.type !== 'rows') throw failure(e, format, limits);
      worker.postMessage('ack');
      yield e.rows;
    }
  } finally {
    await worker.terminate();
  }
}
