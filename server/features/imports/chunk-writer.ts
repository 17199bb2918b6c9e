import type { ImportKind } from '../../../core/rules/dms-fields';
import type { IdCrypto } from '../customers/id-crypto';
import type { BulkSession, BulkTx } from './bulk-session';
import { buildStage } from './chunk-builder';
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
}

export interface WriteContext {
  dealerId: string;
  runId: string;
  actorId: string | null;
  kind: ImportKind;
  tables: StageTables;
  crypto: () => IdCrypto;
}

/** Rows whose key an earlier chunk of this file already had become rejects ("duplicate of row n"). */
async function dropEarlierDuplicates(tx: BulkTx, ctx: WriteContext, chunk: Chunk) {
  const keyed = chunk.valid.filter((r) => r.key !== null);
  if (keyed.length === 0) return chunk.valid;
  const earlier = await findEarlierKeys(
    tx,
    ctx.tables,
    keyed.map((r) => r.key as string),
    keyed.map((r) => r.rowNo),
  );
  if (earlier.size === 0) return chunk.valid;
  for (const r of chunk.valid) {
    const first = earlier.get(r.rowNo);
    if (first !== undefined)
      chunk.rejects.push({ rowNo: r.rowNo, reason: `duplicate of row ${first} in this file`, cells: r.cells });
  }
  return chunk.valid.filter((r) => !earlier.has(r.rowNo));
}

async function stageAndMerge(tx: BulkTx, ctx: WriteContext, valid: ValidRow[]): Promise<ChunkCounts> {
  if (valid.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
  const stage = buildStage(ctx.kind, valid, ctx.crypto);
  await tx.copyIn(ctx.tables.customers, CUSTOMER_COLUMNS, stage.customers);
  await tx.copyIn(ctx.tables.rows, ROW_COLUMNS[ctx.kind], stage.rows);
  const customers = await mergeCustomers(tx, ctx.tables, ctx.dealerId, ctx.runId);
  if (ctx.kind === 'customers') {
    const changed = customers.inserted + customers.updated;
    return { ...customers, unchanged: valid.length - changed };
  }
  await tx.copyIn(ctx.tables.vehicles, VEHICLE_COLUMNS, stage.vehicles);
  await mergeVehicles(tx, ctx.tables, ctx.dealerId);
  return mergeRecords(tx, ctx.tables, ctx.kind, ctx, valid.length);
}

/**
 * Writes one chunk in one transaction: duplicates of earlier chunks rejected, the valid rows COPYed into the
 * staging tables and merged set-based (customers, phones, vehicles, then repair orders or sales), the rejected
 * rows and the run's counters written with them — a process stopped half-way leaves whole chunks only.
 */
export async function writeChunk(session: BulkSession, ctx: WriteContext, chunk: Chunk): Promise<void> {
  await session.transaction(async (tx) => {
    await beginChunk(tx, ctx);
    await tx.query(clearStageSql(ctx.tables));
    const valid = await dropEarlierDuplicates(tx, ctx, chunk);
    const counts = await stageAndMerge(tx, ctx, valid);
    await insertRejects(tx, ctx, chunk.rejects);
    await addProgress(tx, ctx, { processed: chunk.processed, ...counts, rejected: chunk.rejects.length });
  });
}
