import { sql } from 'kysely';
import type { Db } from '../../db/client';

/** Versioned callback rule sets (callback_rule_sets). */

export async function findRuleSets(db: Db, dealerId: string) {
  return db
    .selectFrom('callbackRuleSets as r')
    .leftJoin('users as u', 'u.id', 'r.createdBy')
    .select([
      'r.id',
      'r.versionNo',
      sql<string>`r.effective_from::text`.as('effectiveFrom'),
      'r.presetKey',
      // as text: the CamelCasePlugin would rewrite the keys inside jsonb (AS_PHONE → ASPHONE)
      sql<string>`r.rules::text`.as('rulesJson'),
      'r.note',
      'r.createdAt',
      'u.displayName as createdByName',
    ])
    .where('r.dealerId', '=', dealerId)
    .orderBy('r.effectiveFrom', 'desc')
    .orderBy('r.versionNo', 'desc')
    .execute();
}

/** Serialises version numbering per dealer. */
export async function lockRuleSets(db: Db, dealerId: string) {
  await sql`select pg_advisory_xact_lock(hashtext(${`callback_rule_sets:${dealerId}`}))`.execute(db);
}

export async function maxVersionNo(db: Db, dealerId: string): Promise<number> {
  const r = await db
    .selectFrom('callbackRuleSets')
    .select((eb) => eb.fn.max<number>('versionNo').as('n'))
    .where('dealerId', '=', dealerId)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function insertRuleSet(
  db: Db,
  row: {
    dealerId: string;
    versionNo: number;
    effectiveFrom: string;
    presetKey: string | null;
    rules: string;
    note: string;
    createdBy: string;
  },
) {
  return (await db.insertInto('callbackRuleSets').values(row).returning('id').executeTakeFirstOrThrow()).id;
}
