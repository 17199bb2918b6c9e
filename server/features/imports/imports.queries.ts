import type { Db } from '../../db/client';

export function insertRun(
  db: Db,
  row: {
    dealerId: string;
    kind: string;
    fileName: string;
    storedName: string;
    format: string;
    encoding: string | null;
    bytes: number;
    headers: string[];
    mapping: Record<string, string | null>;
    createdBy: string | null;
  },
) {
  return db
    .insertInto('importRuns')
    .values({ ...row, headers: JSON.stringify(row.headers), mapping: JSON.stringify(row.mapping) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findRun(db: Db, dealerId: string, id: string) {
  return db
    .selectFrom('importRuns')
    .selectAll()
    .where('dealerId', '=', dealerId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findRuns(db: Db, dealerId: string, limit: number) {
  return db
    .selectFrom('importRuns')
    .selectAll()
    .where('dealerId', '=', dealerId)
    .orderBy('createdAt', 'desc')
    .limit(limit)
    .execute();
}

export function markQueued(db: Db, dealerId: string, id: string, mapping: Record<string, string | null>) {
  return db
    .updateTable('importRuns')
    .set({
      status: 'queued',
      mapping: JSON.stringify(mapping),
      error: null,
      processedRows: 0,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      startedAt: null,
      finishedAt: null,
    })
    .where('dealerId', '=', dealerId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function markRunning(db: Db, dealerId: string, id: string, totalRows: number | null) {
  return db
    .updateTable('importRuns')
    .set({ status: 'running', totalRows, startedAt: new Date(), heartbeatAt: new Date() })
    .where('dealerId', '=', dealerId)
    .where('id', '=', id)
    .execute();
}

export function finishRun(
  db: Db,
  dealerId: string,
  id: string,
  status: 'completed' | 'failed' | 'cancelled',
  error: string | null,
) {
  return db
    .updateTable('importRuns')
    .set({ status, error, finishedAt: new Date() })
    .where('dealerId', '=', dealerId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Runs left running or queued by a process that stopped: marked interrupted so they can be restarted. */
export function markStaleInterrupted(db: Db, staleAfterMs: number) {
  const cutoff = new Date(Date.now() - staleAfterMs);
  return db
    .updateTable('importRuns')
    .set({
      status: 'interrupted',
      error:
        'The server stopped during this import; start it again to complete it (already imported rows are not duplicated).',
    })
    .where('status', 'in', ['queued', 'running'])
    .where((eb) =>
      eb.or([eb('heartbeatAt', '<', cutoff), eb.and([eb('heartbeatAt', 'is', null), eb('createdAt', '<', cutoff)])]),
    )
    .execute();
}

export function clearRejects(db: Db, dealerId: string, runId: string) {
  return db.deleteFrom('importRejects').where('dealerId', '=', dealerId).where('runId', '=', runId).execute();
}

export async function* streamRejects(db: Db, dealerId: string, runId: string) {
  let after = 0;
  for (;;) {
    const page = await db
      .selectFrom('importRejects')
      .select(['rowNo', 'reason', 'cells'])
      .where('dealerId', '=', dealerId)
      .where('runId', '=', runId)
      .where('rowNo', '>', after)
      .orderBy('rowNo')
      .limit(2000)
      .execute();
    if (page.length === 0) return;
    for (const r of page) yield r;
    after = page[page.length - 1]!.rowNo;
  }
}

export function findSavedMapping(db: Db, dealerId: string, kind: string) {
  return db
    .selectFrom('importMappings')
    .select('mapping')
    .where('dealerId', '=', dealerId)
    .where('kind', '=', kind)
    .executeTakeFirst();
}

export function saveMapping(
  db: Db,
  dealerId: string,
  kind: string,
  mapping: Record<string, string | null>,
  by: string | null,
) {
  return db
    .insertInto('importMappings')
    .values({ dealerId, kind, mapping: JSON.stringify(mapping), updatedBy: by })
    .onConflict((oc) =>
      oc
        .columns(['dealerId', 'kind'])
        .doUpdateSet({ mapping: JSON.stringify(mapping), updatedBy: by, updatedAt: new Date() }),
    )
    .execute();
}
