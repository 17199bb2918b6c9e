import { sql } from 'kysely';
import type { Granularity } from '../../../core/contracts/kpis';
import type { Db } from '../../db/client';
import { RESPONSES } from './summary.queries';

/**
 * Dashboard chart reads. Trend and factor breakdown read the incremental aggregates of migration 0013
 * (kpi_daily, kpi_monthly_factors), never the answers; Pareto, staff ranking and the heat map read the
 * responses / cases of one dealer and range (indexed by dealer and time).
 */
export interface Range {
  dealerId: string;
  from: string;
  to: string;
  businessLine: string | null;
}

export interface TrendRow {
  period: string;
  responses: number;
  scored: number;
  scoreSum: string;
  satisfied: number;
  dissatisfied: number;
}

/** Σ over the daily aggregates per local period (day / week / month / quarter). */
export async function trendRows(db: Db, r: Range, g: Granularity): Promise<TrendRow[]> {
  const res = await sql<TrendRow>`
    select to_char(date_trunc(${g}::text, day::timestamp), 'YYYY-MM-DD') as period, sum(responses)::int as responses,
           sum(scored)::int as scored, sum(score_sum)::text as score_sum, sum(satisfied)::int as satisfied,
           sum(dissatisfied)::int as dissatisfied
    from kpi_daily
    where dealer_id = ${r.dealerId} and day between ${r.from}::date and ${r.to}::date
      and (${r.businessLine}::text is null or business_line = ${r.businessLine})
    group by 1 order by 1`.execute(db);
  return res.rows;
}

/** Σ score / Σ scored per factor over the months the range touches (factors are kept per month). */
export interface FactorRow {
  factor: string;
  scored: number;
  scoreSum: string;
  nameZh: string | null;
  nameEn: string | null;
}

/** Factor sums over the range, with the dealer's own factor names from its questionnaires. */
export async function factorRows(db: Db, r: Range): Promise<FactorRow[]> {
  const res = await sql<FactorRow>`
    select k.factor, sum(k.scored)::int as scored, sum(k.score_sum)::text as score_sum,
           min(f.name_zh) as name_zh, min(f.name_en) as name_en
    from kpi_monthly_factors k
    left join lateral (
      select name_zh, name_en from questionnaire_factors qf
      where qf.dealer_id = k.dealer_id and qf.code = k.factor limit 1
    ) f on true
    where k.dealer_id = ${r.dealerId} and k.factor <> '_total'
      and k.month between date_trunc('month', ${r.from}::date)::date and ${r.to}::date
      and (${r.businessLine}::text is null or k.business_line = ${r.businessLine})
    group by k.factor order by k.factor`.execute(db);
  return res.rows;
}

const REASONS = sql`
  cross join lateral jsonb_array_elements_text(r.dissatisfied) as e(reason)
  left join questionnaire_questions q on q.dealer_id = r.dealer_id and q.version_id = r.version_id and q.key = e.reason`;

export interface ParetoRow {
  reason: string;
  label: string;
  labelEn: string;
  count: number;
}

/**
 * Dissatisfied answers per question (the reason), with the question text in Chinese and English (the English falls
 * back to the Chinese, both to the key), most frequent first.
 */
export async function paretoRows(db: Db, r: Range): Promise<ParetoRow[]> {
  const res = await sql<ParetoRow>`
    select e.reason, coalesce(min(q.text_zh), e.reason) as label,
           coalesce(min(nullif(trim(q.text_en), '')), min(q.text_zh), e.reason) as label_en, count(*)::int as count
    from ${RESPONSES(r.dealerId, r.from, r.to, r.businessLine, REASONS)}
    group by e.reason order by count desc, e.reason`.execute(db);
  return res.rows;
}

export interface StaffRow {
  key: string;
  label: string;
  responses: number;
  scored: number;
  scoreSum: string;
  dissatisfied: number;
}

/** Responses per service advisor / sales consultant (through the callback's transaction) or per agent. */
export async function staffRows(db: Db, r: Range, role: 'advisor' | 'agent'): Promise<StaffRow[]> {
  const key = role === 'advisor' ? sql`coalesce(ro.advisor_staff_id, s.consultant_staff_id)` : sql`r.agent_user_id`;
  const name =
    role === 'advisor'
      ? sql`(select st.name from staff st where st.dealer_id = r.dealer_id and st.id = ${key})`
      : sql`(select u.display_name from users u where u.id = ${key})`;
  const res = await sql<StaffRow>`
    select ${key}::text as key, coalesce(min(${name}), '') as label, count(*)::int as responses,
           count(r.score)::int as scored, coalesce(sum(r.score), 0)::text as score_sum,
           (count(*) filter (where r.satisfied is false))::int as dissatisfied
    from ${RESPONSES(r.dealerId, r.from, r.to, r.businessLine)} and ${key} is not null
    group by ${key}`.execute(db);
  return res.rows;
}

/** Cases opened per local day and department that are open past their due time at `now`. */
export async function overdueCells(
  db: Db,
  r: Range,
  now: Date,
): Promise<{ day: string; department: string; n: number }[]> {
  const res = await sql<{ day: string; department: string; n: number }>`
    select to_char((c.created_at at time zone d.time_zone)::date, 'YYYY-MM-DD') as day, c.department,
           count(*)::int as n
    from dissatisfaction_cases c join dealers d on d.id = c.dealer_id
    where c.dealer_id = ${r.dealerId} and c.closed_at is null and c.current_due_at < ${now}
      and (c.created_at at time zone d.time_zone)::date between ${r.from}::date and ${r.to}::date
      and (${r.businessLine}::text is null or c.department = ${r.businessLine})
    group by 1, 2 order by 1, 2`.execute(db);
  return res.rows;
}
