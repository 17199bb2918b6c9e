import { CompiledQuery, sql } from 'kysely';
import { rawHandleOf, type Db } from '../../db/client';
import type { TaskContextRow } from './tasks.queries';

/**
 * The agents' queue: claim with FOR UPDATE SKIP LOCKED, leases, release and reassignment. The claim
 * order is compareUrgency in core/rules/callback-rules.ts (priority, window end, anchor, id).
 */

export interface ClaimParams {
  dealerId: string;
  userId: string;
  /** The dealer's local date: tasks whose window has not started yet are not offered. */
  today: string;
  leaseMinutes: number;
  /** Per-customer attempt cap: at most `capAttempts` attempts since `capSince`. */
  capAttempts: number;
  capSince: Date;
}

/**
 * Releases whatever the agent holds (pressing "next" again skips the current task) and leases the most
 * urgent due task that nobody holds, that is not another agent's appointment or assignment, and whose
 * customer is neither blocked nor opted out nor over the attempt cap, and returns it with its context.
 * One statement, one round trip: the claim and the context are the PL/pgSQL functions of migration 0017
 * (manyi_queue_claim, manyi_task_context; their plans are kept per connection, decision 0015). A
 * data-modifying CTE always runs: the release uses SKIP LOCKED too, so a row another claim has just
 * locked is left leased (released next time or expired), no claim waits for another, none deadlocks.
 */
export async function claimNext(db: Db, p: ClaimParams): Promise<TaskContextRow | undefined> {
  const values = [p.dealerId, p.userId, p.today, p.leaseMinutes, p.capAttempts, p.capSince];
  const raw = rawHandleOf(db);
  // On a PostgreSQL server the statement is prepared once per connection (a named statement): the server
  // parses and plans the outer query once instead of on every press. Embedded PGlite has no named
  // statements through its API; it runs the same text through Kysely.
  const row =
    raw?.kind === 'postgres'
      ? (await raw.pool.query<{ row: string }>({ name: 'manyi_claim_next', text: CLAIM_SQL, values })).rows[0]?.row
      : (await db.executeQuery<{ row: string }>(CompiledQuery.raw(CLAIM_SQL, values))).rows[0]?.row;
  return row === undefined ? undefined : contextRowFromJson(row);
}

/**
 * The claim and its context as one JSON text: parsing it is a fraction of the driver's per-column work
 * (row description, a parser per column, dates, the key renaming) for the ~50 columns of a context row.
 */
const CLAIM_SQL = `
  select row_to_json(r)::text as row from (
    select t.*, x.* from manyi_queue_claim($1::uuid, $2::uuid, $3::date, $4::int, $5::int, $6::timestamptz) t
      cross join lateral manyi_task_context(t.dealer_id, t.id, t.customer_id, t.vehicle_id, t.source_kind,
        t.source_id, t.questionnaire_code, t.assigned_user_id, t.lease_user_id) x) r`;

const camelKeys = new Map<string, string>();
const camel = (key: string) => {
  let c = camelKeys.get(key);
  if (c === undefined) {
    c = key.replace(/_([a-z0-9])/g, (_, ch: string) => ch.toUpperCase());
    camelKeys.set(key, c);
  }
  return c;
};
/** The timestamp columns of a context row the callers read as Date (JSON carries them as ISO text). */
const TIMESTAMPS = new Set([
  'appointmentAt',
  'nextAttemptAt',
  'leaseExpiresAt',
  'lastAttemptAt',
  'closedAt',
  'createdAt',
  'updatedAt',
]);

/** A task context row written by row_to_json: keys to camelCase, timestamps to Date (as the driver gives). */
export function contextRowFromJson(text: string): TaskContextRow {
  const raw = JSON.parse(text) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key in raw) {
    const name = camel(key);
    const value = raw[key];
    out[name] = TIMESTAMPS.has(name) && typeof value === 'string' ? new Date(value) : value;
  }
  return out as unknown as TaskContextRow;
}

/** Drops the agent's lease on one task (or every lease of the agent when taskId is null). */
export async function releaseLease(db: Db, dealerId: string, userId: string, taskId: string | null) {
  let q = db
    .updateTable('callbackTasks')
    .set({ leaseUserId: null, leaseExpiresAt: null })
    .where('dealerId', '=', dealerId)
    .where('leaseUserId', '=', userId);
  if (taskId) q = q.where('id', '=', taskId);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Lead: give a task to one agent (only they get it from "next"), or back to everyone; any lease ends. */
export async function assignTask(db: Db, dealerId: string, taskId: string, userId: string | null) {
  const r = await db
    .updateTable('callbackTasks')
    .set({ assignedUserId: userId, leaseUserId: null, leaseExpiresAt: null })
    .where('dealerId', '=', dealerId)
    .where('id', '=', taskId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export interface QueueFilter {
  status?: string | undefined;
  type?: string | undefined;
  agent?: string | undefined;
  held?: boolean | undefined;
  overdue?: boolean | undefined;
  q?: string | undefined;
  today: string;
  limit: number;
  offset: number;
}

const QUEUE_COLUMNS = sql`
  t.id, t.type, t.status, t.reason, t.customer_id, c.name as customer_name, v.plate,
  coalesce(ro.ro_number, s.vin) as source_number, t.anchor_date, t.due_start, t.due_end, t.attempt_count,
  t.next_attempt_at, t.appointment_at, t.assigned_user_id, ua.display_name as assigned_name,
  case when t.lease_expires_at > now() then t.lease_user_id end as lease_user_id,
  case when t.lease_expires_at > now() then ul.display_name end as lease_name,
  case when t.lease_expires_at > now() then t.lease_expires_at end as lease_expires_at`;
const QUEUE_FROM = sql`
  from callback_tasks t
    left join customers c on c.dealer_id = t.dealer_id and c.id = t.customer_id
    left join vehicles v on v.dealer_id = t.dealer_id and v.id = t.vehicle_id
    left join repair_orders ro on t.source_kind = 'repair_order' and ro.dealer_id = t.dealer_id and ro.id = t.source_id
    left join sales s on t.source_kind = 'sale' and s.dealer_id = t.dealer_id and s.id = t.source_id
    left join users ua on ua.id = t.assigned_user_id
    left join users ul on ul.id = t.lease_user_id`;

export interface QueueRow {
  id: string;
  type: string;
  status: string;
  reason: string | null;
  customerId: string | null;
  customerName: string | null;
  plate: string | null;
  sourceNumber: string | null;
  anchorDate: string;
  dueStart: string;
  dueEnd: string;
  attemptCount: number;
  nextAttemptAt: Date | null;
  appointmentAt: Date | null;
  assignedUserId: string | null;
  assignedName: string | null;
  leaseUserId: string | null;
  leaseName: string | null;
  leaseExpiresAt: Date | null;
}

function queueWhere(dealerId: string, f: QueueFilter) {
  const parts = [sql`t.dealer_id = ${dealerId}`];
  parts.push(f.status ? sql`t.status = ${f.status}` : sql`t.status in ('PENDING', 'APPOINTMENT', 'CONTACT_INVALID')`);
  if (f.type) parts.push(sql`t.type = ${f.type}`);
  if (f.agent) parts.push(sql`(t.assigned_user_id = ${f.agent} or t.lease_user_id = ${f.agent})`);
  if (f.held === true) parts.push(sql`t.lease_expires_at > now()`);
  if (f.held === false) parts.push(sql`(t.lease_expires_at is null or t.lease_expires_at <= now())`);
  if (f.overdue === true) parts.push(sql`t.due_end < ${f.today}::date`);
  if (f.overdue === false) parts.push(sql`t.due_end >= ${f.today}::date`);
  if (f.q) parts.push(sql`(c.name like ${`${f.q}%`} or v.plate like ${`%${f.q}%`} or ro.ro_number = ${f.q})`);
  return sql.join(parts, sql` and `);
}

/** The lead's view of the whole queue, most urgent first. */
export async function findQueue(db: Db, dealerId: string, f: QueueFilter) {
  const where = queueWhere(dealerId, f);
  const [rows, total] = await Promise.all([
    sql<QueueRow>`select ${QUEUE_COLUMNS} ${QUEUE_FROM} where ${where}
      order by t.priority desc, t.due_end, t.anchor_date, t.id limit ${f.limit} offset ${f.offset}`.execute(db),
    sql<{ n: number }>`select count(*)::int as n ${QUEUE_FROM} where ${where}`.execute(db),
  ]);
  return { rows: rows.rows, total: total.rows[0]?.n ?? 0 };
}

export async function countByStatus(db: Db, dealerId: string) {
  const r = await db
    .selectFrom('callbackTasks')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('dealerId', '=', dealerId)
    .groupBy('status')
    .execute();
  return Object.fromEntries(r.map((x) => [x.status, Number(x.n)]));
}

/** Who is on what: every unexpired lease. */
export async function findHolders(db: Db, dealerId: string) {
  return db
    .selectFrom('callbackTasks as t')
    .innerJoin('users as u', 'u.id', 't.leaseUserId')
    .select(['t.leaseUserId as userId', 'u.displayName as name', 't.id as taskId', 't.leaseExpiresAt as expiresAt'])
    .where('t.dealerId', '=', dealerId)
    .where('t.leaseExpiresAt', '>', sql<Date>`now()`)
    .orderBy('u.displayName')
    .execute();
}

/** One agent's items: the task they hold and their appointments. */
export async function findAgentItems(db: Db, dealerId: string, userId: string) {
  const r = await sql<QueueRow & { held: boolean }>`
    select ${QUEUE_COLUMNS}, (t.lease_user_id = ${userId} and t.lease_expires_at > now()) as held ${QUEUE_FROM}
    where t.dealer_id = ${dealerId} and (
      (t.lease_user_id = ${userId} and t.lease_expires_at > now())
      or (t.status = 'APPOINTMENT' and t.assigned_user_id = ${userId}))
    order by t.appointment_at nulls first, t.id limit 200`.execute(db);
  return r.rows;
}

/** Today's counts of one agent's attempts by outcome (local day starting at `since`). */
export async function countAgentAttempts(db: Db, dealerId: string, userId: string, since: Date) {
  const r = await db
    .selectFrom('callAttempts')
    .select(['outcome', (eb) => eb.fn.countAll<number>().as('n')])
    .where('dealerId', '=', dealerId)
    .where('agentUserId', '=', userId)
    .where('attemptedAt', '>=', since)
    .groupBy('outcome')
    .execute();
  return Object.fromEntries(r.map((x) => [x.outcome, Number(x.n)])) as Record<string, number>;
}
