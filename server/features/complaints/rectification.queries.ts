import type { Updateable } from 'kysely';
import type { Db } from '../../db/client';
import type { DB } from '../../db/tables';

export interface NoticeFilter {
  id?: string;
  complaintId?: string;
  status?: string | undefined;
}

export function findNotices(db: Db, dealerId: string, f: NoticeFilter) {
  let q = db
    .selectFrom('rectificationNotices as n')
    .innerJoin('complaints as c', (j) => j.onRef('c.dealerId', '=', 'n.dealerId').onRef('c.id', '=', 'n.complaintId'))
    .leftJoin('users as u', 'u.id', 'n.issuedBy')
    .selectAll('n')
    .select([
      'c.description as complaintDescription',
      'c.department as complaintDepartment',
      'u.displayName as issuedByName',
    ])
    .where('n.dealerId', '=', dealerId);
  if (f.id) q = q.where('n.id', '=', f.id);
  if (f.complaintId) q = q.where('n.complaintId', '=', f.complaintId);
  if (f.status) q = q.where('n.status', '=', f.status);
  return q.orderBy('n.issuedAt', 'desc').limit(500).execute();
}
export type NoticeRow = Awaited<ReturnType<typeof findNotices>>[number];

export function insertNotice(
  db: Db,
  row: {
    dealerId: string;
    complaintId: string;
    responsible: string;
    relatedLeaders: string;
    requirements: string;
    disciplinaryAction: string | null;
    majorLoss: boolean;
    deductPerformancePay: boolean;
    dueAt: Date | null;
    issuedBy: string;
  },
) {
  return db.insertInto('rectificationNotices').values(row).returning('id').executeTakeFirstOrThrow();
}

export function updateNotice(
  db: Db,
  dealerId: string,
  id: string,
  fromStatuses: readonly string[],
  set: Updateable<DB['rectificationNotices']>,
) {
  return db
    .updateTable('rectificationNotices')
    .set(set)
    .where('dealerId', '=', dealerId)
    .where('id', '=', id)
    .where('status', 'in', fromStatuses)
    .executeTakeFirst();
}
