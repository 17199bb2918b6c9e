import { sql } from 'kysely';
import type { Db } from '../../db/client';

/**
 * Dashboard reads over the incremental aggregates (migration 0013). Scores are Σ score / Σ scored, so a
 * quarter or a year is the sum of its months, exactly. Regional and national averages weigh every
 * dealer once (the mean of the dealers' scores, SPEC §5.5 (D)), and ranks are competition ranks.
 */
export interface MonthFactorScore {
  month: string;
  factor: string;
  responses: number;
  scored: number;
  score: string | null;
  satisfied: number;
  dissatisfied: number;
}

/** One dealer's months × factors, for the dashboard trend and factor breakdown. */
export async function dealerMonthlyScores(
  db: Db,
  dealerId: string,
  range: { fromMonth: string; toMonth: string; businessLine?: string | null; channel?: string | null },
): Promise<MonthFactorScore[]> {
  const line = range.businessLine ?? null;
  const channel = range.channel ?? null;
  const r = await sql<MonthFactorScore>`
    select to_char(month, 'YYYY-MM') as month, factor, sum(responses)::int as responses, sum(scored)::int as scored,
           round(sum(score_sum) / nullif(sum(scored), 0), 2)::text as score,
           sum(satisfied)::int as satisfied, sum(dissatisfied)::int as dissatisfied
    from kpi_monthly_factors
    where dealer_id = ${dealerId} and month between ${range.fromMonth}::date and ${range.toMonth}::date
      and (${line}::text is null or business_line = ${line}) and (${channel}::text is null or channel = ${channel})
    group by month, factor
    order by month, factor`.execute(db);
  return r.rows;
}

export interface BenchmarkRow {
  factor: string;
  regionId: string | null;
  dealerId: string | null;
  /** 'dealer' | 'region' | 'national' */
  level: string;
  score: string | null;
  responses: number;
  /** National competition rank of a dealer for the factor (dealer rows only). */
  rank: number | null;
}

/**
 * Every dealer's score per factor over a range of months, with regional and national averages and the
 * dealer's national rank, in one GROUPING SETS query over the aggregates.
 */
export async function benchmarkScores(
  db: Db,
  range: { fromMonth: string; toMonth: string; businessLine: string; dealerIds?: readonly string[] | null },
): Promise<BenchmarkRow[]> {
  const ids = range.dealerIds ? [...range.dealerIds] : null;
  const r = await sql<BenchmarkRow>`
    with dealer_scores as (
      select k.factor, d.region_id, k.dealer_id, sum(k.score_sum) / nullif(sum(k.scored), 0) as score,
             sum(k.responses)::int as responses
      from kpi_monthly_factors k
      join dealers d on d.id = k.dealer_id
      where k.month between ${range.fromMonth}::date and ${range.toMonth}::date
        and k.business_line = ${range.businessLine}
        and (${ids}::uuid[] is null or k.dealer_id = any(${ids}::uuid[]))
      group by k.factor, d.region_id, k.dealer_id
    ), grouped as (
      select factor, region_id, dealer_id, avg(score) as score, sum(responses)::int as responses,
             grouping(region_id, dealer_id) as g
      from dealer_scores
      group by grouping sets ((factor, region_id, dealer_id), (factor, region_id), (factor))
    )
    select factor, region_id, dealer_id,
           case g when 0 then 'dealer' when 1 then 'region' else 'national' end as level,
           round(score, 2)::text as score, responses,
           case when g = 0 and score is not null
                then rank() over (partition by factor, g, (score is null) order by score desc)::int end as rank
    from grouped
    order by factor, g desc, region_id, score desc nulls last`.execute(db);
  return r.rows;
}
