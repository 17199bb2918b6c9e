import fs from 'node:fs';
import path from 'node:path';
import type { ImportKind } from '../../../core/rules/dms-fields';
import { applyMapping, type Mapping } from '../../../core/rules/dms-mapping';
import { validateRow } from '../../../core/rules/dms-validate';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { appendAudit } from '../audit/audit.service';
import { getIdCrypto } from '../customers/keys';
import { openBulkSession } from './bulk-session';
import { type Chunk, prepareChunk, writeChunk, type WriteContext } from './chunk-writer';
import type { CleanRow } from './import-rows';
import { createStageSql, dropStageSql, stageTables, TEMP_BUFFERS_SQL } from './import-stage';
import * as q from './imports.queries';
import { type Cell, type FileFormat, readRowBatches } from './readers/index';

export interface RunTarget {
  dealerId: string;
  runId: string;
  kind: ImportKind;
  storedName: string;
  format: FileFormat;
  encoding: 'utf-8' | 'gb18030' | null;
  headers: string[];
  mapping: Mapping;
  actorId: string | null;
  actorUsername: string;
}

/** The natural key of a row inside one file: a second row with the same key is rejected as a duplicate. */
function naturalKey(kind: ImportKind, r: CleanRow): string | null {
  if (kind === 'repair-orders') return r.roNumber ? `ro:${String(r.roNumber)}` : null;
  if (kind === 'vehicle-sales') return r.vin && r.saleDate ? `sale:${String(r.vin)}:${String(r.saleDate)}` : null;
  return null;
}

/** Counts data lines of a CSV quickly (bytes, not parsing) for the progress bar; null for Excel. */
export async function estimateRows(file: string, format: FileFormat): Promise<number | null> {
  if (format !== 'csv') return null;
  let lines = 0;
  let last = 10;
  for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    if (chunk.length) last = chunk[chunk.length - 1] ?? 10;
  }
  if (last !== 10) lines++; // a last line without a newline
  return Math.max(lines - 1, 0);
}

/** Rows per chunk transaction: big enough for set-based statements, short enough (PGlite: ~0.2 s) that
 *  other requests on the single embedded connection wait for one chunk at most. */
export const CHUNK_ROWS: Record<'postgres' | 'pglite', number> = { postgres: 10_000, pglite: 5_000 };

const emptyChunk = (): Chunk & { keys: Map<string, number> } => ({
  valid: [],
  rejects: [],
  processed: 0,
  keys: new Map(),
});

/** Validates one data row into the chunk: rejected with every reason, a duplicate key in the chunk, or valid. */
function addRow(t: RunTarget, chunk: ReturnType<typeof emptyChunk>, rowNo: number, cells: Cell[]) {
  chunk.processed++;
  const result = validateRow(t.kind, applyMapping(t.headers, t.mapping, cells));
  if (!result.ok) {
    chunk.rejects.push({ rowNo, reason: result.reasons.join('; '), cells });
    return;
  }
  const key = naturalKey(t.kind, result.value);
  const first = key === null ? undefined : chunk.keys.get(key);
  if (first !== undefined) chunk.rejects.push({ rowNo, reason: `duplicate of row ${first} in this file`, cells });
  else {
    if (key !== null) chunk.keys.set(key, rowNo);
    chunk.valid.push({ rowNo, value: result.value, cells, key });
  }
}

const ANALYZE_SQL = 'analyze customers, customer_phones, vehicles';

/**
 * Streams the file in chunks; each chunk is validated here while the previous one is merged by the
 * database (one chunk in flight), and written in its own transaction (see chunk-writer.ts).
 */
async function streamChunks(db: Db, config: Config, t: RunTarget, ctx: WriteContext, signal?: AbortSignal) {
  const file = path.join(config.uploadDir, t.storedName);
  const session = await openBulkSession(db);
  const size = CHUNK_ROWS[session.kind];
  await session.exec(TEMP_BUFFERS_SQL).catch(() => undefined); // see TEMP_BUFFERS_SQL
  await session.exec(createStageSql(ctx.tables));
  let inflight: Promise<void> = Promise.resolve();
  let written = 0;
  let started = performance.now();
  const submit = async (chunk: Chunk) => {
    const built = performance.now();
    session.note?.('(js: read + validate, wall)', built - started);
    prepareChunk(ctx, chunk);
    session.note?.('(js: group + COPY text)', performance.now() - built);
    await inflight;
    started = performance.now();
    session.note?.('(js: waiting for the previous chunk)', started - built);
    // Fresh statistics when the tables the matching joins read have grown (PGlite has no autovacuum; a
    // planner that believes customer_phones is tiny scans it once per staged customer).
    const analyze = (written & (written - 1)) === 0;
    written++;
    inflight = (analyze ? session.exec(ANALYZE_SQL) : Promise.resolve())
      .then(() => writeChunk(session, ctx, chunk))
      .then(() => new Promise<void>((r) => setImmediate(r)));
    inflight.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
  };
  try {
    let chunk = emptyChunk();
    const limits = { maxBytes: config.importMaxBytes, maxRows: config.importMaxRows };
    const spec = { format: t.format, encoding: t.encoding };
    for await (const batch of readRowBatches(file, spec, { limits, ...(signal ? { signal } : {}) })) {
      for (const row of batch) {
        if (row.isHeader) continue;
        addRow(t, chunk, row.rowNo, row.cells);
        if (chunk.processed >= size) {
          await submit(chunk);
          chunk = emptyChunk();
        }
      }
    }
    if (chunk.processed > 0) await submit(chunk);
    await inflight;
  } finally {
    await inflight.catch(() => undefined);
    await session.exec(dropStageSql(ctx.tables)).catch(() => undefined);
    await session.close();
  }
}

/**
 * Reads, validates and writes one import run in chunks, each chunk its own transaction (a process killed
 * half-way leaves whole chunks; a rerun is idempotent and completes it). Between chunks it yields to the event
 * loop so other requests get the (single) embedded connection.
 */
export async function executeRun(db: Db, config: Config, t: RunTarget, signal?: AbortSignal) {
  const file = path.join(config.uploadDir, t.storedName);
  await q.clearRejects(db, t.dealerId, t.runId);
  await q.markRunning(db, t.dealerId, t.runId, await estimateRows(file, t.format));
  const ctx: WriteContext = {
    dealerId: t.dealerId,
    runId: t.runId,
    actorId: t.actorId,
    kind: t.kind,
    tables: stageTables(t.runId),
    crypto: () => getIdCrypto(config),
  };
  await streamChunks(db, config, t, ctx, signal);
  const run = await q.finishRun(db, t.dealerId, t.runId, 'completed', null);
  await appendAudit(db, {
    dealerId: t.dealerId,
    actorUserId: t.actorId,
    actorUsername: t.actorUsername,
    action: 'import.complete',
    entityType: 'import_run',
    entityId: t.runId,
    details: {
      kind: t.kind,
      rows: run.processedRows,
      inserted: run.inserted,
      updated: run.updated,
      unchanged: run.unchanged,
      rejected: run.rejected,
    },
  });
  return run;
}
