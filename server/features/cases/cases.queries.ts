import { sql, type Insertable, type Updateable, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../db/client';
import type { DissatisfactionCases } from '../../db/tables';

/** Dissatisfaction cases, their timeline and the daily-report items: the only SQL of the cases feature. */

export type CaseRowFull = NonNullable<Awaited<ReturnType<typeof findCaseRow>>>;
export type CaseSet = Updateable<DissatisfactionCases>;

/** Who may see a case: the overseers, or the people it involves (filled by, handler, a recipient role). */
export interface Viewer {
  userId: string;
  roles: string[];
  seeAll: boolean;
}

/** The response a case is opened from, with its task, customer, vehicle and the advisor / consultant. */
export async function findResponseSource(db: Db, dealerId: string, responseId: string) {
  const r = await sql<{
    id: string;
    dissatisfied: unknown;
    agentUserId: string | null;
    taskId: string | null;
    taskType: string | null;
    customerId: string | null;
    vehicleId: string | null;
    sourceKind: string | null;
    sourceId: string | null;
    staffUserId: string | null;
  }>`
    select r.id, r.dissatisfied, r.agent_user_id, r.task_id, t.type as task_type, t.customer_id, t.vehicle_id,
      case when t.source_kind in ('repair_order', 'sale') then t.source_kind end as source_kind,
      case when t.source_kind in ('repair_order', 'sale') then t.source_id end as source_id,
      (select st.user_id from staff st where st.dealer_id = r.dealer_id and st.active
         and st.id = coalesce(ro.advisor_staff_id, s.consultant_staff_id)) as staff_user_id
    from survey_responses r
    left join callback_tasks t on t.dealer_id = r.dealer_id and t.id = r.task_id
    left join repair_orders ro on t.source_kind = 'repair_order' and ro.dealer_id = t.dealer_id and ro.id = t.source_id
    left join sales s on t.source_kind = 'sale' and s.dealer_id = t.dealer_id and s.id = t.source_id
    where r.dealer_id = ${dealerId} and r.id = ${responseId}`.execute(db);
  return r.rows[0];
}

export async function findActiveUser(db: Db, dealerId: string, userId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'displayName', 'roles'])
    .where('id', '=', userId)
    .where('dealerId', '=', dealerId)
    .where('disabledAt', 'is', null)
    .executeTakeFirst();
}

export async function customerExists(db: Db, dealerId: string, customerId: string) {
  const r = await db
    .selectFrom('customers')
    .select('id')
    .where('dealerId', '=', dealerId)
    .where('id', '=', customerId)
    .executeTakeFirst();
  return !!r;
}

export async function caseExistsFor(db: Db, dealerId: string, responseId: string, questionKey: string | null) {
  const r = await sql<{ id: string }>`
    select id from dissatisfaction_cases where dealer_id = ${dealerId} and response_id = ${responseId}
      and coalesce(question_key, '') = ${questionKey ?? ''}`.execute(db);
  return r.rows[0]?.id;
}

/** The next form number of the day, F-YYYYMMDD-NNNN; serialised per dealer by a transaction lock. */
export async function nextFormNo(tx: Db, dealerId: string, ymd: string): Promise<string> {
  await sql`select pg_advisory_xact_lock(hashtext(${`cases:form-no:${dealerId}`}))`.execute(tx);
  const prefix = `F-${ymd.replaceAll('-', '')}-`;
  const r = await sql<{ n: number }>`
    select count(*)::int as n from dissatisfaction_cases
    where dealer_id = ${dealerId} and form_no like ${`${prefix}%`}`.execute(tx);
  return `${prefix}${String((r.rows[0]?.n ?? 0) + 1).padStart(4, '0')}`;
}

export async function insertCase(tx: Db, row: Insertable<DissatisfactionCases>): Promise<string> {
  const r = await tx.insertInto('dissatisfactionCases').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateCase(tx: Db, dealerId: string, id: string, set: CaseSet): Promise<void> {
  await tx.updateTable('dissatisfactionCases').set(set).where('dealerId', '=', dealerId).where('id', '=', id).execute();
}

/** The case row, locked for the rest of the transaction (steps and timers never race). */
export async function lockCase(tx: Db, dealerId: string, id: string) {
  return tx
    .selectFrom('dissatisfactionCases')
    .selectAll()
    .where('dealerId', '=', dealerId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** The substitute agent of a second callback (C39): the assignee of the loop's SECOND_CALLBACK task. */
const callbackAgent = (v: Viewer) =>
  sql<SqlBool>`exists (select 1 from callback_tasks t where t.dealer_id = c.dealer_id
    and t.id = c.second_callback_task_id and t.assigned_user_id = ${v.userId})`;

const visible = (v: Viewer): Expression<SqlBool> =>
  v.seeAll
    ? sql<SqlBool>`true`
    : sql<SqlBool>`(c.filled_by = ${v.userId} or c.handler_user_id = ${v.userId}
        or c.recipient_roles && ${sql.val(v.roles)}::text[] or ${callbackAgent(v)})`;

const SUMMARY = sql`c.id, c.dealer_id, c.form_no, c.channel, c.path, c.status, c.severity, c.department, c.problem,
  c.loop, c.current_step, c.current_due_at, c.escalation_level, c.created_at, c.closed_at, c.filled_by,
  cu.name as customer_name, v.plate, v.vin, uf.display_name as filled_by_name,
  (select t.assigned_user_id from callback_tasks t where t.dealer_id = c.dealer_id
     and t.id = c.second_callback_task_id) as callback_agent_id`;
const JOINS = sql`from dissatisfaction_cases c
  left join customers cu on cu.dealer_id = c.dealer_id and cu.id = c.customer_id
  left join vehicles v on v.dealer_id = c.dealer_id and v.id = c.vehicle_id
  left join users uf on uf.id = c.filled_by`;

export interface SummaryRow {
  id: string;
  dealerId: string;
  formNo: string;
  channel: string;
  path: string;
  status: string;
  severity: string;
  department: string;
  problem: string;
  loop: number;
  currentStep: string | null;
  currentDueAt: Date | null;
  escalationLevel: number;
  createdAt: Date;
  closedAt: Date | null;
  filledBy: string;
  customerName: string | null;
  plate: string | null;
  vin: string | null;
  filledByName: string | null;
  callbackAgentId: string | null;
}

export async function findCase(db: Db, dealerIds: string[], id: string, v: Viewer) {
  if (!dealerIds.length) return undefined;
  const r = await sql<SummaryRow & { handlerName: string | null }>`
    select ${SUMMARY}, uh.display_name as handler_name ${JOINS}
    left join users uh on uh.id = c.handler_user_id
    where c.dealer_id in (${sql.join(dealerIds)}) and c.id = ${id} and ${visible(v)}`.execute(db);
  return r.rows[0];
}

export type Filter = 'mine' | 'overdue' | 'second_callback' | 'escalated' | 'all';

/** The filters of the lists per role (待我处理 / 已超期 / 待我二次回访 / escalated / 全部). */
function filterSql(filter: Filter, v: Viewer, now: Date): Expression<SqlBool> {
  const mineAsHandler = sql`(c.handler_user_id = ${v.userId} or c.recipient_roles && ${sql.val(v.roles)}::text[])`;
  switch (filter) {
    case 'mine':
      return sql<SqlBool>`((c.status in ('awaiting_reply', 'replied') and ${mineAsHandler})
        or (c.status = 'open' and c.filled_by = ${v.userId}))`;
    case 'overdue':
      return sql<SqlBool>`(c.status <> 'closed' and c.current_due_at < ${now})`;
    case 'second_callback':
      return sql<SqlBool>`(c.status = 'awaiting_second_callback' and (c.filled_by = ${v.userId} or ${callbackAgent(v)}))`;
    case 'escalated':
      return sql<SqlBool>`(c.status <> 'closed' and (c.escalation_level > 0 or c.loop_escalated_at is not null))`;
    case 'all':
      return sql<SqlBool>`true`;
  }
}

export async function listCases(
  db: Db,
  dealerId: string,
  v: Viewer,
  q: { filter: Filter; status?: string | undefined; limit: number; offset: number; now: Date },
) {
  const where = sql`c.dealer_id = ${dealerId} and ${visible(v)} and ${filterSql(q.filter, v, q.now)}
    ${q.status ? sql`and c.status = ${q.status}` : sql``}`;
  const rows = await sql<SummaryRow>`
    select ${SUMMARY} ${JOINS} where ${where}
    order by (c.status = 'closed'), c.current_due_at nulls last, c.created_at desc
    limit ${q.limit} offset ${q.offset}`.execute(db);
  const total = await sql<{ n: number }>`select count(*)::int as n ${JOINS} where ${where}`.execute(db);
  return { rows: rows.rows, total: total.rows[0]?.n ?? 0 };
}

export async function countCases(db: Db, dealerId: string, v: Viewer, now: Date) {
  const n = (f: Filter) =>
    sql<{ n: number }>`select count(*)::int as n from dissatisfaction_cases c
      where c.dealer_id = ${dealerId} and ${visible(v)} and ${filterSql(f, v, now)}`
      .execute(db)
      .then((r) => r.rows[0]?.n ?? 0);
  return {
    mine: await n('mine'),
    overdue: await n('overdue'),
    secondCallback: await n('second_callback'),
    escalated: await n('escalated'),
  };
}

export async function insertEvent(
  tx: Db,
  e: {
    dealerId: string;
    caseId: string;
    at: Date;
    kind: string;
    loop: number;
    step?: string | null;
    actorUserId?: string | null;
    actorName?: string | null;
    note?: string;
    details?: Record<string, unknown>;
  },
) {
  await sql`
    insert into case_events (dealer_id, case_id, seq, at, kind, loop, step, actor_user_id, actor_name, note, details)
    select ${e.dealerId}, ${e.caseId}, coalesce(max(seq), 0) + 1, ${e.at}, ${e.kind}, ${e.loop}, ${e.step ?? null},
      ${e.actorUserId ?? null}, ${e.actorName ?? null}, ${e.note ?? ''}, ${JSON.stringify(e.details ?? {})}::jsonb
    from case_events where dealer_id = ${e.dealerId} and case_id = ${e.caseId}`.execute(tx);
}

export async function findEvents(db: Db, dealerId: string, caseId: string) {
  return (
    db
      .selectFrom('caseEvents')
      // details as text: the CamelCasePlugin would rewrite the keys inside jsonb
      .select(['seq', 'at', 'kind', 'loop', 'step', 'actorName', 'note', sql<string>`details::text`.as('detailsJson')])
      .where('dealerId', '=', dealerId)
      .where('caseId', '=', caseId)
      .orderBy('seq')
      .execute()
  );
}

export async function findCaseRow(db: Db, dealerId: string, id: string) {
  return db
    .selectFrom('dissatisfactionCases')
    .selectAll()
    .where('dealerId', '=', dealerId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Who makes the loop's second callback: the assignee of its SECOND_CALLBACK task (the agent, or a substitute). */
export async function findCallbackAgent(db: Db, dealerId: string, taskId: string | null) {
  if (!taskId) return null;
  const r = await db
    .selectFrom('callbackTasks')
    .select('assignedUserId')
    .where('dealerId', '=', dealerId)
    .where('id', '=', taskId)
    .executeTakeFirst();
  return r?.assignedUserId ?? null;
}

export async function reassignCallbackTask(tx: Db, dealerId: string, taskId: string, userId: string) {
  await tx
    .updateTable('callbackTasks')
    .set({ assignedUserId: userId, leaseUserId: null, leaseExpiresAt: null })
    .where('dealerId', '=', dealerId)
    .where('id', '=', taskId)
    .execute();
}
