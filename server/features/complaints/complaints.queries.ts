import { sql, type Updateable } from 'kysely';
import type { Db } from '../../db/client';
import type { DB } from '../../db/tables';

export interface ComplaintFilter {
  id?: string;
  ids?: readonly string[];
  status?: string | undefined;
  level?: string | undefined;
  source?: string | undefined;
  department?: string | undefined;
  overdue?: boolean | undefined;
  q?: string | undefined;
}

export function findComplaints(db: Db, dealerId: string, f: ComplaintFilter) {
  let q = db
    .selectFrom('complaints as c')
    .leftJoin('users as u', 'u.id', 'c.createdBy')
    .selectAll('c')
    .select('u.displayName as createdByName')
    .where('c.dealerId', '=', dealerId);
  if (f.id) q = q.where('c.id', '=', f.id);
  if (f.ids) q = f.ids.length ? q.where('c.id', 'in', f.ids) : q.where(sql<boolean>`false`);
  if (f.status) q = q.where('c.status', '=', f.status);
  if (f.level) q = q.where('c.level', '=', f.level);
  if (f.source) q = q.where('c.source', '=', f.source);
  if (f.department) q = q.where('c.department', '=', f.department);
  if (f.overdue) q = q.where('c.status', 'in', ['open', 'in_handling']).where('c.dueAt', '<', new Date());
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) => eb.or([eb('c.customerName', 'like', like), eb('c.description', 'like', like)]));
  }
  return q.orderBy('c.createdAt', 'desc').limit(500).execute();
}
export type ComplaintRow = Awaited<ReturnType<typeof findComplaints>>[number];

export function insertComplaint(
  db: Db,
  row: {
    dealerId: string;
    source: string;
    level: string;
    customerId: string | null;
    customerName: string;
    customerPhone: string | null;
    description: string;
    department: string | null;
    dueAt: Date;
    rectificationNeeded: boolean;
    responseId: string | null;
    caseId: string | null;
    createdBy: string;
  },
) {
  return db.insertInto('complaints').values(row).returning('id').executeTakeFirstOrThrow();
}

export function updateComplaint(
  db: Db,
  dealerId: string,
  id: string,
  fromStatuses: readonly string[],
  set: Updateable<DB['complaints']>,
) {
  return db
    .updateTable('complaints')
    .set(set)
    .where('dealerId', '=', dealerId)
    .where('id', '=', id)
    .where('status', 'in', fromStatuses)
    .executeTakeFirst();
}

/** The staff attributed to these complaints, with their user link. */
export function findComplaintStaff(db: Db, dealerId: string, complaintIds: readonly string[]) {
  if (complaintIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('complaintStaff as cs')
    .innerJoin('staff as s', (j) => j.onRef('s.dealerId', '=', 'cs.dealerId').onRef('s.id', '=', 'cs.staffId'))
    .select(['cs.complaintId', 's.id', 's.name', 's.department', 's.position', 's.userId'])
    .where('cs.dealerId', '=', dealerId)
    .where('cs.complaintId', 'in', complaintIds)
    .orderBy('s.name')
    .execute();
}

export async function replaceComplaintStaff(db: Db, dealerId: string, complaintId: string, staffIds: string[]) {
  await db
    .deleteFrom('complaintStaff')
    .where('dealerId', '=', dealerId)
    .where('complaintId', '=', complaintId)
    .execute();
  if (staffIds.length)
    await db
      .insertInto('complaintStaff')
      .values(staffIds.map((staffId) => ({ dealerId, complaintId, staffId })))
      .execute();
}

/** Staff of the dealer by id (only existing ones come back: a foreign id is simply missing). */
export function findStaffByIds(db: Db, dealerId: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('staff')
    .select(['id', 'name', 'department', 'position', 'userId'])
    .where('dealerId', '=', dealerId)
    .where('id', 'in', ids)
    .execute();
}

export function findStaffOfUser(db: Db, dealerId: string, userId: string) {
  return db
    .selectFrom('staff')
    .select(['id', 'name', 'department', 'position', 'userId'])
    .where('dealerId', '=', dealerId)
    .where('userId', '=', userId)
    .executeTakeFirst();
}

export function complaintIdsOfStaff(db: Db, dealerId: string, staffId: string) {
  return db
    .selectFrom('complaintStaff')
    .select('complaintId')
    .where('dealerId', '=', dealerId)
    .where('staffId', '=', staffId)
    .execute()
    .then((rows) => rows.map((r) => r.complaintId));
}

export function insertEvent(
  db: Db,
  row: {
    dealerId: string;
    complaintId: string;
    actorUserId: string | null;
    kind: string;
    note: string;
    details: string;
  },
) {
  return db.insertInto('complaintEvents').values(row).execute();
}

export function findEvents(db: Db, dealerId: string, complaintId: string) {
  return db
    .selectFrom('complaintEvents as e')
    .leftJoin('users as u', 'u.id', 'e.actorUserId')
    .select(['e.id', 'e.at', 'e.kind', 'e.note', 'u.displayName as actor'])
    .where('e.dealerId', '=', dealerId)
    .where('e.complaintId', '=', complaintId)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
}

export function customerExists(db: Db, dealerId: string, customerId: string) {
  return db
    .selectFrom('customers')
    .select('id')
    .where('dealerId', '=', dealerId)
    .where('id', '=', customerId)
    .executeTakeFirst();
}

export async function hasEvent(db: Db, dealerId: string, complaintId: string, kind: string) {
  const row = await db
    .selectFrom('complaintEvents')
    .select('id')
    .where('dealerId', '=', dealerId)
    .where('complaintId', '=', complaintId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return row !== undefined;
}
