import type { BulkTx } from './bulk-session';
import type { StageTables } from './import-stage';

/**
 * The chunk's transaction context: who and which import the customer field history records, and a
 * transaction-scoped lock per dealer so two imports of one dealer merge one chunk at a time (matching then sees
 * the other's new customers instead of racing it).
 */
export function beginChunk(tx: BulkTx, ids: { dealerId: string; runId: string; actorId: string | null }) {
  return tx.query(
    `select set_config('manyi.actor', $1, true), set_config('manyi.source', $2, true),
       pg_advisory_xact_lock(hashtext($3))`,
    [ids.actorId ?? '', `import:${ids.runId}`, `manyi-import:${ids.dealerId}`],
  );
}

/**
 * Records the natural keys of a chunk (unique within it) and returns the rows whose key an earlier chunk of
 * this run already had: row → the first row with that key.
 */
export async function findEarlierKeys(
  tx: BulkTx,
  t: StageTables,
  keys: string[],
  rowNos: number[],
): Promise<Map<number, number>> {
  const rows = await tx.query<{ row_no: number; first: number }>(
    `with k as (select * from unnest($1::text[], $2::int[]) as k(key, row_no)),
       ins as (insert into ${t.seen} (key, row_no) select key, row_no from k on conflict (key) do nothing)
     select k.row_no, s.row_no as first from k join ${t.seen} s on s.key = k.key where s.row_no <> k.row_no`,
    [keys, rowNos],
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
