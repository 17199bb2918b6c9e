import fs from 'node:fs';
import path from 'node:path';
import type { ImportKind } from '../../../core/rules/dms-fields';
import { applyMapping, type Mapping } from '../../../core/rules/dms-mapping';
import { validateRow } from '../../../core/rules/dms-validate';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { appendAudit } from '../audit/audit.service';
import { getIdCrypto } from '../customers/keys';
import type { CleanRow } from './import-rows';
import { writeChunk, type WriteContext } from './import-writer';
import * as q from './imports.queries';
import { type Cell, type FileFormat, readRows } from './readers/index';

export const CHUNK_ROWS = 1000;

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

type Pending = { valid: CleanRow[]; rejects: { rowNo: number; reason: string; cells: Cell[] }[]; processed: number };

/**
 * Reads, validates and writes one import run in chunks of CHUNK_ROWS rows, each chunk its own
 * transaction (a process killed half-way leaves whole chunks; a rerun is idempotent and completes it).
 * Between chunks it yields to the event loop so other requests get the (single) embedded connection.
 */
export async function executeRun(db: Db, config: Config, t: RunTarget, signal?: AbortSignal) {
  const file = path.join(config.uploadDir, t.storedName);
  await q.clearRejects(db, t.dealerId, t.runId);
  await q.markRunning(db, t.dealerId, t.runId, await estimateRows(file, t.format));
  const ctx: WriteContext = { dealerId: t.dealerId, runId: t.runId, kind: t.kind, crypto: () => getIdCrypto(config) };
  const seen = new Map<string, number>();
  let pending: Pending = { valid: [], rejects: [], processed: 0 };
  const flush = async () => {
    const batch = pending;
    pending = { valid: [], rejects: [], processed: 0 };
    await db.transaction().execute(async (tx) => {
      await q.setImportContext(tx, t.actorId, `import:${t.runId}`);
      const counts = batch.valid.length
        ? await writeChunk(tx, ctx, batch.valid)
        : { inserted: 0, updated: 0, unchanged: 0 };
      await q.insertRejects(tx, t.dealerId, t.runId, batch.rejects);
      await q.addProgress(tx, t.dealerId, t.runId, {
        processed: batch.processed,
        ...counts,
        rejected: batch.rejects.length,
      });
    });
    await new Promise((resolve) => setImmediate(resolve));
  };
  const limits = { maxBytes: config.importMaxBytes, maxRows: config.importMaxRows };
  for await (const row of readRows(
    file,
    { format: t.format, encoding: t.encoding },
    { limits, ...(signal ? { signal } : {}) },
  )) {
    if (row.isHeader) continue;
    pending.processed++;
    const result = validateRow(t.kind, applyMapping(t.headers, t.mapping, row.cells));
    if (!result.ok) pending.rejects.push({ rowNo: row.rowNo, reason: result.reasons.join('; '), cells: row.cells });
    else {
      const key = naturalKey(t.kind, result.value);
      const first = key ? seen.get(key) : undefined;
      if (first !== undefined)
        pending.rejects.push({ rowNo: row.rowNo, reason: `duplicate of row ${first} in this file`, cells: row.cells });
      else {
        if (key) seen.set(key, row.rowNo);
        pending.valid.push(result.value);
      }
    }
    if (pending.processed >= CHUNK_ROWS) await flush();
  }
  if (pending.processed > 0) await flush();
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
