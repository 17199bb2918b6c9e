import type { Db } from '../../db/client';

/** Corrective and preventive actions (纠正措施和预防措施, SPEC §3.16). */
const COLUMNS = [
  'id',
  'dealerId',
  'origin',
  'originReportId',
  'originProblem',
  'originComplaintId',
  'department',
  'departmentHead',
  'description',
  'measures',
  'status',
  'supervisorUserId',
  'approvedAt',
  'checkedAt',
  'checkNote',
  'reviewNote',
  'closedAt',
  'createdAt',
] as const;

export async function insertCapa(
  tx: Db,
  row: {
    dealerId: string;
    origin: string;
    originReportId: string | null;
    originProblem: string | null;
    originComplaintId: string | null;
    department: string;
    departmentHead: string;
    description: string;
    measures: string;
    supervisorUserId: string | null;
    createdBy: string;
  },
) {
  return tx.insertInto('capaActions').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function findCapa(db: Db, dealerId: string, id: string) {
  return db
    .selectFrom('capaActions')
    .select(COLUMNS)
    .where('dealerId', '=', dealerId)
    .where('id', '=', id)
    .executeTakeFirst();
}
export type CapaRow = NonNullable<Awaited<ReturnType<typeof findCapa>>>;

export async function lockCapa(tx: Db, dealerId: string, id: string) {
  return tx
    .selectFrom('capaActions')
    .select(COLUMNS)
    .where('dealerId', '=', dealerId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function listCapa(
  db: Db,
  dealerId: string,
  f: { status?: string | undefined; reportId?: string | undefined; limit: number; offset: number },
) {
  let query = db.selectFrom('capaActions').where('dealerId', '=', dealerId);
  if (f.status) query = query.where('status', '=', f.status);
  if (f.reportId) query = query.where('originReportId', '=', f.reportId);
  const [rows, total] = await Promise.all([
    query.select(COLUMNS).orderBy('createdAt', 'desc').limit(f.limit).offset(f.offset).execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function findCapaOfReport(db: Db, dealerId: string, reportId: string) {
  return db
    .selectFrom('capaActions')
    .select(['department', 'description', 'measures', 'status'])
    .where('dealerId', '=', dealerId)
    .where('originReportId', '=', reportId)
    .orderBy('createdAt')
    .execute();
}

export async function updateCapa(tx: Db, dealerId: string, id: string, set: Record<string, unknown>) {
  await tx
    .updateTable('capaActions')
    .set({ ...set, updatedAt: new Date() })
    .where('dealerId', '=', dealerId)
    .where('id', '=', id)
    .execute();
}

export async function reportExists(db: Db, dealerId: string, id: string) {
  return !!(await db
    .selectFrom('reports')
    .select('id')
    .where('dealerId', '=', dealerId)
    .where('id', '=', id)
    .executeTakeFirst());
}

export async function userInDealer(db: Db, dealerId: string, userId: string) {
  return !!(await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .where('dealerId', '=', dealerId)
    .executeTakeFirst());
}

/**
 * A CAPA the system opens itself (no creator), at most once per dealer and `systemKey` (migration 0020's unique
 * index): null when one with that key exists already.
 */
export async function insertSystemCapa(
  tx: Db,
  row: {
    dealerId: string;
    systemKey: string;
    origin: string;
    originReportId: string;
    originProblem: string;
    department: string;
    departmentHead: string;
    description: string;
  },
): Promise<string | null> {
  const r = await tx
    .insertInto('capaActions')
    .values(row)
    .onConflict((oc) => oc.columns(['dealerId', 'systemKey']).where('systemKey', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  return r?.id ?? null;
}

/** Display names of the dealer's active users holding a role. */
export async function findRoleUserNames(db: Db, dealerId: string, role: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('displayName')
    .where('dealerId', '=', dealerId)
    .where('disabledAt', 'is', null)
    .where((eb) => eb(eb.val(role), '=', eb.fn.any('roles')))
    .orderBy('displayName')
    .execute();
  return rows.map((r) => r.displayName);
}
