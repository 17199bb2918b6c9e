/**
 * The KPIs of SPEC §5, one pure function each. Inputs are counts or small records that the report
 * queries produce; every function takes its thresholds as arguments (CONFIG per dealer, SPEC §9) with the
 * SPEC's presets as defaults. A rate whose denominator is 0 is `null` ("no data"), never 0 % or 100 %.
 * Rates are fractions (0.875); the UI shows them as percentages (SPEC §5.1 (D) "display as a percentage").
 */

/** Rate helper: numerator / denominator, or null when the denominator is not positive. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

export interface RepairRateInput {
  /** 电话回访成功量: successful after-sales phone callbacks of the month. */
  successfulPhoneCallbacks: number;
  /** 当月维修(保养)完工并提车台次: visits whose repair was completed and the vehicle picked up. */
  completedVisits: number;
  /** 不回访台次: visits not to be called back (CONFIG definition, C36). */
  noCallbackVisits: number;
  /** 重复台次: duplicate visits (CONFIG definition, C36; example: same VIN twice in the month). */
  duplicateVisits: number;
}

/**
 * 维修电话回访率 (SPEC §5.1, 000 §4.7.1):
 * "电话回访成功量 / 当月维修(保养)完工并提车台次(不包括不回访台次及重复台次)".
 */
export function repairCallbackRate(i: RepairRateInput): number | null {
  return ratio(i.successfulPhoneCallbacks, i.completedVisits - i.noCallbackVisits - i.duplicateVisits);
}

export interface SalesRateInput {
  /** 电话回访成功量: successful sales phone callbacks of the month. */
  successfulPhoneCallbacks: number;
  /** 当月销售台次: units sold in the month, all buyers. */
  unitsSold: number;
  /** Units of those sold to dealers (经销商), excluded by the formula. */
  unitsSoldToDealers: number;
}

/** 销售电话回访率 (SPEC §5.1, 000 §4.7.1): "电话回访成功量 / 当月销售台次(不包括经销商)". */
export function salesCallbackRate(i: SalesRateInput): number | null {
  return ratio(i.successfulPhoneCallbacks, i.unitsSold - i.unitsSoldToDealers);
}

/** 电话回访覆盖率 (SPEC §5.1, 000 §4.7.1): "电话回访成功量 / 当月应回访电话量". */
export function callbackCoverage(successfulPhoneCallbacks: number, phoneCallbacksDue: number): number | null {
  return ratio(successfulPhoneCallbacks, phoneCallbacksDue);
}

export interface ValidityThresholds {
  /** "回访成功数 / 应回访数 … 50%以上" */
  callback: number;
  /** "满意度调查成功量 / 回访成功量 … 60%以上" */
  survey: number;
  /** C24: "以上" includes the number itself under PRC drafting convention (default true: ≥). */
  inclusive: boolean;
}
export const VALIDITY_PRESET: ValidityThresholds = { callback: 0.5, survey: 0.6, inclusive: true };

/** Every threshold a KPI verdict depends on: the validity minimums (§5.2, C24) and the satisfaction target (§5.3). */
export interface KpiThresholds extends ValidityThresholds {
  /** "customer satisfaction > 90 points" (strictly greater). */
  target: number;
}
/** The SPEC values, in force for a dealer until it saves a version of its own. */
export const KPI_THRESHOLD_PRESET: KpiThresholds = { ...VALIDITY_PRESET, target: 90 };

/** One saved version of a dealer's thresholds, in force from its effective date (YYYY-MM-DD, local calendar). */
export interface ThresholdVersion {
  versionNo: number;
  effectiveFrom: string;
  thresholds: KpiThresholds;
}

/**
 * The thresholds in force on a local day: the version with the latest effective date on or before it (the highest
 * version number among equal dates), else the SPEC preset. A KPI period is judged by the version in force on its
 * first day, so a change never re-judges a period already under way.
 */
export function thresholdsOn(
  versions: readonly ThresholdVersion[],
  ymd: string,
): { versionNo: number | null; effectiveFrom: string | null; thresholds: KpiThresholds } {
  let best: ThresholdVersion | null = null;
  for (const v of versions)
    if (
      v.effectiveFrom <= ymd &&
      (!best ||
        v.effectiveFrom > best.effectiveFrom ||
        (v.effectiveFrom === best.effectiveFrom && v.versionNo > best.versionNo))
    )
      best = v;
  return best
    ? { versionNo: best.versionNo, effectiveFrom: best.effectiveFrom, thresholds: best.thresholds }
    : { versionNo: null, effectiveFrom: null, thresholds: KPI_THRESHOLD_PRESET };
}

export interface ValidityResult {
  callbackValidity: number | null;
  surveyValidity: number | null;
  callbackValid: boolean;
  surveyValid: boolean;
  /** SPEC §5.2 (D): a month that misses either threshold is flagged "invalid". */
  monthValid: boolean;
}

/**
 * Validity thresholds (SPEC §5.2, P-SGM 004[A] 二.6):
 * callbackValidity = 回访成功数 / 应回访数 must be "50%以上";
 * surveyValidity = 满意度调查成功量 / 回访成功量 must be "60%以上". A rate with no data is not valid.
 */
export function validity(
  c: { callbacksDue: number; callbackSuccesses: number; surveySuccesses: number },
  t: ValidityThresholds,
): ValidityResult {
  const callbackValidity = ratio(c.callbackSuccesses, c.callbacksDue);
  const surveyValidity = ratio(c.surveySuccesses, c.callbackSuccesses);
  const meets = (v: number | null, min: number) => v !== null && (t.inclusive ? v >= min - 1e-12 : v > min + 1e-12);
  const callbackValid = meets(callbackValidity, t.callback);
  const surveyValid = meets(surveyValidity, t.survey);
  return { callbackValidity, surveyValidity, callbackValid, surveyValid, monthValid: callbackValid && surveyValid };
}

/** SPEC §5.3 (P-SGM 004[A] 二.4): "customer satisfaction > 90 points" (strictly greater). */
export const SATISFACTION_TARGET_PRESET = KPI_THRESHOLD_PRESET.target;
/** SPEC §5.3: the score meets the target when strictly greater than it (the dealer's CONFIG target, preset 90). */
export function meetsSatisfactionTarget(score: number | null, target: number): boolean {
  return score !== null && score > target;
}

/** Mean of the responses' 0–100 scores (SPEC §5.3: the score measured by the CS department), 2 decimals. */
export function satisfactionScore(scores: readonly (number | null)[]): number | null {
  const xs = scores.filter((s): s is number => s !== null);
  return xs.length > 0 ? round2(xs.reduce((a, b) => a + b, 0) / xs.length) : null;
}

/** 客户满意率 (SPEC §5.12, 004[I] 五.4): satisfied responses / responses with a satisfied flag. */
export function satisfactionRate(flags: readonly (boolean | null)[]): number | null {
  const known = flags.filter((f): f is boolean => f !== null);
  return ratio(known.filter(Boolean).length, known.length);
}

/**
 * Factor scores over a period (SPEC §3.7 factor mapping; §5.8 CSI 6 / SSI 8 factors): for each factor the
 * mean of the responses' factor scores, weighting each response equally. Sums and counts are what the
 * incremental aggregates keep, so `sum / n` here equals the aggregate read.
 */
export function factorScores(
  rows: readonly { factor: string; score: number | null }[],
): { factor: string; score: number | null; n: number }[] {
  const acc = new Map<string, { sum: number; n: number }>();
  for (const r of rows) {
    const a = acc.get(r.factor) ?? { sum: 0, n: 0 };
    if (r.score !== null) {
      a.sum += r.score;
      a.n += 1;
    }
    acc.set(r.factor, a);
  }
  return [...acc].map(([factor, a]) => ({ factor, score: a.n > 0 ? round2(a.sum / a.n) : null, n: a.n }));
}

export interface CaseOutcome {
  /** Second-callback loops needed (1 = satisfied after the first department reply). */
  loops: number;
  closedAt: Date | null;
  openedAt: Date;
}

/**
 * First-time resolution of dissatisfaction cases (SPEC §4.7 WF-7 (D)): closed cases that closed in their
 * first loop / closed cases. Open cases are not counted either way.
 */
export function firstTimeResolution(cases: readonly CaseOutcome[]): number | null {
  const closed = cases.filter((c) => c.closedAt !== null);
  return ratio(closed.filter((c) => c.loops <= 1).length, closed.length);
}

/** Closure time of dissatisfaction cases in hours: mean and median over closed cases. */
export function closureHours(cases: readonly CaseOutcome[]): { mean: number | null; median: number | null } {
  const hours = cases
    .filter((c) => c.closedAt !== null)
    .map((c) => ((c.closedAt as Date).getTime() - c.openedAt.getTime()) / 3_600_000)
    .sort((a, b) => a - b);
  if (hours.length === 0) return { mean: null, median: null };
  const mid = Math.floor(hours.length / 2);
  const median = hours.length % 2 ? (hours[mid] as number) : ((hours[mid - 1] as number) + (hours[mid] as number)) / 2;
  return { mean: round2(hours.reduce((a, b) => a + b, 0) / hours.length), median: round2(median) };
}

/** Overdue count (SPEC §8.4): items past their due time and not done at `now`. */
export function overdueCount(items: readonly { dueAt: Date | null; doneAt: Date | null }[], now: Date): number {
  return items.filter((i) => i.dueAt !== null && i.doneAt === null && i.dueAt.getTime() < now.getTime()).length;
}

/** Half away from zero, to 2 decimals (the numeric(5,2) of scores). */
export function round2(x: number): number {
  return (Math.sign(x) * Math.round(Math.abs(x) * 100 + 1e-9)) / 100;
}
