import type {
  DrillQuery,
  KpiDrill,
  KpiFactors,
  KpiHeatmap,
  KpiPareto,
  KpiStaffRanking,
  KpiTrend,
  RangeQuery,
  StaffRankingQuery,
  TrendQuery,
} from '../../../core/contracts/kpis';
import { rankDealers } from '../../../core/rules/benchmarks';
import { daysBetween, periodEnd, periodStart } from '../../../core/rules/kpi-periods';
import { meetsSatisfactionTarget, ratio, round2, thresholdsOn } from '../../../core/rules/kpis';
import { maskPhone } from '../../../core/rules/redact';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { factorRows, overdueCells, paretoRows, staffRows, trendRows } from './charts.queries';
import { drillCases, drillResponses, drillTasks, type RawDrillRow } from './drill.queries';
import { resolveRange } from './kpis.service';
import { thresholdSetsOf } from './thresholds.service';

/** Dashboard charts (issue 7): trend, factor breakdown, Pareto, staff ranking, overdue heat map, drill-down. */
const mean = (sum: string | number, n: number) => (n > 0 ? round2(Number(sum) / n) : null);

/** Each point is judged by the satisfaction target in force on its period's first day (versioned CONFIG). */
export async function trend(db: Db, actor: Actor, q: TrendQuery): Promise<KpiTrend> {
  const range = resolveRange(actor, q);
  const [rows, versions] = await Promise.all([
    trendRows(db, range, q.granularity),
    thresholdSetsOf(db, range.dealerId),
  ]);
  const targetOn = (day: string) => thresholdsOn(versions, day).thresholds.target;
  return {
    target: targetOn(rows.at(-1)?.period ?? periodStart(range.to, q.granularity)),
    points: rows.map((r) => {
      const score = mean(r.scoreSum, r.scored);
      return {
        period: r.period,
        responses: r.responses,
        score,
        satisfactionRate: ratio(r.satisfied, r.satisfied + r.dissatisfied),
        meetsTarget: meetsSatisfactionTarget(score, targetOn(r.period)),
      };
    }),
  };
}

export async function factors(db: Db, actor: Actor, q: RangeQuery): Promise<KpiFactors> {
  const rows = await factorRows(db, resolveRange(actor, q));
  return {
    rows: rows.map((r) => ({
      factor: r.factor,
      name: r.nameZh === null ? null : { zh: r.nameZh, en: r.nameEn || r.nameZh },
      score: mean(r.scoreSum, r.scored),
      n: r.scored,
    })),
  };
}

/** Reasons ranked by count with the cumulative share (the Pareto line), 4 decimals. */
export async function pareto(db: Db, actor: Actor, q: RangeQuery): Promise<KpiPareto> {
  const rows = await paretoRows(db, resolveRange(actor, q));
  const total = rows.reduce((a, r) => a + r.count, 0);
  let running = 0;
  return {
    rows: rows.map((r) => {
      running += r.count;
      return { ...r, cumulative: Math.round((running / total) * 10_000) / 10_000 };
    }),
  };
}

export async function staffRanking(db: Db, actor: Actor, q: StaffRankingQuery): Promise<KpiStaffRanking> {
  const rows = await staffRows(db, resolveRange(actor, q), q.role);
  const scored = rows.map((r) => ({
    key: r.key,
    label: r.label,
    responses: r.responses,
    dissatisfied: r.dissatisfied,
    score: mean(r.scoreSum, r.scored),
  }));
  return {
    rows: rankDealers(scored)
      .map((r) => ({ ...r, rank: r.rank ?? scored.length }))
      .sort((a, b) => a.rank - b.rank || a.label.localeCompare(b.label)),
  };
}

const DEPARTMENTS = ['after_sales', 'sales', 'quality', 'management', 'other'];

export async function overdueHeatmap(db: Db, actor: Actor, q: RangeQuery, now = new Date()): Promise<KpiHeatmap> {
  const range = resolveRange(actor, q, now);
  const cells = await overdueCells(db, range, now);
  const days = daysBetween(range.from, range.to);
  const dayIndex = new Map(days.map((d, i) => [d, i]));
  return {
    departments: DEPARTMENTS,
    days,
    cells: cells
      .filter((c) => dayIndex.has(c.day))
      .map((c) => [dayIndex.get(c.day) as number, Math.max(0, DEPARTMENTS.indexOf(c.department)), c.n]),
  };
}

/** Personal data in drill rows: the surname and a mask for the name, the middle of the phone masked. */
const maskName = (name: string | null) => (name ? `${[...name][0] ?? ''}**` : null);

export async function drill(db: Db, actor: Actor, q: DrillQuery, now = new Date()): Promise<KpiDrill> {
  const range = resolveRange(actor, q, now);
  if (q.period && q.granularity) {
    const start = periodStart(q.period, q.granularity);
    const end = periodEnd(start, q.granularity);
    range.from = start > range.from ? start : range.from;
    range.to = end < range.to ? end : range.to;
  }
  const f = {
    ...range,
    reason: q.reason ?? null,
    staffKey: q.staffKey ?? null,
    staffRole: q.staffRole ?? null,
    department: q.department ?? null,
    overdueOnly: q.overdueOnly === 'true',
    dissatisfiedOnly: q.dissatisfiedOnly === 'true',
    limit: q.limit,
    offset: q.offset,
    now,
  };
  const load = { responses: drillResponses, tasks: drillTasks, cases: drillCases }[q.kind];
  const rows: RawDrillRow[] = range.from <= range.to ? await load(db, f) : [];
  return {
    kind: q.kind,
    total: rows[0]?.total ?? 0,
    rows: rows.map((r) => ({
      id: r.id,
      at: r.at instanceof Date ? r.at.toISOString() : String(r.at),
      customer: maskName(r.customer),
      phone: r.phone ? maskPhone(r.phone) : null,
      staff: r.staff,
      status: r.status,
      score: r.score === null ? null : Number(r.score),
      detail: r.detail ?? '',
    })),
  };
}
