import type { Updateable } from 'kysely';
import type { Db } from '../../db/client';
import type { DB } from '../../db/tables';

/** The rule version in force on a local date: the newest effective one. */
export function findRulesOn(db: Db, dealerId: string, ymd: string) {
  return db
    .selectFrom('penaltyRules')
    .selectAll()
    .where('dealerId', '=', dealerId)
    .where('effectiveFrom', '<=', ymd)
    .orderBy('effectiveFrom', 'desc')
    .orderBy('versionNo', 'desc')
    .executeTakeFirst();
}
export type RuleRow = NonNullable<Awaited<ReturnType<typeof findRulesOn>>>;

export function findRuleById(db: Db, dealerId: string, id: string) {
  return db
    .selectFrom('penaltyRules')
    .selectAll()
    .where('dealerId', '=', dealerId)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

export function findRuleVersions(db: Db, dealerId: string) {
  return db
    .selectFrom('penaltyRules as r')
    .leftJoin('users as u', 'u.id', 'r.createdBy')
    .selectAll('r')
    .select('u.displayName as createdByName')
    .where('r.dealerId', '=', dealerId)
    .orderBy('r.versionNo', 'desc')
    .execute();
}

export async function insertRuleVersion(
  db: Db,
  row: {
    dealerId: string;
    effectiveFrom: string;
    presetKey: string | null;
    period: string;
    groups: string;
    biasMultiplier: number;
    handlingWorkingDays: number;
    rectificationWorkingDays: number | null;
    note: string;
    createdBy: string | null;
  },
) {
  const last = await db
    .selectFrom('penaltyRules')
    .select((eb) => eb.fn.max('versionNo').as('n'))
    .where('dealerId', '=', row.dealerId)
    .executeTakeFirst();
  return db
    .insertInto('penaltyRules')
    .values({ ...row, versionNo: Number(last?.n ?? 0) + 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export interface PenaltyFilter {
  id?: string;
  complaintId?: string;
  staffId?: string | undefined;
  status?: string | undefined;
  periodKey?: string | undefined;
}

export function findPenalties(db: Db, dealerId: string, f: PenaltyFilter) {
  let q = db
    .selectFrom('penalties as p')
    .innerJoin('complaints as c', (j) => j.onRef('c.dealerId', '=', 'p.dealerId').onRef('c.id', '=', 'p.complaintId'))
    .innerJoin('staff as s', (j) => j.onRef('s.dealerId', '=', 'p.dealerId').onRef('s.id', '=', 'p.staffId'))
    .innerJoin('penaltyRules as r', (j) => j.onRef('r.dealerId', '=', 'p.dealerId').onRef('r.id', '=', 'p.ruleId'))
    .leftJoin('users as pu', 'pu.id', 'p.proposedBy')
    .leftJoin('users as du', 'du.id', 'p.decidedBy')
    .selectAll('p')
    .select([
      'c.level as complaintLevel',
      'c.description as complaintDescription',
      's.name as staffName',
      's.department as staffDepartment',
      's.position as staffPosition',
      's.userId as staffUserId',
      'r.versionNo as ruleVersion',
      'r.effectiveFrom as ruleEffectiveFrom',
      'pu.displayName as proposedByName',
      'du.displayName as decidedByName',
    ])
    .where('p.dealerId', '=', dealerId);
  if (f.id) q = q.where('p.id', '=', f.id);
  if (f.complaintId) q = q.where('p.complaintId', '=', f.complaintId);
  if (f.staffId) q = q.where('p.staffId', '=', f.staffId);
  if (f.status) q = q.where('p.status', '=', f.status);
  if (f.periodKey) q = q.where('p.periodKey', '=', f.periodKey);
  return q.orderBy('p.proposedAt', 'desc').limit(500).execute();
}
export type PenaltyRow = Awaited<ReturnType<typeof findPenalties>>[number];

/** Approved offences of a staff member in a period (what the ladder counts), locked against a concurrent approval. */
export async function countApprovedOffences(db: Db, dealerId: string, staffId: string, periodKey: string) {
  const rows = await db
    .selectFrom('penalties')
    .select('id')
    .where('dealerId', '=', dealerId)
    .where('staffId', '=', staffId)
    .where('periodKey', '=', periodKey)
    .where('status', '=', 'approved')
    .forUpdate()
    .execute();
  return rows.length;
}

export function insertPenalty(
  db: Db,
  row: {
    dealerId: string;
    complaintId: string;
    staffId: string;
    ruleId: string;
    groupKey: string;
    periodKey: string;
    offenceNo: number;
    amountFen: number | null;
    multiplier: number;
    dismissal: boolean;
    reason: string;
    evidence: string;
    proposedBy: string;
  },
) {
  return db.insertInto('penalties').values(row).returning('id').executeTakeFirstOrThrow();
}

export function updatePenalty(
  db: Db,
  dealerId: string,
  id: string,
  fromStatus: string,
  set: Updateable<DB['penalties']>,
) {
  return db
    .updateTable('penalties')
    .set(set)
    .where('dealerId', '=', dealerId)
    .where('id', '=', id)
    .where('status', '=', fromStatus)
    .executeTakeFirst();
}

/** Voids every live penalty of a complaint (an upheld appeal); returns the ids. */
export async function voidPenaltiesOf(db: Db, dealerId: string, complaintId: string, reason: string) {
  const rows = await db
    .updateTable('penalties')
    .set({ status: 'void', voidedAt: new Date(), voidReason: reason })
    .where('dealerId', '=', dealerId)
    .where('complaintId', '=', complaintId)
    .where('status', 'in', ['proposed', 'approved'])
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}
