import { sql } from 'kysely';
import type { Db } from '../../db/client';

/** Versioned KPI thresholds (kpi_threshold_sets, migration 0020). */

export async function findThresholdSets(db: Db, dealerId: string) {
  return db
    .selectFrom('kpiThresholdSets as t')
    .leftJoin('users as u', 'u.id', 't.createdBy')
    .select([
      't.id',
      't.versionNo',
      sql<string>`t.effective_from::text`.as('effectiveFrom'),
      sql<string>`t.callback_min::text`.as('callbackMin'),
      sql<string>`t.survey_min::text`.as('surveyMin'),
      't.inclusive',
      sql<string>`t.satisfaction_target::text`.as('satisfactionTarget'),
      't.note',
      't.createdAt',
      'u.displayName as createdByName',
    ])
    .where('t.dealerId', '=', dealerId)
    .orderBy('t.effectiveFrom', 'desc')
    .orderBy('t.versionNo', 'desc')
    .execute();
}
export type ThresholdSetRow = Awaited<ReturnType<typeof findThresholdSets>>[number];

/** Serialises version numbering per dealer. */
export async function lockThresholdSets(db: Db, dealerId: string) {
  await sql`select pg_advisory_xact_lock(hashtext(${`kpi_threshold_sets:${dealerId}`}))`.execute(db);
}

export async function maxVersionNo(db: Db, dealerId: string): Promise<number> {
  const r = await db
    .selectFrom('kpiThresholdSets')
    .select((eb) => eb.fn.max<number>('versionNo').as('n'))
    .where('dealerId', '=', dealerId)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function insertThresholdSet(
  db: Db,
  row: {
    dealerId: string;
    versionNo: number;
    effectiveFrom: string;
    callbackMin: number;
    surveyMin: number;
    inclusive: boolean;
    satisfactionTarget: number;
    note: string;
    createdBy: string;
  },
) {
  return (await db.insertInto('kpiThresholdSets').values(row).returning('id').executeTakeFirstOrThrow()).id;
}
