import type { Updateable } from 'kysely';
import type { Db } from '../../db/client';
import type { DB } from '../../db/tables';

export interface ForumFilter {
  id?: string;
  status?: string | undefined;
  sentiment?: string | undefined;
  site?: string | undefined;
}

export function findItems(db: Db, dealerId: string, f: ForumFilter) {
  let q = db
    .selectFrom('forumItems as i')
    .leftJoin('staff as s', (j) => j.onRef('s.dealerId', '=', 'i.dealerId').onRef('s.id', '=', 'i.forwardedToStaffId'))
    .leftJoin('users as u', 'u.id', 'i.createdBy')
    .selectAll('i')
    .select(['s.name as forwardedToName', 'u.displayName as createdByName'])
    .where('i.dealerId', '=', dealerId);
  if (f.id) q = q.where('i.id', '=', f.id);
  if (f.status) q = q.where('i.status', '=', f.status);
  if (f.sentiment) q = q.where('i.sentiment', '=', f.sentiment);
  if (f.site) q = q.where('i.site', '=', f.site);
  return q.orderBy('i.foundAt', 'desc').limit(500).execute();
}
export type ForumRow = Awaited<ReturnType<typeof findItems>>[number];

export function insertItem(
  db: Db,
  row: {
    dealerId: string;
    site: string;
    url: string;
    title: string;
    excerpt: string;
    foundAt: Date;
    sentiment: string;
    importance: string;
    createdBy: string;
  },
) {
  return db.insertInto('forumItems').values(row).returning('id').executeTakeFirstOrThrow();
}

export function updateItem(db: Db, dealerId: string, id: string, set: Updateable<DB['forumItems']>) {
  return db.updateTable('forumItems').set(set).where('dealerId', '=', dealerId).where('id', '=', id).executeTakeFirst();
}
