import type { ImportKind } from '../../../core/rules/dms-fields';
import type { BulkTx } from './bulk-session';
import type { StageTables } from './import-stage';

/**
 * The chunk's transaction context: who and which import the customer field history records, and a
 * transaction-scoped lock per dealer so two imports of one dealer merge one chunk at a time (matching then sees
 * the other's new customers instead of racing it). It also checks the dealer once and holds a KEY SHARE lock on
 * its row for the transaction — what the per-row foreign key of repair_orders and sales to dealers did for
 * every row before migration 0019.
 */
export async function beginChunk(tx: BulkTx, ids: { dealerId: string; runId: string; actorId: string | null }) {
  const [row] = await tx.query<{ dealer: number }>(
    `with d as (select id from dealers where id = $4::uuid for key share)
     select set_config('manyi.actor', $1, true), set_config('manyi.source', $2, true),
       pg_advisory_xact_lock(hashtext($3)), (select count(*) from d)::int as dealer`,
    [ids.actorId ?? '', `import:${ids.runId}`, `manyi-import:${ids.dealerId}`, ids.dealerId],
  );
  if (row?.dealer !== 1) throw new Error(`Dealer ${ids.dealerId} does not exist: nothing imported`);
}

/** A staged row's natural key within its run: the RO number, or the VIN and sale date. */
const KEY_SQL: Record<Exclude<ImportKind, 'customers'>, string> = {
  'repair-orders': `r.ro_number`,
  'vehicle-sales': `r.vin || ' ' || r.sale_date::text`,
};

/**
 * Records the natural keys of the staged rows (unique within a chunk: the reader rejects repeats there) in the
 * run's `seen` table and returns the rows whose key an earlier chunk of this run already had: row → the first
 * row with that key.
 */
export async function findEarlierKeys(
  tx: BulkTx,
  t: StageTables,
  kind: Exclude<ImportKind, 'customers'>,
): Promise<Map<number, number>> {
  const rows = await tx.query<{ row_no: number; first: number }>(
    `with k as (select ${KEY_SQL[kind]} as key, r.row_no from ${t.rows} r),
       ins as (insert into ${t.seen} (key, row_no) select key, row_no from k on conflict (key) do nothing)
     select k.row_no, s.row_no as first from k join ${t.seen} s on s.key = k.key where s.row_no <> k.row_no`,
  );
  return new Map(rows.map((r) => [r.row_no, r.first]));
}

export function insertRejects(
  tx: BulkTx,
  ids: { dealerId: string; runId: string },
  rejects: { rowNo: number; reason: string; cells: unknown[] }[],
) {
  if (rejects.length === 0) return Promise.resolve([]);
  return tx.query(
    `insert into import_rejects (dealer_id, run_id, row_no, reason, cells)
     select $1::uuid, $2::uuid, r.row_no, r.reason, r.cells
     from jsonb_to_recordset($3::jsonb) as r(row_no int, reason text, cells jsonb)
     on conflict (dealer_id, run_id, row_no) do update set reason = excluded.reason, cells = excluded.cells`,
    [
      ids.dealerId,
      ids.runId,
      JSON.stringify(rejects.map((r) => ({ row_no: r.rowNo, reason: r.reason, cells: r.cells }))),
    ],
  );
}

export function addProgress(
  tx: BulkTx,
  ids: { dealerId: string; runId: string },
  d: { processed: number; inserted: number; updated: number; unchanged: number; rejected: number },
) {
  return tx.query(
    `update import_runs set processed_rows = processed_rows + $3, inserted = inserted + $4, updated = updated + $5,
       unchanged = unchanged + $6, rejected = rejected + $7, heartbeat_at = now()
     where dealer_id = $1::uuid and id = $2::uuid`,
    [ids.dealerId, ids.runId, d.processed, d.inserted, d.updated, d.unchanged, d.rejected],
  );
}
