import type { ImportKind } from '../../../core/rules/dms-fields';
import type { IdCrypto } from '../customers/id-crypto';
import type { BulkSession, BulkTx } from './bulk-session';
import { buildStage, type StagePayload } from './chunk-builder';
import { addProgress, beginChunk, findEarlierKeys, insertRejects } from './chunk.queries';
import type { CleanRow } from './import-rows';
import { clearStageSql, CUSTOMER_COLUMNS, ROW_COLUMNS, type StageTables, VEHICLE_COLUMNS } from './import-stage';
import { mergeCustomers } from './merge-customers.queries';
import { type ChunkCounts, mergeRecords, mergeVehicles } from './merge-records.queries';
import type { Cell } from './readers/index';

export interface ValidRow {
  rowNo: number;
  value: CleanRow;
  cells: Cell[];
  /** The natural key (RO number, VIN + sale date); null for customer lists. */
  key: string | null;
}

export interface Chunk {
  valid: ValidRow[];
  rejects: { rowNo: number; reason: string; cells: Cell[] }[];
  processed: number;
  /** The COPY text of `valid`, built before the chunk's transaction (while the previous chunk merges). */
  stage?: StagePayload;
}

export interface WriteContext {
  dealerId: string;
  runId: string;
  actorId: string | null;
  kind: ImportKind;
  tables: StageTables;
  crypto: () => IdCrypto;
}

/** Builds the chunk's COPY text outside its transaction (JS work that then overlaps the database's). */
export function prepareChunk(ctx: WriteContext, chunk: Chunk): Chunk {
  if (chunk.valid.length > 0) chunk.stage = buildStage(ctx.kind, chunk.valid, ctx.crypto);
  return chunk;
}

async function copyStage(tx: BulkTx, ctx: WriteContext, stage: StagePayload) {
  await tx.copyIn(ctx.tables.customers, CUSTOMER_COLUMNS, stage.customers);
  await tx.copyIn(ctx.tables.rows, ROW_COLUMNS[ctx.kind], stage.rows);
  await tx.copyIn(ctx.tables.vehicles, VEHICLE_COLUMNS, stage.vehicles);
}

/**
 * Stages the chunk's valid rows. A row whose key an earlier chunk of this file already had becomes a reject
 * ("duplicate of row n"); it was part of the text built before the transaction (its customer and vehicle
 * included), so the staging tables are emptied and the chunk is staged again without it. Returns the rows
 * that stay.
 */
async function stageChunk(tx: BulkTx, ctx: WriteContext, chunk: Chunk): Promise<ValidRow[]> {
  await copyStage(tx, ctx, chunk.stage ?? buildStage(ctx.kind, chunk.valid, ctx.crypto));
  if (ctx.kind === 'customers') return chunk.valid;
  const earlier = await findEarlierKeys(tx, ctx.tables, ctx.kind);
  if (earlier.size === 0) return chunk.valid;
  for (const r of chunk.valid) {
    const first = earlier.get(r.rowNo);
    if (first !== undefined)
      chunk.rejects.push({ rowNo: r.rowNo, reason: `duplicate of row ${first} in this file`, cells: r.cells });
  }
  const valid = chunk.valid.filter((r) => !earlier.has(r.rowNo));
  for (const sql of clearStageSql(ctx.tables)) await tx.query(sql);
  if (valid.length > 0) await copyStage(tx, ctx, buildStage(ctx.kind, valid, ctx.crypto));
  return valid;
}

async function merge(tx: BulkTx, ctx: WriteContext, rows: number): Promise<ChunkCounts> {
  const customers = await mergeCustomers(tx, ctx.tables, ctx.dealerId, ctx.runId);
  if (ctx.kind === 'customers') {
    const changed = customers.inserted + customers.updated;
    return { ...customers, unchanged: rows - changed };
  }
  await mergeVehicles(tx, ctx.tables, ctx.dealerId);
  return mergeRecords(tx, ctx.tables, ctx.kind, ctx, rows);
}

/**
 * Writes one chunk (its COPY text prepared with prepareChunk, or built here) in one transaction: the valid rows
 * COPYed into the staging tables, duplicates of earlier chunks rejected, the rest merged set-based (customers,
 * phones, vehicles, then repair orders or sales), the rejected rows and the run's counters written with them —
 * a process stopped half-way leaves whole chunks only.
 */
export async function writeChunk(session: BulkSession, ctx: WriteContext, chunk: Chunk): Promise<void> {
  await session.transaction(async (tx) => {
    await beginChunk(tx, ctx);
    const valid = chunk.valid.length > 0 ? await stageChunk(tx, ctx, chunk) : [];
    const counts = valid.length > 0 ? await merge(tx, ctx, valid.length) : { inserted: 0, updated: 0, unchanged: 0 };
    await insertRejects(tx, ctx, chunk.rejects);
    await addProgress(tx, ctx, { processed: chunk.processed, ...counts, rejected: chunk.rejects.length });
  });
}
