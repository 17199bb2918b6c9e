import { sql } from 'kysely';
import type { Db } from '../../db/client';

/** WeCom group robots and the outbound deliveries (e-mail, WeCom) of notifications. */

export function findRobots(db: Db, dealerId: string) {
  return db
    .selectFrom('wecomRobots')
    .select(['id', 'name', 'webhookUrlHint', 'events', 'active', 'createdAt'])
    .where('dealerId', '=', dealerId)
    .orderBy('name')
    .execute();
}

export function findRobotSecret(db: Db, dealerId: string, id: string) {
  return db
    .selectFrom('wecomRobots')
    .select(['id', 'name', 'webhookUrlEnc', 'active'])
    .where('dealerId', '=', dealerId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Active robots of the dealer that take `event` (an empty `events` list takes every kind). */
export function findRobotsFor(db: Db, dealerId: string, event: string) {
  return db
    .selectFrom('wecomRobots')
    .select(['id'])
    .where('dealerId', '=', dealerId)
    .where('active', '=', true)
    .where((eb) => eb.or([sql<boolean>`cardinality(events) = 0`, sql<boolean>`${event} = any(events)`]))
    .execute();
}

export function insertRobot(
  db: Db,
  r: {
    dealerId: string;
    name: string;
    webhookUrlEnc: string;
    webhookUrlHint: string;
    events: string[];
    createdBy: string;
  },
) {
  return db
    .insertInto('wecomRobots')
    .values(r)
    .onConflict((oc) => oc.columns(['dealerId', 'name']).doNothing())
    .returning('id')
    .executeTakeFirst();
}

export async function deleteRobot(db: Db, dealerId: string, id: string) {
  const r = await db.deleteFrom('wecomRobots').where('dealerId', '=', dealerId).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export type NewOutbound = {
  dealerId: string;
  channel: 'email' | 'wecom';
  idempotencyKey: string;
  recipient: string;
  robotId: string | null;
  subject: string;
  body: string;
};

/** Inserts a delivery; one with the same idempotency key already there is kept. Returns the new id or null. */
export async function insertOutbound(db: Db, m: NewOutbound): Promise<string | null> {
  const r = await db
    .insertInto('outboundMessages')
    .values(m)
    .onConflict((oc) => oc.columns(['dealerId', 'idempotencyKey']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return r?.id ?? null;
}

const CLAIMABLE = sql<boolean>`(status = 'pending' or (status = 'sending' and next_attempt_at < now()))`;
type Claimed = {
  id: string;
  recipient: string;
  subject: string;
  body: string;
  idempotencyKey: string;
  createdAt: Date;
};

/**
 * Takes deliveries for sending with a lease (status 'sending' until `leaseMs` from now). A delivery whose
 * sender died mid-way becomes claimable again when the lease runs out.
 */
export async function claimOutbound(
  db: Db,
  dealerId: string,
  where: { id: string } | { robotId: string },
  limit: number,
  leaseMs: number,
): Promise<Claimed[]> {
  const filter = 'id' in where ? sql`id = ${where.id}` : sql`channel = 'wecom' and robot_id = ${where.robotId}`;
  const r = await sql<Claimed>`
    update outbound_messages set status = 'sending', attempts = attempts + 1,
      next_attempt_at = now() + ${leaseMs} * interval '1 millisecond'
    where (dealer_id, id) in (
      select dealer_id, id from outbound_messages
      where dealer_id = ${dealerId} and ${filter} and ${CLAIMABLE}
      order by created_at, id limit ${limit}
      for update skip locked)
    returning id, recipient, subject, body, idempotency_key as "idempotencyKey", created_at as "createdAt"`.execute(db);
  return r.rows.sort((a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime());
}

export async function markOutbound(
  db: Db,
  dealerId: string,
  ids: string[],
  status: 'sent' | 'pending' | 'failed',
  response: string,
) {
  if (!ids.length) return;
  await db
    .updateTable('outboundMessages')
    .set({
      status,
      providerResponse: response.slice(0, 1000),
      ...(status === 'sent' ? { sentAt: sql`now()` } : { nextAttemptAt: sql`now()` }),
    })
    .where('dealerId', '=', dealerId)
    .where('id', 'in', ids)
    .where('status', '!=', 'sent')
    .execute();
}

export function findOutbound(db: Db, dealerId: string, id: string) {
  return db
    .selectFrom('outboundMessages')
    .select(['status', 'nextAttemptAt'])
    .where('dealerId', '=', dealerId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function countPending(db: Db, dealerId: string, robotId: string) {
  const r = await db
    .selectFrom('outboundMessages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('dealerId', '=', dealerId)
    .where('robotId', '=', robotId)
    .where('status', 'in', ['pending', 'sending'])
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Digests posted to a robot in the last minute (the messages of one digest share their `sent_at`). */
export async function countRecentPosts(db: Db, dealerId: string, robotId: string) {
  const r = await sql<{ n: number }>`
    select count(distinct sent_at)::int as n from outbound_messages
    where dealer_id = ${dealerId} and robot_id = ${robotId} and sent_at > now() - interval '1 minute'`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}
