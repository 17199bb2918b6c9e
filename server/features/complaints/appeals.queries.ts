import type { Updateable } from 'kysely';
import type { Db } from '../../db/client';
import type { DB } from '../../db/tables';

export interface AppealFilter {
  id?: string;
  complaintId?: string;
  staffId?: string;
  status?: string | undefined;
}

export function findAppeals(db: Db, dealerId: string, f: AppealFilter) {
  let q = db
    .selectFrom('appeals as a')
    .innerJoin('complaints as c', (j) => j.onRef('c.dealerId', '=', 'a.dealerId').onRef('c.id', '=', 'a.complaintId'))
    .innerJoin('staff as s', (j) => j.onRef('s.dealerId', '=', 'a.dealerId').onRef('s.id', '=', 'a.staffId'))
    .innerJoin('users as au', 'au.id', 'a.appellantUserId')
    .leftJoin('users as fu', 'fu.id', 'a.forwardedBy')
    .leftJoin('users as ru', 'ru.id', 'a.ruledBy')
    .selectAll('a')
    .select([
      'c.description as complaintDescription',
      'c.level as complaintLevel',
      's.name as staffName',
      's.department as staffDepartment',
      's.position as staffPosition',
      'au.displayName as appellantName',
      'fu.displayName as forwardedByName',
      'ru.displayName as ruledByName',
    ])
    .where('a.dealerId', '=', dealerId);
  if (f.id) q = q.where('a.id', '=', f.id);
  if (f.complaintId) q = q.where('a.complaintId', '=', f.complaintId);
  if (f.staffId) q = q.where('a.staffId', '=', f.staffId);
  if (f.status) q = q.where('a.status', '=', f.status);
  return q.orderBy('a.submittedAt', 'desc').limit(500).execute();
}
export type AppealRow = Awaited<ReturnType<typeof findAppeals>>[number];

export function insertAppeal(
  db: Db,
  row: {
    dealerId: string;
    complaintId: string;
    staffId: string;
    appellantUserId: string;
    reason: string;
    complaintStatusBefore: string;
  },
) {
  return db.insertInto('appeals').values(row).returning('id').executeTakeFirstOrThrow();
}

export function updateAppeal(db: Db, dealerId: string, id: string, fromStatus: string, set: Updateable<DB['appeals']>) {
  return db
    .updateTable('appeals')
    .set(set)
    .where('dealerId', '=', dealerId)
    .where('id', '=', id)
    .where('status', '=', fromStatus)
    .executeTakeFirst();
}
