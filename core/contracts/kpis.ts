import { z } from 'zod';
import { Uuid } from './common';

/**
 * KPIs and dashboards (issue 7, SPEC §5.1–§5.3, §5.5, §5.12): callback rates, coverage, validity, satisfaction
 * vs the > 90 target, factor scores, dissatisfaction cases; per dealer / department / advisor / agent and per
 * day / week / month / quarter in the dealer's local calendar. Rates are fractions (0.875), scores 0–100.
 */
export const GRANULARITIES = ['day', 'week', 'month', 'quarter'] as const;
export const Granularity = z.enum(GRANULARITIES);
export type Granularity = z.infer<typeof Granularity>;
export const GROUPINGS = ['dealer', 'department', 'advisor', 'agent'] as const;
export const Grouping = z.enum(GROUPINGS);
export type Grouping = z.infer<typeof Grouping>;
export const KpiLine = z.enum(['after_sales', 'sales']);

const Ymd = z.iso.date();

const Range = z.object({
  /** Local days, inclusive; default: the last 3 months up to today. */
  from: Ymd.optional(),
  to: Ymd.optional(),
  /** Another dealer of the actor's scope; default the current dealer. */
  dealerId: Uuid.optional(),
  businessLine: KpiLine.optional(),
});
const rangeOk = (v: { from?: string | undefined; to?: string | undefined }) => !v.from || !v.to || v.from <= v.to;
const rangeMsg = { message: 'from must not be after to', path: ['to'] };

export const SummaryQuery = Range.extend({
  granularity: Granularity.default('month'),
  groupBy: Grouping.default('dealer'),
})
  .strict()
  .refine(rangeOk, rangeMsg);
export type SummaryQuery = z.infer<typeof SummaryQuery>;

export const TrendQuery = Range.extend({ granularity: Granularity.default('month') })
  .strict()
  .refine(rangeOk, rangeMsg);
export type TrendQuery = z.infer<typeof TrendQuery>;
export const RangeQuery = Range.strict().refine(rangeOk, rangeMsg);
export type RangeQuery = z.infer<typeof RangeQuery>;

const Rate = z.number().nullable();

/** The thresholds a period is judged by (SPEC §5.2, §5.3, C24): the dealer's version in force, null = SPEC preset. */
export const PeriodThresholds = z.object({
  callback: z.number(),
  survey: z.number(),
  inclusive: z.boolean(),
  target: z.number(),
  versionNo: z.number().int().nullable(),
});

export const KpiRow = z.object({
  period: z.string(),
  /** dealer id, department code, staff id or user id per grouping ('' = unknown). */
  key: z.string(),
  label: z.string(),
  repairCallbackRate: Rate,
  salesCallbackRate: Rate,
  coverage: Rate,
  callbackValidity: Rate,
  surveyValidity: Rate,
  /** Each validity rate against its own minimum; the month is valid when both are. */
  callbackValid: z.boolean(),
  surveyValid: z.boolean(),
  monthValid: z.boolean(),
  satisfactionScore: z.number().nullable(),
  meetsTarget: z.boolean(),
  /** What monthValid and meetsTarget were judged by: the version in force on the period's first day. */
  thresholds: PeriodThresholds,
  satisfactionRate: Rate,
  firstTimeResolution: Rate,
  closureHoursMean: z.number().nullable(),
  closureHoursMedian: z.number().nullable(),
  overdue: z.number().int(),
  counts: z.record(z.string(), z.number()),
});
export type KpiRow = z.infer<typeof KpiRow>;

export const KpiSummary = z.object({
  dealerId: Uuid,
  granularity: Granularity,
  groupBy: Grouping,
  from: z.string(),
  to: z.string(),
  /** The thresholds of the last period of the range. */
  thresholds: PeriodThresholds,
  rows: z.array(KpiRow),
});
export type KpiSummary = z.infer<typeof KpiSummary>;

export const TrendPoint = z.object({
  period: z.string(),
  responses: z.number().int(),
  score: z.number().nullable(),
  satisfactionRate: Rate,
  /** Judged by the target in force on the period's first day (the dealer's versioned CONFIG, preset 90). */
  meetsTarget: z.boolean(),
});
/** `target`: the one in force on the last point's period (on the range's last period when there are no points). */
export const KpiTrend = z.object({ target: z.number(), points: z.array(TrendPoint) });
export type KpiTrend = z.infer<typeof KpiTrend>;

export const KpiFactors = z.object({
  rows: z.array(
    z.object({
      factor: z.string(),
      /** The dealer's own factor name (questionnaire factors), when it has one. */
      name: z.object({ zh: z.string(), en: z.string() }).nullable(),
      score: z.number().nullable(),
      n: z.number().int(),
    }),
  ),
});
export type KpiFactors = z.infer<typeof KpiFactors>;

export const KpiPareto = z.object({
  rows: z.array(
    z.object({
      reason: z.string(),
      /** The question's Chinese text (the reason key when the question is unknown). */
      label: z.string(),
      /** The question's English text; the Chinese text when the questionnaire has none. */
      labelEn: z.string(),
      count: z.number().int(),
      cumulative: z.number(),
    }),
  ),
});
export type KpiPareto = z.infer<typeof KpiPareto>;

export const StaffRankingQuery = Range.extend({ role: z.enum(['advisor', 'agent']).default('advisor') })
  .strict()
  .refine(rangeOk, rangeMsg);
export type StaffRankingQuery = z.infer<typeof StaffRankingQuery>;
export const KpiStaffRanking = z.object({
  rows: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      responses: z.number().int(),
      score: z.number().nullable(),
      dissatisfied: z.number().int(),
      rank: z.number().int(),
    }),
  ),
});
export type KpiStaffRanking = z.infer<typeof KpiStaffRanking>;

export const KpiHeatmap = z.object({
  departments: z.array(z.string()),
  days: z.array(z.string()),
  /** [dayIndex, departmentIndex, overdue cases opened that day still open past their due time]. */
  cells: z.array(z.tuple([z.number().int(), z.number().int(), z.number().int()])),
});
export type KpiHeatmap = z.infer<typeof KpiHeatmap>;

export const DRILL_KINDS = ['responses', 'tasks', 'cases'] as const;
const DrillFields = Range.extend({
  kind: z.enum(DRILL_KINDS),
  /** Narrowing from the chart point: a period start with its granularity, a factor/reason, a staff key, a department. */
  granularity: Granularity.optional(),
  period: Ymd.optional(),
  reason: z.string().trim().max(60).optional(),
  staffKey: z.string().trim().max(60).optional(),
  staffRole: z.enum(['advisor', 'agent']).optional(),
  department: z.string().trim().max(30).optional(),
  overdueOnly: z.enum(['true', 'false']).optional(),
  dissatisfiedOnly: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
  /** Rows to skip (newest first), to read past the first page. */
  offset: z.coerce.number().int().min(0).max(20_000).default(0),
});
export const DrillQuery = DrillFields.strict().refine(rangeOk, rangeMsg);
export type DrillQuery = z.infer<typeof DrillQuery>;
/**
 * The drill's filter for its Excel export: `reason` there is the export's reason (audited), so the chart's
 * dissatisfaction reason travels as `factor`.
 */
export const DrillExportQuery = DrillFields.omit({ reason: true })
  .extend({ factor: DrillFields.shape.reason })
  .strict()
  .refine(rangeOk, rangeMsg);
export type DrillExportQuery = z.infer<typeof DrillExportQuery>;

export const DrillRow = z.object({
  id: Uuid,
  at: z.string(),
  customer: z.string().nullable(),
  phone: z.string().nullable(),
  staff: z.string().nullable(),
  status: z.string(),
  score: z.number().nullable(),
  detail: z.string(),
});
export const KpiDrill = z.object({ kind: z.enum(DRILL_KINDS), total: z.number().int(), rows: z.array(DrillRow) });
export type KpiDrill = z.infer<typeof KpiDrill>;

export const BenchmarkQuery = z
  .object({
    from: Ymd.optional(),
    to: Ymd.optional(),
    businessLine: KpiLine.default('after_sales'),
    factor: z.string().trim().max(40).default('_total'),
  })
  .strict()
  .refine(rangeOk, rangeMsg);
export type BenchmarkQuery = z.infer<typeof BenchmarkQuery>;
export const KpiBenchmark = z.object({
  national: z.number().nullable(),
  regions: z.array(z.object({ regionId: z.string(), regionName: z.string(), score: z.number().nullable() })),
  dealers: z.array(
    z.object({
      dealerId: Uuid,
      code: z.string(),
      name: z.string(),
      regionName: z.string(),
      score: z.number().nullable(),
      responses: z.number().int(),
      rank: z.number().int().nullable(),
      regionalAverage: z.number().nullable(),
      position: z.string().nullable(),
    }),
  ),
  /** Dealers in the ranking (a dealer user sees the count and averages, not the other dealers). */
  dealerCount: z.number().int(),
});
export type KpiBenchmark = z.infer<typeof KpiBenchmark>;
