import { sql } from 'kysely';
import type { Db } from '../../db/client';

/** Versioned per-dealer case routing rules (case_routing_rules). */

export async function findRuleSets(db: Db, dealerId: string) {
  return db
    .selectFrom('caseRoutingRules')
    .select([
      'id',
      'versionNo',
      sql<string>`effective_from::text`.as('effectiveFrom'),
      // as text: the CamelCasePlugin would rewrite the keys inside jsonb (after_sales → afterSales)
      sql<string>`rules::text`.as('rulesJson'),
      'note',
    ])
    .where('dealerId', '=', dealerId)
    .orderBy('effectiveFrom', 'desc')
    .orderBy('versionNo', 'desc')
    .execute();
}

export async function insertRuleSet(
  tx: Db,
  row: { dealerId: string; effectiveFrom: string; rules: string; note: string; createdBy: string },
): Promise<string> {
  await sql`select pg_advisory_xact_lock(hashtext(${`case_routing_rules:${row.dealerId}`}))`.execute(tx);
  const r = await sql<{ id: string }>`
    insert into case_routing_rules (dealer_id, version_no, effective_from, rules, note, created_by)
    select ${row.dealerId}, coalesce(max(version_no), 0) + 1, ${row.effectiveFrom}, ${row.rules}::jsonb, ${row.note},
      ${row.createdBy}
    from case_routing_rules where dealer_id = ${row.dealerId}
    returning id`.execute(tx);
  return r.rows[0]!.id;
}
