import type { Updateable } from 'kysely';
import type { Db } from '../../db/client';
import type { DB } from '../../db/tables';

export interface HotlineFilter {
  id?: string;
  category?: string | undefined;
  line?: string | undefined;
  overdue?: boolean | undefined;
  q?: string | undefined;
}

export function findCalls(db: Db, dealerId: string, f: HotlineFilter) {
  let q = db
    .selectFrom('hotlineCalls as h')
    .leftJoin('users as u', 'u.id', 'h.operatorUserId')
    .selectAll('h')
    .select('u.displayName as operatorName')
    .where('h.dealerId', '=', dealerId);
  if (f.id) q = q.where('h.id', '=', f.id);
  if (f.category) q = q.where('h.category', '=', f.category);
  if (f.line) q = q.where('h.line', '=', f.line);
  if (f.overdue) q = q.where('h.repliedAt', 'is', null).where('h.promisedReplyAt', '<', new Date());
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) =>
      eb.or([eb('h.callerName', 'like', like), eb('h.content', 'like', like), eb('h.purpose', 'like', like)]),
    );
  }
  return q.orderBy('h.startedAt', 'desc').limit(500).execute();
}
export type CallRow = Awaited<ReturnType<typeof findCalls>>[number];

export function insertCall(
  db: Db,
  row: {
    dealerId: string;
    line: string;
    startedAt: Date;
    rings: number | null;
    afterHours: boolean;
    forwardedTo: string | null;
    callerName: string;
    callerPhone: string;
    customerId: string | null;
    purpose: string;
    category: string;
    content: string;
    promisedReplyAt: Date | null;
    operatorUserId: string;
  },
) {
  return db.insertInto('hotlineCalls').values(row).returning('id').executeTakeFirstOrThrow();
}

export function updateCall(db: Db, dealerId: string, id: string, set: Updateable<DB['hotlineCalls']>) {
  return db
    .updateTable('hotlineCalls')
    .set(set)
    .where('dealerId', '=', dealerId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Marks the promise broken once; false when it was already marked, replied or re-promised (a retried job). */
export async function markPromiseBroken(db: Db, dealerId: string, id: string, promisedAt: Date) {
  const r = await db
    .updateTable('hotlineCalls')
    .set({ kept: false, overdueNotifiedAt: new Date() })
    .where('dealerId', '=', dealerId)
    .where('id', '=', id)
    .where('repliedAt', 'is', null)
    .where('overdueNotifiedAt', 'is', null)
    .where('promisedReplyAt', '=', promisedAt)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
