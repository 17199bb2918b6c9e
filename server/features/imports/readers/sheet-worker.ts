import { once } from 'node:events';
import { parentPort, workerData } from 'node:worker_threads';
import type { RawRow } from './types';

/**
 * The Excel reader worker (started by worker-client.ts through ts-worker.mjs). It posts non-empty rows in
 * batches and waits for the main thread's ack of one batch before posting the next, so at most about two
 * batches are in flight and memory stays bounded however fast the parser is.
 */

export interface SheetJob {
  entry: string;
  file: string;
  format: 'xlsx' | 'xls';
  batchSize: number;
}

export type WorkerMessage = { type: 'rows'; rows: RawRow[] } | { type: 'done' } | { type: 'fail'; message: string };

const isEmpty = (row: RawRow) => row.cells.every((c) => c === null || c === '');

async function run(job: SheetJob): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('sheet-worker must run in a worker thread');
  const post = (m: WorkerMessage) => port.postMessage(m);
  let batch: RawRow[] = [];
  let acked: Promise<unknown> = Promise.resolve();
  const flush = async () => {
    await acked;
    acked = once(port, 'message');
    post({ type: 'rows', rows: batch });
    batch = [];
  };
  // only the parser this file needs is loaded (each takes about 0.3 s)
  const rows =
    job.format === 'xlsx'
      ? (await import('./xlsx-source')).xlsxRows(job.file)
      : (await import('./xls-source')).xlsRows(job.file);
  for await (const row of rows) {
    if (isEmpty(row)) continue;
    batch.push(row);
    if (batch.length >= job.batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  await acked;
  post({ type: 'done' });
}

if (parentPort) {
  const port = parentPort;
  run(workerData as SheetJob).catch((e: unknown) => {
    port.postMessage({ type: 'fail', message: e instanceof Error ? e.message : String(e) } satisfies WorkerMessage);
  });
}
