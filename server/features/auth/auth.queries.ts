import { sql } from 'kysely';
import type { Db } from '../../db/client';

export function findUserByUsername(db: Db, username: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where(sql<string>`lower(username)`, '=', username.toLowerCase())
    .executeTakeFirst();
}

export function findUserById(db: Db, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertSession(
  db: Db,
  s: {
    tokenHash: string;
    userId: string;
    csrfToken: string;
    currentDealerId: string | null;
    expiresAt: Date;
    ip: string;
    userAgent: string | null;
  },
) {
  return db.insertInto('sessions').values(s).execute();
}

/** The user data a session carries (kept in step with `users` by triggers, migration 0002). */
export interface UserSnapshot {
  username: string;
  displayName: string;
  roles: string[];
  dealerId: string | null;
  regionId: string | null;
  groupId: string | null;
  mustChangePassword: boolean;
  locale: string;
}

export interface SessionWithUser {
  csrfToken: string;
  currentDealerId: string | null;
  lastSeenAt: Date;
  expiresAt: Date;
  userId: string;
  userSnapshot: UserSnapshot;
}

/**
 * Runs on every authenticated request: one row by primary key, written as plain SQL (no per-request
 * query building); see bench/api.bench.ts and docs/decisions/0002.
 */
export async function findSessionWithUser(db: Db, tokenHash: string): Promise<SessionWithUser | undefined> {
  const r = await sql<SessionWithUser>`
    select csrf_token, current_dealer_id, last_seen_at, expires_at, user_id, user_snapshot
    from sessions where token_hash = ${tokenHash}`.execute(db);
  return r.rows[0];
}

export function touchSession(db: Db, tokenHash: string, at: Date) {
  return db.updateTable('sessions').set({ lastSeenAt: at }).where('tokenHash', '=', tokenHash).execute();
}

export function setSessionDealer(db: Db, tokenHash: string, dealerId: string) {
  return db.updateTable('sessions').set({ currentDealerId: dealerId }).where('tokenHash', '=', tokenHash).execute();
}

export function deleteSession(db: Db, tokenHash: string) {
  return db.deleteFrom('sessions').where('tokenHash', '=', tokenHash).execute();
}

export function deleteUserSessions(db: Db, userId: string, exceptTokenHash?: string) {
  let q = db.deleteFrom('sessions').where('userId', '=', userId);
  if (exceptTokenHash) q = q.where('tokenHash', '!=', exceptTokenHash);
  return q.execute();
}

export function deleteExpiredSessions(db: Db, now: Date, idleCutoff: Date) {
  return db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expiresAt', '<=', now), eb('lastSeenAt', '<=', idleCutoff)]))
    .execute();
}

export function findThrottle(db: Db, key: string) {
  return db.selectFrom('loginThrottle').selectAll().where('key', '=', key).executeTakeFirst();
}

export function saveThrottle(
  db: Db,
  row: { key: string; failures: number; windowStartedAt: Date; lockedUntil: Date | null },
) {
  return db
    .insertInto('loginThrottle')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({ failures: row.failures, windowStartedAt: row.windowStartedAt, lockedUntil: row.lockedUntil }),
    )
    .execute();
}

export function clearThrottle(db: Db, key: string) {
  return db.deleteFrom('loginThrottle').where('key', '=', key).execute();
}

export function recordLogin(db: Db, userId: string, at: Date) {
  return db.updateTable('users').set({ lastLoginAt: at }).where('id', '=', userId).execute();
}

export function updatePassword(db: Db, userId: string, passwordHash: string, mustChange: boolean) {
  return db
    .updateTable('users')
    .set({ passwordHash, mustChangePassword: mustChange, passwordChangedAt: new Date() })
    .where('id', '=', userId)
    .execute();
}

export function updateLocale(db: Db, userId: string, locale: string) {
  return db.updateTable('users').set({ locale }).where('id', '=', userId).execute();
}
