import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/client';
import type { Range } from './charts.queries';
import { RESPONSES } from './summary.queries';

/**
 * The rows behind a chart point (issue 7 "each chart drills down to the rows behind it"): responses, phone
 * callback tasks or dissatisfaction cases of one dealer and local-day range, narrowed the same way the chart
 * counted them. Personal data is masked by the service.
 */
export interface DrillFilter extends Range {
  reason: string | null;
  staffKey: string | null;
  staffRole: 'advisor' | 'agent' | null;
  department: string | null;
  overdueOnly: boolean;
  dissatisfiedOnly: boolean;
  limit: number;
  offset: number;
  now: Date;
}
export interface RawDrillRow {
  id: string;
  at: Date | string;
  customer: string | null;
  phone: string | null;
  staff: string | null;
  status: string;
  score: string | null;
  detail: string | null;
  total: number;
}

const advisor = sql`coalesce(ro.advisor_staff_id, s.consultant_staff_id)`;
const staffOf = (role: 'advisor' | 'agent' | null, agentCol: RawBuilder<unknown>) =>
  role === 'agent' ? agentCol : advisor;

export async function drillResponses(db: Db, f: DrillFilter): Promise<RawDrillRow[]> {
  const staff = staffOf(f.staffRole, sql`r.agent_user_id`);
  const res = await sql<RawDrillRow>`
    select r.id, r.submitted_at as at, cu.name as customer, t.contact_phone as phone,
           coalesce(ro.advisor_name, s.consultant_name) as staff, r.channel as status, r.score::text as score,
           (select string_agg(x, ', ') from jsonb_array_elements_text(r.dissatisfied) x) as detail,
           count(*) over ()::int as total
    from ${RESPONSES(f.dealerId, f.from, f.to, f.businessLine)}
      and (${f.reason}::text is null or r.dissatisfied @> jsonb_build_array(${f.reason}::text))
      and (${f.staffKey}::text is null or ${staff}::text = ${f.staffKey}::text)
      and (not ${f.dissatisfiedOnly}::boolean or r.satisfied is false)
    order by r.submitted_at desc, r.id limit ${f.limit} offset ${f.offset}`.execute(db);
  return res.rows;
}

export async function drillTasks(db: Db, f: DrillFilter): Promise<RawDrillRow[]> {
  const staff = staffOf(f.staffRole, sql`t.assigned_user_id`);
  const line = sql`case when t.type like 'SALES%' then 'sales' else 'after_sales' end`;
  const res = await sql<RawDrillRow>`
    select t.id, t.anchor_date::text as at, cu.name as customer, t.contact_phone as phone,
           coalesce(ro.advisor_name, s.consultant_name) as staff, t.status, null::text as score,
           t.type || coalesce(' · ' || t.reason, '') as detail, count(*) over ()::int as total
    from callback_tasks t
    left join repair_orders ro on t.source_kind = 'repair_order' and ro.dealer_id = t.dealer_id and ro.id = t.source_id
    left join sales s on t.source_kind = 'sale' and s.dealer_id = t.dealer_id and s.id = t.source_id
    left join customers cu on cu.dealer_id = t.dealer_id and cu.id = t.customer_id
    where t.dealer_id = ${f.dealerId} and t.type in ('AS_PHONE', 'SALES_PHONE')
      and t.anchor_date between ${f.from}::date and ${f.to}::date
      and (${f.businessLine}::text is null or ${line} = ${f.businessLine}::text)
      and (${f.department}::text is null or ${line} = ${f.department}::text)
      and (${f.staffKey}::text is null or ${staff}::text = ${f.staffKey}::text)
    order by t.anchor_date desc, t.id limit ${f.limit} offset ${f.offset}`.execute(db);
  return res.rows;
}

export async function drillCases(db: Db, f: DrillFilter): Promise<RawDrillRow[]> {
  const staff = staffOf(f.staffRole, sql`c.filled_by`);
  const res = await sql<RawDrillRow>`
    select c.id, c.created_at as at, cu.name as customer, null::text as phone,
           coalesce(ro.advisor_name, s.consultant_name) as staff, c.status, null::text as score,
           c.form_no || ' · ' || c.department || ' · ' || c.problem as detail, count(*) over ()::int as total
    from dissatisfaction_cases c
    join dealers d on d.id = c.dealer_id
    left join repair_orders ro on c.source_kind = 'repair_order' and ro.dealer_id = c.dealer_id and ro.id = c.source_id
    left join sales s on c.source_kind = 'sale' and s.dealer_id = c.dealer_id and s.id = c.source_id
    left join customers cu on cu.dealer_id = c.dealer_id and cu.id = c.customer_id
    where c.dealer_id = ${f.dealerId}
      and (c.created_at at time zone d.time_zone)::date between ${f.from}::date and ${f.to}::date
      and (${f.businessLine}::text is null or c.department = ${f.businessLine}::text)
      and (${f.department}::text is null or c.department = ${f.department}::text)
      and (${f.staffKey}::text is null or ${staff}::text = ${f.staffKey}::text)
      and (not ${f.overdueOnly}::boolean or (c.closed_at is null and c.current_due_at < ${f.now}))
    order by c.created_at desc, c.id limit ${f.limit} offset ${f.offset}`.execute(db);
  return res.rows;
}
