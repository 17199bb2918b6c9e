import { sql } from 'kysely';
import type { Db } from '../../db/client';
import type { AuditLog } from '../../db/tables';
import type { Insertable, Selectable } from 'kysely';

export type AuditRow = Selectable<AuditLog>;

export async function lockChain(tx: Db, dealerId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`audit:${dealerId}`}, 0))`.execute(tx);
}

export async function findChainHead(tx: Db, dealerId: string) {
  return tx
    .selectFrom('auditLog')
    .select(['seq', 'hash'])
    .where('dealerId', '=', dealerId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertAuditRow(tx: Db, row: Insertable<AuditLog>): Promise<void> {
  await tx.insertInto('auditLog').values(row).execute();
}

export async function findAuditPage(
  db: Db,
  dealerIds: readonly string[] | 'all',
  filter: { action?: string | undefined; outcome?: string | undefined; limit: number; offset: number },
) {
  let q = db.selectFrom('auditLog');
  if (dealerIds !== 'all') q = q.where('dealerId', 'in', dealerIds.length ? dealerIds : ['']);
  if (filter.action) q = q.where('action', '=', filter.action);
  if (filter.outcome) q = q.where('outcome', '=', filter.outcome);
  const [items, total] = await Promise.all([
    q.selectAll().orderBy('at', 'desc').orderBy('seq', 'desc').limit(filter.limit).offset(filter.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** Keyset page through every row in chain order, for verification. */
export async function findRowsAfter(db: Db, after: { dealerId: string; seq: number } | null, limit: number) {
  let q = db.selectFrom('auditLog').selectAll();
  if (after) {
    q = q.where((eb) =>
      eb.or([
        eb('dealerId', '>', after.dealerId),
        eb.and([eb('dealerId', '=', after.dealerId), eb('seq', '>', after.seq)]),
      ]),
    );
  }
  return q.orderBy('dealerId').orderBy('seq').limit(limit).execute();
}
