import { sql } from 'kysely';
import type { Db } from '../../db/client';

/** Active users of the dealer with one of `roles`, plus the named users; each with a staff e-mail if any. */
export async function findRecipients(db: Db, dealerId: string, userIds: readonly string[], roles: readonly string[]) {
  if (!userIds.length && !roles.length) return [];
  return db
    .selectFrom('users as u')
    .leftJoin('staff as s', (j) => j.onRef('s.userId', '=', 'u.id').on('s.dealerId', '=', dealerId))
    .select(['u.id', 'u.roles', 's.email'])
    .where('u.disabledAt', 'is', null)
    .where((eb) =>
      eb.or([
        // Named users must belong to the dealer (or span dealers: group / region users).
        ...(userIds.length
          ? [
              eb.and([
                eb('u.id', 'in', [...userIds]),
                eb.or([eb('u.dealerId', '=', dealerId), eb('u.dealerId', 'is', null)]),
              ]),
            ]
          : []),
        ...(roles.length
          ? [eb.and([eb('u.dealerId', '=', dealerId), sql<boolean>`u.roles && ${sql.val([...roles])}::text[]`])]
          : []),
      ]),
    )
    .execute();
}

export function findPreferenceRows(db: Db, dealerId: string, userIds: readonly string[]) {
  return db
    .selectFrom('notificationPreferences')
    .select(['userId', 'role', 'event', 'inbox', 'email', 'wecom'])
    .where('dealerId', '=', dealerId)
    .where((eb) => eb.or([eb('role', 'is not', null), ...(userIds.length ? [eb('userId', 'in', [...userIds])] : [])]))
    .execute();
}

export type InboxRow = { userId: string; event: string; title: string; body: string; link: string | null };

export async function insertNotifications(db: Db, dealerId: string, dedupeKey: string, rows: InboxRow[]) {
  if (!rows.length) return;
  await db
    .insertInto('notifications')
    .values(rows.map((r) => ({ dealerId, dedupeKey, ...r })))
    .onConflict((oc) => oc.columns(['dealerId', 'userId', 'dedupeKey']).doNothing())
    .execute();
}

export async function findInbox(
  db: Db,
  userId: string,
  dealerIds: readonly string[],
  f: { unreadOnly: boolean; limit: number; offset: number },
) {
  if (!dealerIds.length) return { rows: [], total: 0, unread: 0 };
  const base = db
    .selectFrom('notifications')
    .where('userId', '=', userId)
    .where('dealerId', 'in', [...dealerIds]);
  const listed = f.unreadOnly ? base.where('readAt', 'is', null) : base;
  const [rows, counts] = await Promise.all([
    listed
      .select(['id', 'event', 'title', 'body', 'link', 'createdAt', 'readAt'])
      .orderBy('createdAt', 'desc')
      .orderBy('id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base
      .select((eb) => [
        eb.fn.countAll<number>().as('total'),
        eb.fn.count<number>('id').filterWhere('readAt', 'is', null).as('unread'),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  const total = f.unreadOnly ? Number(counts.unread) : Number(counts.total);
  return { rows, total, unread: Number(counts.unread) };
}

export async function markRead(db: Db, userId: string, dealerIds: readonly string[], id: string) {
  if (!dealerIds.length) return false;
  const r = await db
    .updateTable('notifications')
    .set({ readAt: sql`coalesce(read_at, now())` })
    .where('id', '=', id)
    .where('userId', '=', userId)
    .where('dealerId', 'in', [...dealerIds])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function markAllRead(db: Db, userId: string, dealerIds: readonly string[]) {
  if (!dealerIds.length) return 0;
  const r = await db
    .updateTable('notifications')
    .set({ readAt: sql`now()` })
    .where('userId', '=', userId)
    .where('dealerId', 'in', [...dealerIds])
    .where('readAt', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function replaceUserPreferences(
  db: Db,
  dealerId: string,
  userId: string,
  rows: { event: string; inbox: boolean; email: boolean; wecom: boolean }[],
) {
  await db
    .deleteFrom('notificationPreferences')
    .where('dealerId', '=', dealerId)
    .where('userId', '=', userId)
    .execute();
  if (rows.length)
    await db
      .insertInto('notificationPreferences')
      .values(rows.map((r) => ({ dealerId, userId, updatedBy: userId, ...r })))
      .execute();
}

export async function replaceRolePreferences(
  db: Db,
  dealerId: string,
  updatedBy: string,
  rows: { role: string; event: string; inbox: boolean; email: boolean; wecom: boolean }[],
) {
  await db
    .deleteFrom('notificationPreferences')
    .where('dealerId', '=', dealerId)
    .where('role', 'is not', null)
    .execute();
  if (rows.length)
    await db
      .insertInto('notificationPreferences')
      .values(rows.map((r) => ({ dealerId, updatedBy, ...r })))
      .execute();
}

export async function findUserEmail(db: Db, dealerId: string, userId: string) {
  const r = await db
    .selectFrom('staff')
    .select('email')
    .where('dealerId', '=', dealerId)
    .where('userId', '=', userId)
    .where('email', 'is not', null)
    .executeTakeFirst();
  return r?.email ?? null;
}
