import type { Db } from '../../db/client';

export type UserVisibility = { kind: 'all' } | { kind: 'dealers'; dealerIds: readonly string[] };

const columns = [
  'id',
  'username',
  'displayName',
  'roles',
  'dealerId',
  'regionId',
  'groupId',
  'locale',
  'disabledAt',
  'mustChangePassword',
  'createdAt',
  'lastLoginAt',
] as const;

function visible(db: Db, v: UserVisibility) {
  const q = db.selectFrom('users');
  return v.kind === 'all'
    ? q
    : q.where('dealerId', 'in', v.dealerIds.length ? v.dealerIds : ['00000000-0000-0000-0000-000000000000']);
}

export function findUsersPage(db: Db, v: UserVisibility, limit: number, offset: number) {
  const q = visible(db, v);
  return Promise.all([
    q.select(columns).orderBy('username').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
}

export function findVisibleUser(db: Db, v: UserVisibility, id: string) {
  return visible(db, v).select(columns).where('id', '=', id).executeTakeFirst();
}

export function insertUser(
  db: Db,
  row: {
    username: string;
    displayName: string;
    passwordHash: string;
    roles: string[];
    dealerId: string | null;
    regionId: string | null;
    groupId: string | null;
    locale: string;
    mustChangePassword: boolean;
  },
) {
  return db.insertInto('users').values(row).returning(columns).executeTakeFirstOrThrow();
}

export function updateUser(
  db: Db,
  id: string,
  set: { displayName?: string; roles?: string[]; disabledAt?: Date | null; locale?: string },
) {
  return db.updateTable('users').set(set).where('id', '=', id).returning(columns).executeTakeFirstOrThrow();
}

export function usernameExists(db: Db, username: string) {
  return db
    .selectFrom('users')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
    .executeTakeFirst();
}

export function regionExists(db: Db, id: string) {
  return db.selectFrom('regions').select('id').where('id', '=', id).executeTakeFirst();
}
export function groupExists(db: Db, id: string) {
  return db.selectFrom('dealerGroups').select('id').where('id', '=', id).executeTakeFirst();
}
