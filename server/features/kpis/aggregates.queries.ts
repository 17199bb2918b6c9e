import { sql } from 'kysely';
import type { Db } from '../../db/client';

/**
 * The incremental KPI aggregates (migration 0013) and their proof: a full recompute from the responses
 * with the same grouping, compared row by row. The trigger is the fast path; this is the check.
 */
export interface MonthlyFactorRow {
  dealerId: string;
  month: string;
  businessLine: string;
  channel: string;
  factor: string;
  responses: number;
  scored: number;
  scoreSum: string;
  satisfied: number;
  dissatisfied: number;
}

/** The aggregates recomputed from scratch from every response (optionally one dealer). */
const recompute = (dealerId: string | null) => sql`
  with r as (
    select r.dealer_id, date_trunc('month', (r.submitted_at at time zone d.time_zone)::date)::date as month,
           v.business_line, r.channel, r.score, r.satisfied, r.factor_scores
    from survey_responses r
    join dealers d on d.id = r.dealer_id
    join questionnaire_versions v on v.dealer_id = r.dealer_id and v.id = r.version_id
    where ${dealerId}::uuid is null or r.dealer_id = ${dealerId}::uuid
  )
  select dealer_id, month, business_line, channel, '_total' as factor, count(*)::int as responses,
         count(score)::int as scored, coalesce(sum(score), 0)::numeric(16,2) as score_sum,
         (count(*) filter (where satisfied))::int as satisfied,
         (count(*) filter (where satisfied is false))::int as dissatisfied
  from r group by 1, 2, 3, 4
  union all
  select dealer_id, month, business_line, channel, e ->> 'code', count(*)::int, count(*)::int,
         sum((e ->> 'score')::numeric)::numeric(16,2), 0, 0
  from r cross join lateral jsonb_array_elements(r.factor_scores) e
  where e ->> 'score' is not null and e ->> 'code' is not null
  group by 1, 2, 3, 4, 5`;

const stored = (dealerId: string | null) => sql`
  select dealer_id, month, business_line, channel, factor, responses, scored, score_sum, satisfied, dissatisfied
  from kpi_monthly_factors where ${dealerId}::uuid is null or dealer_id = ${dealerId}::uuid`;

/**
 * Rows that differ between the stored aggregates and a full recompute (each side's extra rows); empty
 * means the incremental path is exact.
 */
export async function diffMonthlyAggregates(
  db: Db,
  dealerId: string | null = null,
): Promise<{ onlyStored: MonthlyFactorRow[]; onlyRecomputed: MonthlyFactorRow[] }> {
  const onlyStored = await sql<MonthlyFactorRow>`(${stored(dealerId)}) except (${recompute(dealerId)})`.execute(db);
  const onlyRecomputed = await sql<MonthlyFactorRow>`(${recompute(dealerId)}) except (${stored(dealerId)})`.execute(db);
  return { onlyStored: onlyStored.rows, onlyRecomputed: onlyRecomputed.rows };
}

export async function findMonthlyFactors(db: Db, dealerId: string, fromMonth: string, toMonth: string) {
  return db
    .selectFrom('kpiMonthlyFactors')
    .selectAll()
    .where('dealerId', '=', dealerId)
    .where('month', '>=', fromMonth)
    .where('month', '<=', toMonth)
    .orderBy('month')
    .orderBy('factor')
    .execute();
}
