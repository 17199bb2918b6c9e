import { sql, type RawBuilder } from 'kysely';
import type { RegisterQuery } from '../../../core/contracts/registers';
import type { Db } from '../../db/client';

/**
 * Register rows (SPEC §3.13): one row per callback task that was worked (an attempt or a response), with
 * its customer, vehicle, order, last attempt, response and the FAQ articles used; in the on-site register also
 * one row per on-site response given without a task (the respondent's name, the answers, no order). Reads only.
 */

export interface RegisterDbRow {
  taskId: string | null;
  responseId: string | null;
  calledAt: Date | null;
  customerId: string | null;
  customerName: string | null;
  phone: string | null;
  plate: string | null;
  vin: string | null;
  model: string | null;
  orderNumber: string | null;
  orderDate: string | null;
  deliveryDate: string | null;
  repairType: string | null;
  amountFen: string | number | null;
  staffName: string | null;
  agentName: string | null;
  taskStatus: string | null;
  attemptCount: number;
  lastOutcome: string | null;
  score: string | null;
  satisfied: boolean | null;
  dissatisfiedItems: string[];
  faqAnswers: string[];
  praise: string | null;
  notes: string | null;
  total: string | number;
}

export interface RegisterFilter extends Omit<RegisterQuery, 'limit' | 'offset'> {
  dealerId: string;
  types: readonly string[];
  timeZone: string;
  /** Also the on-site responses of this business line that have no task. */
  taskFreeBusinessLine?: string | undefined;
}

const CALLED_AT = sql`coalesce(r.submitted_at, t.last_attempt_at)`;
const STAFF = sql`coalesce(ro.advisor_name, s.consultant_name)`;
const contains = (column: RawBuilder<unknown>, text: string) =>
  sql`position(lower(${text}) in lower(coalesce(${column}, ''))) > 0`;

function conditions(f: RegisterFilter): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = [
    sql`t.dealer_id = ${f.dealerId}`,
    sql`t.type in (${sql.join([...f.types])})`,
    sql`(t.attempt_count > 0 or t.response_id is not null)`,
  ];
  const localDay = sql`(${CALLED_AT} at time zone ${f.timeZone})::date`;
  if (f.from) out.push(sql`${localDay} >= ${f.from}::date`);
  if (f.to) out.push(sql`${localDay} <= ${f.to}::date`);
  if (f.agent) out.push(sql`coalesce(r.agent_user_id, la.agent_user_id) = ${f.agent}`);
  if (f.staff) out.push(contains(STAFF, f.staff));
  if (f.satisfaction === 'satisfied') out.push(sql`r.satisfied is true`);
  if (f.satisfaction === 'dissatisfied') out.push(sql`r.satisfied is false`);
  if (f.satisfaction === 'none') out.push(sql`r.satisfied is null`);
  if (f.q)
    out.push(
      sql`(${contains(sql`c.name`, f.q)} or ${contains(sql`v.plate`, f.q)} or ${contains(sql`coalesce(ro.ro_number, s.vin)`, f.q)})`,
    );
  return out;
}

/** The filters on a response without a task: no customer, order or advisor, only what the response holds. */
function taskFreeConditions(f: RegisterFilter, businessLine: string): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = [
    sql`r.dealer_id = ${f.dealerId}`,
    sql`r.task_id is null`,
    sql`r.channel = 'on_site'`,
    sql`exists (select 1 from questionnaire_versions qv where qv.dealer_id = r.dealer_id and qv.id = r.version_id
      and qv.business_line = ${businessLine})`,
  ];
  const localDay = sql`(r.submitted_at at time zone ${f.timeZone})::date`;
  if (f.from) out.push(sql`${localDay} >= ${f.from}::date`);
  if (f.to) out.push(sql`${localDay} <= ${f.to}::date`);
  if (f.agent) out.push(sql`r.agent_user_id = ${f.agent}`);
  if (f.staff) out.push(sql`false`);
  if (f.satisfaction === 'satisfied') out.push(sql`r.satisfied is true`);
  if (f.satisfaction === 'dissatisfied') out.push(sql`r.satisfied is false`);
  if (f.satisfaction === 'none') out.push(sql`r.satisfied is null`);
  if (f.q) out.push(contains(sql`r.respondent_name`, f.q));
  return out;
}

/** The question texts answered below "satisfied", then the reasons given (text, or the options picked). */
const DISSATISFIED_ITEMS = sql`(
  select coalesce(json_agg(z.item order by z.pos, z.k), '[]') from (
    select qq.position as pos, 0 as k,
           qq.text_zh || case when coalesce(a.comment, '') <> '' then '（' || a.comment || '）' else '' end as item
    from questionnaire_questions qq
      left join survey_answers a on a.dealer_id = qq.dealer_id and a.response_id = r.id and a.question_key = qq.key
    where qq.dealer_id = r.dealer_id and qq.version_id = r.version_id and jsonb_exists(r.dissatisfied, qq.key)
    union all
    select qq.position, 1,
           case when jsonb_typeof(a.value) = 'string' then a.value #>> '{}'
                else (select string_agg(o -> 'label' ->> 'zh', '、') from jsonb_array_elements(qq.options) o
                      where jsonb_exists(a.value, o ->> 'key')) end
    from survey_answers a
      join questionnaire_questions qq on qq.dealer_id = a.dealer_id and qq.version_id = r.version_id and qq.key = a.question_key
    where a.dealer_id = r.dealer_id and a.response_id = r.id and qq.type = 'reason'
      and jsonb_typeof(a.value) in ('string', 'array') and coalesce(a.value #>> '{}', '') <> ''
  ) z where z.item is not null and z.item <> '')`;

const FAQ_ANSWERS = sql`(
  select coalesce(json_agg(distinct fa.question), '[]')
  from faq_uses u join faq_articles fa on fa.dealer_id = u.dealer_id and fa.id = u.article_id
  where u.dealer_id = page.dealer_id and (u.task_id = t.id or (r.id is not null and u.response_id = r.id)))`;

/** The last attempt's agent, for the agent filter and column. */
const LAST_AGENT = sql`
    left join lateral (
      select a.agent_user_id from call_attempts a where a.dealer_id = t.dealer_id and a.task_id = t.id
      order by a.attempted_at desc limit 1) la on true`;

/**
 * The joins every register reads through; the filters refer to these aliases. The left joins on primary
 * keys that a query does not use are removed by the planner; the lateral one is added only where needed.
 */
const from = (lastAgent: boolean) => sql`
  callback_tasks t
    left join survey_responses r on r.dealer_id = t.dealer_id and r.id = t.response_id
    ${lastAgent ? LAST_AGENT : sql``}
    left join customers c on c.dealer_id = t.dealer_id and c.id = t.customer_id
    left join vehicles v on v.dealer_id = t.dealer_id and v.id = t.vehicle_id
    left join repair_orders ro on t.source_kind = 'repair_order' and ro.dealer_id = t.dealer_id and ro.id = t.source_id
    left join sales s on t.source_kind = 'sale' and s.dealer_id = t.dealer_id and s.id = t.source_id`;

/**
 * One page of a register (or, for the export, up to `limit` rows), newest callback first. The page is
 * chosen over the cheap joins first; the per-row subqueries (items, FAQ, notes, phone) run for its rows only.
 */
export async function findRegisterRows(db: Db, f: RegisterFilter, limit: number, offset: number) {
  const tasks = sql`
    select t.dealer_id, t.id as task_id, null::uuid as response_id, ${CALLED_AT} as called_at
    from ${from(Boolean(f.agent))}
    where ${sql.join(conditions(f), sql` and `)}`;
  const rows = f.taskFreeBusinessLine
    ? sql`${tasks} union all
      select r.dealer_id, null::uuid, r.id, r.submitted_at from survey_responses r
      where ${sql.join(taskFreeConditions(f, f.taskFreeBusinessLine), sql` and `)}`
    : tasks;
  const r = await sql<RegisterDbRow>`
    with page as (
      select u.*, count(*) over () as total from (${rows}) u
      order by u.called_at desc nulls last, coalesce(u.task_id, u.response_id)
      limit ${limit} offset ${offset})
    select t.id as task_id, r.id as response_id, page.called_at, page.total,
      t.customer_id, coalesce(c.name, r.respondent_name) as customer_name,
      (select p.phone from customer_phones p where p.dealer_id = t.dealer_id and p.customer_id = t.customer_id
       order by p.is_primary desc, p.created_at limit 1) as phone,
      v.plate, coalesce(v.vin, s.vin) as vin, v.model,
      coalesce(ro.ro_number, s.vin) as order_number,
      coalesce(ro.settled_on, s.sale_date)::text as order_date,
      coalesce(ro.picked_up_on, s.delivery_date)::text as delivery_date,
      ro.repair_type, ro.amount_fen, ${STAFF} as staff_name,
      coalesce(ur.display_name, ua.display_name) as agent_name,
      t.status as task_status, coalesce(t.attempt_count, 0) as attempt_count, t.last_outcome,
      r.score, r.satisfied, r.praise,
      ${DISSATISFIED_ITEMS} as dissatisfied_items,
      ${FAQ_ANSWERS} as faq_answers,
      (select string_agg(a.note, '；' order by a.attempted_at) from call_attempts a
       where a.dealer_id = t.dealer_id and a.task_id = t.id and a.note <> '') as notes
    from page
      left join callback_tasks t on t.dealer_id = page.dealer_id and t.id = page.task_id
      left join survey_responses r on r.dealer_id = page.dealer_id and r.id = coalesce(page.response_id, t.response_id)
      ${LAST_AGENT}
      left join customers c on c.dealer_id = t.dealer_id and c.id = t.customer_id
      left join vehicles v on v.dealer_id = t.dealer_id and v.id = t.vehicle_id
      left join repair_orders ro on t.source_kind = 'repair_order' and ro.dealer_id = t.dealer_id and ro.id = t.source_id
      left join sales s on t.source_kind = 'sale' and s.dealer_id = t.dealer_id and s.id = t.source_id
      left join users ur on ur.id = r.agent_user_id
      left join users ua on ua.id = la.agent_user_id
    order by page.called_at desc nulls last, coalesce(page.task_id, page.response_id)`.execute(db);
  return r.rows;
}

export async function findDealerName(db: Db, dealerId: string) {
  const d = await db.selectFrom('dealers').select('name').where('id', '=', dealerId).executeTakeFirst();
  return d?.name ?? '';
}
