import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import { GENERATED_TYPES, type GeneratedType, type GenerateResult } from '../../../core/contracts/callbacks';
import { isWorkingDay as calendarWorkingDay } from '../../../core/rules/calendar';
import {
  classify,
  dueWindow,
  duplicateOf,
  localParts,
  whoOf,
  type IsWorkingDay,
  type Kept,
} from '../../../core/rules/callback-rules';
import type { Db } from '../../db/client';
import type { CallbackTasks } from '../../db/tables';
import { getDealerCalendar } from '../calendar/calendar.service';
import * as g from './generator.queries';
import { ruleSetsOf, rulesOn, type StoredSet } from './rules.service';
import { excludeBlocked, insertTasks } from './tasks.queries';

/**
 * Task generation (SPEC §4.1): every repair order and sale gets exactly one task row per generated type
 * — PENDING, EXCLUDED (with the reason) or DUPLICATE — so a rerun finds nothing left to do and inserts
 * nothing (the natural key (dealer, type, source) is unique as well). The rules and the duplicate rule
 * are in core/rules/callback-rules.ts. Batches are their own transactions under a per-dealer advisory
 * lock, so several app instances never generate for one dealer at once.
 */

const BATCH = 2000;
const ANALYZE_AFTER = 500;

export interface GenerateOptions {
  now: Date;
  timeZone: string;
  isWorkingDay: IsWorkingDay;
}

/** The dealer's working-day calendar: statutory holidays, make-up days and the dealer's own overrides. */
export async function dealerWorkingDays(db: Db, dealerId: string): Promise<IsWorkingDay> {
  const cal = await getDealerCalendar(db, dealerId);
  return (ymd) => calendarWorkingDay(cal, ymd);
}

const SOURCE_KIND: Record<GeneratedType, 'repair_order' | 'sale' | 'complaint'> = {
  AS_PHONE: 'repair_order',
  SALES_PHONE: 'sale',
  SPECIAL_REWORK: 'repair_order',
  SPOTCHECK_RESCUE: 'repair_order',
  SPECIAL_6M_ABSENT: 'repair_order',
  SPECIAL_MAJOR_COMPLAINT: 'complaint',
};

/**
 * The special callbacks judged now rather than per transaction: the rules version in effect today decides whether
 * they run at all and how long "absent" is (a later version never rewrites an older transaction's tasks, but a
 * customer's absence and a closed complaint are today's facts).
 */
const JUDGED_TODAY: readonly GeneratedType[] = ['SPECIAL_6M_ABSENT', 'SPECIAL_MAJOR_COMPLAINT'];

function fetchBatch(db: Db, dealerId: string, type: GeneratedType, sets: StoredSet[], o: GenerateOptions) {
  if (type === 'SALES_PHONE') return g.findSalesWithoutTask(db, dealerId, type, BATCH);
  if (type === 'SPECIAL_6M_ABSENT' || type === 'SPECIAL_MAJOR_COMPLAINT') {
    const today = localParts(o.now, o.timeZone).ymd;
    const { special } = rulesOn(sets, today).rules;
    if (type === 'SPECIAL_6M_ABSENT')
      return g.findAbsentCustomersWithoutTask(db, dealerId, { today, months: special.absentMonths }, BATCH);
    return g.findClosedComplaintsWithoutTask(
      db,
      dealerId,
      { levels: special.complaintLevels, timeZone: o.timeZone },
      BATCH,
    );
  }
  if (type === 'SPECIAL_REWORK') return g.findRepairOrdersWithoutTask(db, dealerId, type, { reworkOnly: true }, BATCH);
  if (type === 'SPOTCHECK_RESCUE') {
    const all = sets.length ? sets.map((s) => s.rules) : [rulesOn(sets, '9999-12-31').rules];
    const serviceTypes = [...new Set(all.flatMap((r) => r.rescueServiceTypes))];
    return g.findRepairOrdersWithoutTask(db, dealerId, type, { serviceTypes }, BATCH);
  }
  return g.findRepairOrdersWithoutTask(db, dealerId, type, {}, BATCH);
}

type Row = g.SourceRow;

/** Turns one batch of transactions into task rows (pure apart from the kept tasks passed in). */
export function buildTasks(
  dealerId: string,
  type: GeneratedType,
  rows: Row[],
  sets: readonly StoredSet[],
  kept: Kept[],
  o: GenerateOptions,
): Insertable<CallbackTasks>[] {
  const today = localParts(o.now, o.timeZone).ymd;
  const kind = SOURCE_KIND[type];
  const special = JUDGED_TODAY.includes(type);
  const items = rows.map((row) => {
    const { set, rules } = rulesOn(sets, row.ruleDate ?? row.txDate);
    const r = rules.tasks[type];
    const byDelivery = r.anchor === 'delivery' && !special;
    const anchorKind = row.anchorKind ?? (byDelivery ? 'delivery' : kind === 'sale' ? 'purchase' : 'settlement');
    const anchorDate = byDelivery ? (row.deliveryDate ?? row.txDate) : row.txDate;
    return { row, set, rules, r, anchorKind, anchorDate };
  });
  items.sort((a, b) => a.anchorDate.localeCompare(b.anchorDate) || a.row.sourceId.localeCompare(b.row.sourceId));
  const keptBy = new Map<string, Kept[]>();
  for (const k of kept) keptBy.set(k.who, [...(keptBy.get(k.who) ?? []), k]);
  return items.map(({ row, set, rules, r, anchorKind, anchorDate }) => {
    const id = randomUUID();
    const window = dueWindow(row.windowFrom ?? anchorDate, r, o.isWorkingDay);
    const key = `${type}:${kind}:${row.sourceId}`;
    const candidate = { ...row, anchorDate };
    let verdict = r.enabled
      ? classify(candidate, key, r, rules, window, today)
      : ({ status: 'EXCLUDED', reason: 'type_disabled' } as const);
    let dup: Kept | null = null;
    if (verdict.status === 'PENDING') {
      const who = whoOf(row);
      dup = who ? duplicateOf(who, anchorDate, keptBy.get(who) ?? [], r.duplicateWindowDays) : null;
      if (dup) verdict = { status: 'EXCLUDED', reason: 'duplicate' };
      else if (who) keptBy.set(who, [...(keptBy.get(who) ?? []), { id, who, anchorDate }]);
    }
    const status = dup ? 'DUPLICATE' : verdict.status;
    return {
      dealerId,
      id,
      type,
      sourceKind: kind,
      sourceId: row.sourceId,
      customerId: row.customerId,
      vehicleId: row.vehicleId,
      anchorKind,
      anchorDate,
      dueStart: window.dueStart,
      dueEnd: window.dueEnd,
      ruleSetId: set?.id ?? null,
      questionnaireCode: r.questionnaireCode,
      status,
      reason: verdict.status === 'PENDING' ? null : verdict.reason,
      duplicateOf: dup?.id ?? null,
      priority: r.priority,
      closedAt: status === 'PENDING' ? null : o.now,
      ...(row.note ? { note: row.note } : {}),
    };
  });
}

async function keptFor(db: Db, dealerId: string, type: GeneratedType, rows: Row[]): Promise<Kept[]> {
  const customers = [...new Set(rows.flatMap((r) => (r.customerId ? [r.customerId] : [])))];
  const vehicles = [...new Set(rows.flatMap((r) => (!r.customerId && r.vehicleId ? [r.vehicleId] : [])))];
  const found = await g.findKeptTasks(db, dealerId, type, customers, vehicles);
  return found.flatMap((k) => {
    const who = whoOf(k);
    return who ? [{ id: k.id, who, anchorDate: k.anchorDate }] : [];
  });
}

const enabledSomewhere = (sets: readonly StoredSet[], type: GeneratedType) =>
  sets.length ? sets.some((s) => s.rules.tasks[type].enabled) : rulesOn(sets, '9999-12-31').rules.tasks[type].enabled;

/** Whether the generator looks for tasks of a type at all (special callbacks: only when today's rules say so). */
function runs(sets: readonly StoredSet[], type: GeneratedType, o: GenerateOptions) {
  if (!JUDGED_TODAY.includes(type)) return enabledSomewhere(sets, type);
  return rulesOn(sets, localParts(o.now, o.timeZone).ymd).rules.tasks[type].enabled;
}

/** One batch in its own transaction: 'busy' when another instance holds the dealer's lock. */
async function generateBatch(db: Db, dealerId: string, type: GeneratedType, sets: StoredSet[], o: GenerateOptions) {
  return db.transaction().execute(async (tx) => {
    if (!(await g.tryLockDealer(tx, dealerId))) return { state: 'busy' as const, tasks: [], inserted: 0 };
    const rows = await fetchBatch(tx, dealerId, type, sets, o);
    if (!rows.length) return { state: 'done' as const, tasks: [], inserted: 0 };
    const kept = await keptFor(tx, dealerId, type, rows);
    const tasks = buildTasks(dealerId, type, rows, sets, kept, o);
    const inserted = await insertTasks(tx, tasks);
    return { state: rows.length < BATCH ? ('done' as const) : ('more' as const), tasks, inserted };
  });
}

/** Generates every missing task of one dealer and closes the open tasks of blocked customers. */
export async function generateForDealer(db: Db, dealerId: string, o: GenerateOptions): Promise<GenerateResult> {
  const sets = await ruleSetsOf(db, dealerId);
  const out: GenerateResult = { created: 0, byStatus: {}, blocked: 0 };
  for (const type of GENERATED_TYPES) {
    if (!runs(sets, type, o)) continue;
    for (;;) {
      const r = await generateBatch(db, dealerId, type, sets, o);
      for (const t of r.tasks) out.byStatus[t.status as string] = (out.byStatus[t.status as string] ?? 0) + 1;
      out.created += r.inserted;
      if (r.inserted >= ANALYZE_AFTER) await g.analyzeTasks(db);
      if (r.state !== 'more') break;
    }
  }
  out.blocked = await excludeBlocked(db, dealerId);
  await g.closeReturnedAbsent(db, dealerId);
  return out;
}

/** The recurring job: every dealer (or the ones given), each with its own zone and calendar. */
export async function generateAll(db: Db, now = new Date(), dealerIds?: string[]) {
  let created = 0;
  for (const d of await g.findDealerZones(db, dealerIds)) {
    const o = { now, timeZone: d.timeZone, isWorkingDay: await dealerWorkingDays(db, d.id) };
    created += (await generateForDealer(db, d.id, o)).created;
  }
  return created;
}
