import type { KpiRow, KpiSummary, RangeQuery, SummaryQuery } from '../../../core/contracts/kpis';
import { defaultRange, periodStart } from '../../../core/rules/kpi-periods';
import {
  callbackCoverage,
  closureHours,
  firstTimeResolution,
  meetsSatisfactionTarget,
  overdueCount,
  ratio,
  repairCallbackRate,
  round2,
  salesCallbackRate,
  thresholdsOn,
  validity,
  type CaseOutcome,
  type KpiThresholds,
  type ThresholdVersion,
} from '../../../core/rules/kpis';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { notFound } from '../../http/errors';
import {
  caseRows,
  keyLabels,
  responseCounts,
  taskCounts,
  visitCounts,
  type KpiScope,
  type ResponseCounts,
  type TaskCounts,
  type VisitCounts,
} from './summary.queries';
import { thresholdSetsOf } from './thresholds.service';

/**
 * KPI summary (SPEC §5.1–§5.3, §5.12, WF-7): counts from the queries, rates from the pure functions of
 * core/rules/kpis.ts. Thresholds (§5.2 validity minimums and C24 boundary, §5.3 target) are the dealer's versioned
 * CONFIG: each period is judged by the version in force on its first day (the SPEC preset before any version).
 */
export interface DealerRange {
  dealerId: string;
  timeZone: string;
  from: string;
  to: string;
  businessLine: 'after_sales' | 'sales' | null;
}

/** The dealer a KPI read is about: one of the actor's dealers (another dealer is 404), default the current one. */
export function resolveRange(actor: Actor, q: RangeQuery, now = new Date()): DealerRange {
  const dealerId = q.dealerId ?? actor.currentDealerId ?? actor.dealerIds[0];
  const dealer = actor.dealers.find((d) => d.id === dealerId);
  if (!dealerId || !dealer) throw notFound('Dealer');
  const today = localDay(now, dealer.timeZone);
  const def = defaultRange(today);
  return {
    dealerId,
    timeZone: dealer.timeZone,
    from: q.from ?? (q.to && q.to < def.from ? q.to : def.from),
    to: q.to ?? (q.from && q.from > today ? q.from : today),
    businessLine: q.businessLine ?? null,
  };
}

export function localDay(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

interface Acc {
  period: string;
  key: string;
  t: Omit<TaskCounts, 'period' | 'key'>;
  v: Omit<VisitCounts, 'period' | 'key'>;
  r: { responses: number; scored: number; sum: number; satisfied: number; dissatisfied: number };
  cases: CaseOutcome[];
  due: { dueAt: Date | null; doneAt: Date | null }[];
}
const emptyAcc = (period: string, key: string): Acc => ({
  period,
  key,
  t: { repairSuccess: 0, repairExcluded: 0, repairDuplicate: 0, salesSuccess: 0, due: 0, success: 0, surveyed: 0 },
  v: { completedVisits: 0, unitsSold: 0, unitsSoldToDealers: 0 },
  r: { responses: 0, scored: 0, sum: 0, satisfied: 0, dissatisfied: 0 },
  cases: [],
  due: [],
});

function addAll<T extends { period: string; key: string | null }>(
  map: Map<string, Acc>,
  rows: T[],
  add: (a: Acc, row: T) => void,
) {
  for (const row of rows) {
    const key = row.key ?? '';
    const id = `${row.period}|${key}`;
    const acc = map.get(id) ?? emptyAcc(row.period, key);
    add(acc, row);
    map.set(id, acc);
  }
}
function addCounts<T extends object>(into: T, row: Partial<Record<keyof T, unknown>>) {
  for (const k of Object.keys(into) as (keyof T)[]) (into[k] as number) += Number(row[k] ?? 0);
}
const addResponses = (a: Acc, x: ResponseCounts) => {
  a.r.responses += x.responses;
  a.r.scored += x.scored;
  a.r.sum += Number(x.scoreSum);
  a.r.satisfied += x.satisfied;
  a.r.dissatisfied += x.dissatisfied;
};

/** The thresholds a period is judged by, with the version they come from (null = the SPEC preset). */
export function periodThresholds(versions: readonly ThresholdVersion[], period: string) {
  const v = thresholdsOn(versions, period);
  return { ...v.thresholds, versionNo: v.versionNo };
}

/** One row of KPIs from its counts: every rate through its pure SPEC function, judged by the period's thresholds. */
export function kpiRow(a: Acc, label: string, now: Date, t: KpiThresholds & { versionNo: number | null }): KpiRow {
  const val = validity({ callbacksDue: a.t.due, callbackSuccesses: a.t.success, surveySuccesses: a.t.surveyed }, t);
  const score = a.r.scored > 0 ? round2(a.r.sum / a.r.scored) : null;
  const closure = closureHours(a.cases);
  return {
    period: a.period,
    key: a.key,
    label,
    repairCallbackRate: repairCallbackRate({
      successfulPhoneCallbacks: a.t.repairSuccess,
      completedVisits: a.v.completedVisits,
      noCallbackVisits: a.t.repairExcluded,
      duplicateVisits: a.t.repairDuplicate,
    }),
    salesCallbackRate: salesCallbackRate({
      successfulPhoneCallbacks: a.t.salesSuccess,
      unitsSold: a.v.unitsSold,
      unitsSoldToDealers: a.v.unitsSoldToDealers,
    }),
    coverage: callbackCoverage(a.t.success, a.t.due),
    callbackValidity: val.callbackValidity,
    surveyValidity: val.surveyValidity,
    callbackValid: val.callbackValid,
    surveyValid: val.surveyValid,
    monthValid: val.monthValid,
    satisfactionScore: score,
    meetsTarget: meetsSatisfactionTarget(score, t.target),
    thresholds: t,
    satisfactionRate: ratio(a.r.satisfied, a.r.satisfied + a.r.dissatisfied),
    firstTimeResolution: firstTimeResolution(a.cases),
    closureHoursMean: closure.mean,
    closureHoursMedian: closure.median,
    overdue: overdueCount(a.due, now),
    counts: { ...a.t, ...a.v, ...a.r, cases: a.cases.length },
  };
}

export async function summary(db: Db, actor: Actor, q: SummaryQuery, now = new Date()): Promise<KpiSummary> {
  const range = resolveRange(actor, q, now);
  const scope: KpiScope = { ...range, granularity: q.granularity, groupBy: q.groupBy };
  const [tasks, visits, responses, cases, versions] = await Promise.all([
    taskCounts(db, scope),
    visitCounts(db, scope),
    responseCounts(db, scope),
    caseRows(db, scope),
    thresholdSetsOf(db, range.dealerId),
  ]);
  const map = new Map<string, Acc>();
  addAll(map, tasks, (a, x) => addCounts(a.t, x));
  addAll(map, visits, (a, x) => addCounts(a.v, x));
  addAll(map, responses, addResponses);
  addAll(map, cases, (a, c) => {
    a.cases.push({ loops: c.loops, openedAt: c.openedAt, closedAt: c.closedAt });
    a.due.push({ dueAt: c.dueAt && new Date(c.dueAt), doneAt: c.closedAt });
  });
  const accs = [...map.values()].sort((x, y) => x.period.localeCompare(y.period) || x.key.localeCompare(y.key));
  const labels = await keyLabels(db, range.dealerId, q.groupBy, [...new Set(accs.map((a) => a.key))]);
  // the summary's own thresholds: those of the last period of the range (what its cards are judged by)
  const lastPeriod = accs.at(-1)?.period ?? periodStart(range.to, q.granularity);
  return {
    dealerId: range.dealerId,
    granularity: q.granularity,
    groupBy: q.groupBy,
    from: range.from,
    to: range.to,
    thresholds: periodThresholds(versions, lastPeriod),
    rows: accs.map((a) => kpiRow(a, labels.get(a.key) ?? a.key, now, periodThresholds(versions, a.period))),
  };
}
