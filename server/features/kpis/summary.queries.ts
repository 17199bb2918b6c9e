import { sql, type RawBuilder } from 'kysely';
import type { Grouping, Granularity } from '../../../core/contracts/kpis';
import type { Db } from '../../db/client';

/**
 * The raw counts behind the SPEC §5.1–§5.3 KPIs for one dealer, bucketed by local period and grouped by
 * dealer / department / advisor (SA or sales consultant) / agent. The pure functions of core/rules/kpis.ts
 * turn them into rates. Every grouping key is a fixed SQL fragment chosen by an enum (never user text).
 */
export interface KpiScope {
  dealerId: string;
  from: string;
  to: string;
  granularity: Granularity;
  groupBy: Grouping;
  businessLine: 'after_sales' | 'sales' | null;
}

const PHONE_TYPES = sql`('AS_PHONE', 'SALES_PHONE')`;
const bucket = (g: Granularity, day: RawBuilder<unknown>) =>
  sql`to_char(date_trunc(${g}::text, (${day})::timestamp), 'YYYY-MM-DD')`;
const lineOfType = sql`case when t.type like 'SALES%' then 'sales' else 'after_sales' end`;

function taskKey(g: Grouping) {
  if (g === 'dealer') return sql`t.dealer_id::text`;
  if (g === 'department') return lineOfType;
  if (g === 'advisor') return sql`coalesce(ro.advisor_staff_id, s.consultant_staff_id)::text`;
  return sql`t.assigned_user_id::text`;
}
const SOURCES = sql`
  left join repair_orders ro on t.source_kind = 'repair_order' and ro.dealer_id = t.dealer_id and ro.id = t.source_id
  left join sales s on t.source_kind = 'sale' and s.dealer_id = t.dealer_id and s.id = t.source_id`;

export interface TaskCounts {
  period: string;
  key: string | null;
  repairSuccess: number;
  repairExcluded: number;
  repairDuplicate: number;
  salesSuccess: number;
  due: number;
  success: number;
  surveyed: number;
}

/** Phone callback tasks by the local day of the visit they follow (anchor date): SPEC §5.1, §5.2. */
export async function taskCounts(db: Db, s: KpiScope): Promise<TaskCounts[]> {
  const r = await sql<TaskCounts>`
    select ${bucket(s.granularity, sql`t.anchor_date`)} as period, ${taskKey(s.groupBy)} as key,
      (count(*) filter (where t.type = 'AS_PHONE' and t.status = 'SUCCESS'))::int as repair_success,
      (count(*) filter (where t.type = 'AS_PHONE' and t.status = 'EXCLUDED'))::int as repair_excluded,
      (count(*) filter (where t.type = 'AS_PHONE' and t.status = 'DUPLICATE'))::int as repair_duplicate,
      (count(*) filter (where t.type = 'SALES_PHONE' and t.status = 'SUCCESS'))::int as sales_success,
      (count(*) filter (where t.status not in ('EXCLUDED', 'DUPLICATE')))::int as due,
      (count(*) filter (where t.status = 'SUCCESS'))::int as success,
      (count(*) filter (where t.status = 'SUCCESS' and t.response_id is not null))::int as surveyed
    from callback_tasks t ${SOURCES}
    where t.dealer_id = ${s.dealerId} and t.type in ${PHONE_TYPES}
      and t.anchor_date between ${s.from}::date and ${s.to}::date
      and (${s.businessLine}::text is null or ${lineOfType} = ${s.businessLine})
    group by 1, 2`.execute(db);
  return r.rows;
}

export interface VisitCounts {
  period: string;
  key: string | null;
  completedVisits: number;
  unitsSold: number;
  unitsSoldToDealers: number;
}

function visitKey(g: Grouping, line: 'after_sales' | 'sales') {
  if (g === 'dealer') return sql`dealer_id::text`;
  if (g === 'department') return sql`${line}::text`;
  if (g === 'advisor') return line === 'sales' ? sql`consultant_staff_id::text` : sql`advisor_staff_id::text`;
  return sql`null::text`;
}

/** Repair orders settled (completed and picked up) and units sold, by local day: SPEC §5.1 denominators. */
export async function visitCounts(db: Db, s: KpiScope): Promise<VisitCounts[]> {
  const r = await sql<VisitCounts>`
    select ${bucket(s.granularity, sql`settled_on`)} as period, ${visitKey(s.groupBy, 'after_sales')} as key,
           count(*)::int as completed_visits, 0 as units_sold, 0 as units_sold_to_dealers
    from repair_orders
    where dealer_id = ${s.dealerId} and settled_on between ${s.from}::date and ${s.to}::date
      and (${s.businessLine}::text is null or ${s.businessLine} = 'after_sales')
    group by 1, 2
    union all
    select ${bucket(s.granularity, sql`sale_date`)}, ${visitKey(s.groupBy, 'sales')}, 0, count(*)::int,
           (count(*) filter (where buyer_is_dealer))::int
    from sales
    where dealer_id = ${s.dealerId} and sale_date between ${s.from}::date and ${s.to}::date
      and (${s.businessLine}::text is null or ${s.businessLine} = 'sales')
    group by 1, 2`.execute(db);
  return r.rows;
}

function responseKey(g: Grouping) {
  if (g === 'dealer') return sql`r.dealer_id::text`;
  if (g === 'department') return sql`v.business_line`;
  if (g === 'advisor') return sql`coalesce(ro.advisor_staff_id, s.consultant_staff_id)::text`;
  return sql`r.agent_user_id::text`;
}

/** The responses of a dealer in a local-day range, with the joins every response read needs. */
export const RESPONSES = (
  dealerId: string,
  from: string,
  to: string,
  line: string | null,
  joins: RawBuilder<unknown> = sql``,
) => sql`
  survey_responses r
  join dealers d on d.id = r.dealer_id
  join questionnaire_versions v on v.dealer_id = r.dealer_id and v.id = r.version_id
  left join callback_tasks t on t.dealer_id = r.dealer_id and t.id = r.task_id
  ${SOURCES}
  left join customers cu on cu.dealer_id = r.dealer_id and cu.id = t.customer_id
  ${joins}
  where r.dealer_id = ${dealerId}
    and (r.submitted_at at time zone d.time_zone)::date between ${from}::date and ${to}::date
    and (${line}::text is null or v.business_line = ${line})`;
export const LOCAL_DAY = sql`(r.submitted_at at time zone d.time_zone)::date`;

export interface ResponseCounts {
  period: string;
  key: string | null;
  responses: number;
  scored: number;
  scoreSum: string;
  satisfied: number;
  dissatisfied: number;
}

/** Survey responses by local submission day: SPEC §5.3 score, §5.12 satisfaction rate. */
export async function responseCounts(db: Db, s: KpiScope): Promise<ResponseCounts[]> {
  const r = await sql<ResponseCounts>`
    select ${bucket(s.granularity, LOCAL_DAY)} as period, ${responseKey(s.groupBy)} as key,
           count(*)::int as responses, count(r.score)::int as scored, coalesce(sum(r.score), 0)::text as score_sum,
           (count(*) filter (where r.satisfied))::int as satisfied,
           (count(*) filter (where r.satisfied is false))::int as dissatisfied
    from ${RESPONSES(s.dealerId, s.from, s.to, s.businessLine)}
    group by 1, 2`.execute(db);
  return r.rows;
}

function caseKey(g: Grouping) {
  if (g === 'dealer') return sql`c.dealer_id::text`;
  if (g === 'department') return sql`c.department`;
  if (g === 'advisor') return sql`coalesce(ro.advisor_staff_id, s.consultant_staff_id)::text`;
  return sql`c.filled_by::text`;
}

export interface CaseRow {
  period: string;
  key: string | null;
  loops: number;
  openedAt: Date;
  closedAt: Date | null;
  dueAt: Date | null;
}

/** Dissatisfaction cases opened in the range (local day), one row each: first-time resolution, closure, overdue. */
export async function caseRows(db: Db, s: KpiScope): Promise<CaseRow[]> {
  const r = await sql<CaseRow>`
    select ${bucket(s.granularity, sql`(c.created_at at time zone d.time_zone)::date`)} as period,
           ${caseKey(s.groupBy)} as key, c.loop as loops, c.created_at as opened_at, c.closed_at,
           c.current_due_at as due_at
    from dissatisfaction_cases c
    join dealers d on d.id = c.dealer_id
    left join repair_orders ro on c.source_kind = 'repair_order' and ro.dealer_id = c.dealer_id and ro.id = c.source_id
    left join sales s on c.source_kind = 'sale' and s.dealer_id = c.dealer_id and s.id = c.source_id
    where c.dealer_id = ${s.dealerId}
      and (c.created_at at time zone d.time_zone)::date between ${s.from}::date and ${s.to}::date
      and (${s.businessLine}::text is null or c.department = ${s.businessLine})`.execute(db);
  return r.rows.map((x) => ({ ...x, openedAt: new Date(x.openedAt), closedAt: x.closedAt && new Date(x.closedAt) }));
}

/** Display names for grouping keys: dealers, staff (advisors) or users (agents). */
export async function keyLabels(db: Db, dealerId: string, g: Grouping, keys: string[]): Promise<Map<string, string>> {
  const ids = keys.filter((k) => /^[0-9a-f-]{36}$/.test(k));
  if (ids.length === 0 || g === 'department') return new Map();
  const q =
    g === 'dealer'
      ? sql<{ id: string; label: string }>`select id::text, name as label from dealers where id = any(${ids}::uuid[])`
      : g === 'advisor'
        ? sql<{ id: string; label: string }>`select id::text, name as label from staff
            where dealer_id = ${dealerId} and id = any(${ids}::uuid[])`
        : sql<{
            id: string;
            label: string;
          }>`select id::text, display_name as label from users where id = any(${ids}::uuid[])`;
  return new Map((await q.execute(db)).rows.map((r) => [r.id, r.label]));
}
