import type { Db } from '../../db/client';

const dealerColumns = [
  'd.id',
  'd.code',
  'd.name',
  'd.regionId',
  'r.name as regionName',
  'r.groupId',
  'g.name as groupName',
  'd.timeZone',
  'd.businessHours',
] as const;

function dealersQuery(db: Db) {
  return db
    .selectFrom('dealers as d')
    .innerJoin('regions as r', 'r.id', 'd.regionId')
    .innerJoin('dealerGroups as g', 'g.id', 'r.groupId')
    .select(dealerColumns);
}

/** Dealers covered by a user's scope, ordered by code. */
export function findDealersInScope(db: Db, scope: { kind: 'dealer' | 'region' | 'group'; id: string }) {
  const q = dealersQuery(db);
  const scoped =
    scope.kind === 'dealer'
      ? q.where('d.id', '=', scope.id)
      : scope.kind === 'region'
        ? q.where('d.regionId', '=', scope.id)
        : q.where('r.groupId', '=', scope.id);
  return scoped.orderBy('d.code').execute();
}

export function findDealerIn(db: Db, id: string, dealerIds: readonly string[]) {
  if (!dealerIds.includes(id)) return Promise.resolve(undefined);
  return dealersQuery(db).where('d.id', '=', id).executeTakeFirst();
}

export async function findScopeName(db: Db, scope: { kind: 'dealer' | 'region' | 'group'; id: string }) {
  const table = scope.kind === 'dealer' ? 'dealers' : scope.kind === 'region' ? 'regions' : 'dealerGroups';
  const row = await db.selectFrom(table).select('name').where('id', '=', scope.id).executeTakeFirst();
  return row?.name ?? '';
}

export function findStaffPage(
  db: Db,
  dealerId: string,
  f: { department?: string | undefined; q?: string | undefined; limit: number; offset: number },
) {
  let q = db.selectFrom('staff').where('dealerId', '=', dealerId);
  if (f.department) q = q.where('department', '=', f.department);
  if (f.q) q = q.where('name', 'like', `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return Promise.all([
    q.selectAll().orderBy('department').orderBy('name').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
}

export function findStaffIn(db: Db, id: string, dealerIds: readonly string[]) {
  if (dealerIds.length === 0) return Promise.resolve(undefined);
  return db.selectFrom('staff').selectAll().where('id', '=', id).where('dealerId', 'in', dealerIds).executeTakeFirst();
}

export function insertStaff(
  db: Db,
  row: {
    dealerId: string;
    name: string;
    department: string;
    position: string;
    phone: string | null;
    email: string | null;
    userId?: string | null;
  },
) {
  return db.insertInto('staff').values(row).returningAll().executeTakeFirstOrThrow();
}
