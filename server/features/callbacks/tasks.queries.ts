import { sql, type Insertable, type RawBuilder } from 'kysely';
import type { Db } from '../../db/client';
import type { CallbackTasks } from '../../db/tables';

/** Callback tasks, attempts and customer blocks: reads with their context, and state changes. */

export interface TaskContextRow {
  id: string;
  dealerId: string;
  type: string;
  status: string;
  reason: string | null;
  priority: number;
  sourceKind: string;
  sourceId: string;
  customerId: string | null;
  vehicleId: string | null;
  anchorKind: string;
  anchorDate: string;
  dueStart: string;
  dueEnd: string;
  questionnaireCode: string | null;
  assignedUserId: string | null;
  assignedName: string | null;
  appointmentAt: Date | null;
  attemptCount: number;
  failedAttempts: number;
  nextAttemptAt: Date | null;
  leaseUserId: string | null;
  leaseName: string | null;
  leaseExpiresAt: Date | null;
  respondentEligible: boolean | null;
  consent: boolean | null;
  contactPhone: string | null;
  responseId: string | null;
  note: string;
  createdAt: Date;
  customerName: string | null;
  serviceCallbacksAllowed: boolean | null;
  vin: string | null;
  plate: string | null;
  model: string | null;
  sourceNumber: string | null;
  sourceDate: string | null;
  staffName: string | null;
  sourceDetail: string | null;
  versionId: string | null;
  phones: { id: string; phone: string; kind: 'mobile' | 'landline'; isPrimary: boolean }[];
  attempts: {
    id: string;
    at: string;
    agentName: string | null;
    outcome: string;
    phoneKind: 'mobile' | 'landline' | null;
    note: string;
    appointmentAt: string | null;
  }[];
}

/**
 * The context of the task rows produced by `source` (a subquery or a CTE name, aliased t): customer,
 * vehicle, order, phones, attempts and the published questionnaire version — one statement.
 */
export const contextSelect = (source: RawBuilder<unknown>) => sql`
    select t.*, c.name as customer_name, c.service_callbacks_allowed, v.vin, v.plate, v.model,
      ua.display_name as assigned_name, ul.display_name as lease_name,
      coalesce(ro.ro_number, s.vin) as source_number,
      coalesce(ro.settled_on, s.sale_date)::text as source_date,
      coalesce(ro.advisor_name, s.consultant_name) as staff_name,
      coalesce(ro.repair_type, s.sale_type) as source_detail,
      (select qv.id from questionnaire_templates qt
         join questionnaire_versions qv on qv.dealer_id = qt.dealer_id and qv.template_id = qt.id and qv.status = 'published'
       where qt.dealer_id = t.dealer_id and qt.code = t.questionnaire_code limit 1) as version_id,
      (select coalesce(json_agg(json_build_object('id', p.id, 'phone', p.phone, 'kind', p.kind, 'isPrimary', p.is_primary)
                order by p.is_primary desc, p.created_at), '[]')
       from customer_phones p where p.dealer_id = t.dealer_id and p.customer_id = t.customer_id) as phones,
      (select coalesce(json_agg(json_build_object('id', a.id, 'at', a.attempted_at, 'agentName', u.display_name,
                'outcome', a.outcome, 'phoneKind', a.phone_kind, 'note', a.note, 'appointmentAt', a.appointment_at)
                order by a.attempted_at), '[]')
       from call_attempts a left join users u on u.id = a.agent_user_id
       where a.dealer_id = t.dealer_id and a.task_id = t.id) as attempts
    from ${source} t
      -- LATERAL … LIMIT 1 lookups keep the join order fixed: planning a free 7-way join costs more than
      -- running it (tens of ms on embedded PGlite, which plans every statement afresh)
      left join lateral (select name, service_callbacks_allowed from customers c
        where c.dealer_id = t.dealer_id and c.id = t.customer_id limit 1) c on true
      left join lateral (select vin, plate, model from vehicles v
        where v.dealer_id = t.dealer_id and v.id = t.vehicle_id limit 1) v on true
      left join lateral (select ro_number, settled_on, advisor_name, repair_type from repair_orders ro
        where t.source_kind = 'repair_order' and ro.dealer_id = t.dealer_id and ro.id = t.source_id limit 1) ro on true
      left join lateral (select vin, sale_date, consultant_name, sale_type from sales s
        where t.source_kind = 'sale' and s.dealer_id = t.dealer_id and s.id = t.source_id limit 1) s on true
      left join lateral (select display_name from users ua where ua.id = t.assigned_user_id limit 1) ua on true
      left join lateral (select display_name from users ul where ul.id = t.lease_user_id limit 1) ul on true`;

/** A task with its context (see contextSelect). */
export async function findTaskContext(db: Db, dealerIds: string[], id: string): Promise<TaskContextRow | undefined> {
  if (!dealerIds.length) return undefined;
  const one = sql`(select * from callback_tasks where dealer_id in (${sql.join(dealerIds)}) and id = ${id})`;
  return (await sql<TaskContextRow>`${contextSelect(one)}`.execute(db)).rows[0];
}

/** The task row, locked for the rest of the transaction. */
export async function lockTask(db: Db, dealerIds: string[], id: string) {
  if (!dealerIds.length) return undefined;
  return db
    .selectFrom('callbackTasks')
    .selectAll()
    .where('dealerId', 'in', dealerIds)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}
export type TaskRow = NonNullable<Awaited<ReturnType<typeof lockTask>>>;

export async function updateTask(
  db: Db,
  dealerId: string,
  id: string,
  set: Partial<{
    status: string;
    reason: string | null;
    priority: number;
    attemptCount: number;
    failedAttempts: number;
    nextAttemptAt: Date | null;
    lastAttemptAt: Date | null;
    lastOutcome: string | null;
    appointmentAt: Date | null;
    assignedUserId: string | null;
    leaseUserId: string | null;
    leaseExpiresAt: Date | null;
    respondentEligible: boolean | null;
    consent: boolean | null;
    contactPhone: string | null;
    responseId: string | null;
    closedAt: Date | null;
  }>,
) {
  await db.updateTable('callbackTasks').set(set).where('dealerId', '=', dealerId).where('id', '=', id).execute();
}

export async function insertAttempt(
  db: Db,
  row: {
    dealerId: string;
    taskId: string;
    customerId: string | null;
    agentUserId: string;
    outcome: string;
    phoneId: string | null;
    phoneKind: string | null;
    note: string;
    appointmentAt: Date | null;
    responseId: string | null;
    /** Defaults to the database's now(); set only when entering a call made earlier (demo seed). */
    attemptedAt?: Date;
  },
) {
  return (await db.insertInto('callAttempts').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertTasks(db: Db, rows: Insertable<CallbackTasks>[]): Promise<number> {
  let n = 0;
  for (let i = 0; i < rows.length; i += 1000) {
    const r = await db
      .insertInto('callbackTasks')
      .values(rows.slice(i, i + 1000))
      .onConflict((oc) => oc.columns(['dealerId', 'type', 'sourceKind', 'sourceId']).doNothing())
      .executeTakeFirst();
    n += Number(r.numInsertedOrUpdatedRows ?? 0);
  }
  return n;
}

export async function findTaskByKey(db: Db, dealerId: string, type: string, sourceKind: string, sourceId: string) {
  return db
    .selectFrom('callbackTasks')
    .select('id')
    .where('dealerId', '=', dealerId)
    .where('type', '=', type)
    .where('sourceKind', '=', sourceKind)
    .where('sourceId', '=', sourceId)
    .executeTakeFirst();
}

export async function insertBlock(
  db: Db,
  row: { dealerId: string; customerId: string; reason: string; taskId: string | null; note: string; createdBy: string },
) {
  await db
    .insertInto('callbackBlocks')
    .values(row)
    .onConflict((oc) => oc.columns(['dealerId', 'customerId']).doNothing())
    .execute();
}

/** Open tasks of customers who refused or opted out become EXCLUDED (at most one scheduler cycle late). */
export async function excludeBlocked(db: Db, dealerId: string): Promise<number> {
  const r = await sql`
    update callback_tasks t
      set status = 'EXCLUDED', lease_user_id = null, lease_expires_at = null, closed_at = now(),
          reason = case when exists (select 1 from callback_blocks b where b.dealer_id = t.dealer_id
                                     and b.customer_id = t.customer_id and b.reason = 'refused')
                        then 'refused_before' else 'opted_out' end
    where t.dealer_id = ${dealerId} and t.status in ('PENDING', 'APPOINTMENT', 'CONTACT_INVALID')
      and t.customer_id is not null
      and (exists (select 1 from callback_blocks b where b.dealer_id = t.dealer_id and b.customer_id = t.customer_id)
        or exists (select 1 from customers c where c.dealer_id = t.dealer_id and c.id = t.customer_id
                   and not c.service_callbacks_allowed))`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

/** Makes the response inserted next in this transaction carry the task id (survey_responses.task_id default). */
export async function linkNextResponse(db: Db, taskId: string) {
  await sql`select set_config('manyi.task_id', ${taskId}, true)`.execute(db);
}

export async function findResponseOfDealer(db: Db, dealerId: string, responseId: string) {
  return db
    .selectFrom('surveyResponses')
    .select(['id', 'taskId'])
    .where('dealerId', '=', dealerId)
    .where('id', '=', responseId)
    .executeTakeFirst();
}

export async function findPhone(db: Db, dealerId: string, customerId: string | null, phoneId: string) {
  if (!customerId) return undefined;
  return db
    .selectFrom('customerPhones')
    .select(['id', 'kind'])
    .where('dealerId', '=', dealerId)
    .where('customerId', '=', customerId)
    .where('id', '=', phoneId)
    .executeTakeFirst();
}

export async function findUserOfDealer(db: Db, dealerId: string, userId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'roles'])
    .where('id', '=', userId)
    .where('dealerId', '=', dealerId)
    .where('disabledAt', 'is', null)
    .executeTakeFirst();
}

/** The customer, whether they allow service callbacks, and whether they refused one (a block). */
export async function findCustomerOfDealer(db: Db, dealerId: string, customerId: string) {
  return db
    .selectFrom('customers as c')
    .leftJoin('callbackBlocks as b', (j) => j.onRef('b.dealerId', '=', 'c.dealerId').onRef('b.customerId', '=', 'c.id'))
    .select(['c.id', 'c.serviceCallbacksAllowed', 'b.reason as blockReason'])
    .where('c.dealerId', '=', dealerId)
    .where('c.id', '=', customerId)
    .executeTakeFirst();
}

/** The transaction a manual task follows up, with its customer and vehicle and date. */
export async function findSource(db: Db, dealerId: string, kind: 'repair_order' | 'sale', id: string) {
  if (kind === 'repair_order')
    return db
      .selectFrom('repairOrders')
      .select(['id', 'customerId', 'vehicleId', 'settledOn as date'])
      .where('dealerId', '=', dealerId)
      .where('id', '=', id)
      .executeTakeFirst();
  return db
    .selectFrom('sales')
    .select(['id', 'customerId', 'vehicleId', 'saleDate as date'])
    .where('dealerId', '=', dealerId)
    .where('id', '=', id)
    .executeTakeFirst();
}
