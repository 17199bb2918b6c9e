import { describe, expect, it } from 'vitest';
import {
  averageOf,
  averagePosition,
  mysteryShopperScoreRate,
  nonCumulativeReward,
  payMultiplier,
  rankDealers,
  rankTier,
} from './benchmarks';
import {
  callbackCoverage,
  closureHours,
  factorScores,
  firstTimeResolution,
  meetsSatisfactionTarget,
  overdueCount,
  repairCallbackRate,
  salesCallbackRate,
  satisfactionRate,
  satisfactionScore,
  thresholdsOn,
  validity,
  KPI_THRESHOLD_PRESET,
  type ThresholdVersion,
} from './kpis';

/**
 * Fixture month: SH001, October 2026, computed by hand.
 * After-sales: 412 repair orders settled and picked up; 12 marked 不回访 (internal vehicles, customer opted
 * out); 20 duplicates (same VIN twice in the month). Phone callbacks due: 380. Successful: 342.
 *   repair rate = 342 / (412 − 12 − 20) = 342 / 380 = 0.9
 *   coverage    = 342 / 380 = 0.9
 * Sales: 96 units sold, 6 of them to other dealers; 81 successful sales callbacks.
 *   sales rate  = 81 / (96 − 6) = 81 / 90 = 0.9
 * Validity (P-SGM): due 380, callback successes 342 → 0.9 ≥ 0.5; surveys completed 200 → 200/342 ≈ 0.5848 < 0.6
 *   → survey validity missed, the month is flagged invalid.
 */
describe('SPEC §5.1 callback rates (fixture month)', () => {
  it('repair phone-callback rate excludes 不回访台次 and 重复台次', () => {
    const r = repairCallbackRate({
      successfulPhoneCallbacks: 342,
      completedVisits: 412,
      noCallbackVisits: 12,
      duplicateVisits: 20,
    });
    expect(r).toBeCloseTo(0.9, 10);
  });
  it('sales phone-callback rate excludes units sold to dealers', () => {
    expect(salesCallbackRate({ successfulPhoneCallbacks: 81, unitsSold: 96, unitsSoldToDealers: 6 })).toBeCloseTo(0.9);
  });
  it('coverage = successes / due; no due callbacks means no rate, not 0 % or 100 %', () => {
    expect(callbackCoverage(342, 380)).toBeCloseTo(0.9);
    expect(callbackCoverage(0, 0)).toBeNull();
    expect(
      repairCallbackRate({ successfulPhoneCallbacks: 0, completedVisits: 5, noCallbackVisits: 5, duplicateVisits: 0 }),
    ).toBeNull();
  });
});

describe('SPEC §5.2 validity thresholds', () => {
  it('flags the fixture month invalid on survey validity', () => {
    const v = validity({ callbacksDue: 380, callbackSuccesses: 342, surveySuccesses: 200 }, KPI_THRESHOLD_PRESET);
    expect(v.callbackValidity).toBeCloseTo(0.9);
    expect(v.surveyValidity).toBeCloseTo(200 / 342);
    expect(v).toMatchObject({ callbackValid: true, surveyValid: false, monthValid: false });
  });
  it.each([
    // [due, callback successes, surveys, inclusive, callbackValid, surveyValid]
    [100, 50, 30, true, true, true], // exactly 50 % and 60 %: "以上" includes the number (C24 default)
    [100, 50, 30, false, false, false], // the strict reading
    [100, 49, 49, true, false, true],
    [0, 0, 0, true, false, false], // no data is not "valid"
  ])('due %i, success %i, surveys %i, inclusive %s', (due, ok, surveys, inclusive, cb, sv) => {
    const v = validity(
      { callbacksDue: due, callbackSuccesses: ok, surveySuccesses: surveys },
      { callback: 0.5, survey: 0.6, inclusive },
    );
    expect([v.callbackValid, v.surveyValid, v.monthValid]).toEqual([cb, sv, cb && sv]);
  });
  it("a dealer's own minimums change the verdict: the fixture month is valid at a 55 % survey minimum", () => {
    const c = { callbacksDue: 380, callbackSuccesses: 342, surveySuccesses: 200 };
    expect(validity(c, { callback: 0.5, survey: 0.55, inclusive: true }).monthValid).toBe(true);
    expect(validity(c, { callback: 0.95, survey: 0.55, inclusive: true })).toMatchObject({
      callbackValid: false,
      monthValid: false,
    });
  });
});

describe('versioned thresholds (SPEC §5.2/§5.3 CONFIG)', () => {
  const v = (versionNo: number, effectiveFrom: string, survey: number): ThresholdVersion => ({
    versionNo,
    effectiveFrom,
    thresholds: { ...KPI_THRESHOLD_PRESET, survey },
  });
  const versions = [
    v(1, '2026-03-01', 0.55),
    v(2, '2026-06-01', 0.65),
    v(3, '2026-06-01', 0.7),
    v(4, '2027-01-01', 0.8),
  ];
  it.each([
    ['2026-02-28', null, 0.6], // before any version: the SPEC preset
    ['2026-03-01', 1, 0.55], // from the effective date itself
    ['2026-05-31', 1, 0.55],
    ['2026-06-01', 3, 0.7], // two versions on one date: the later version wins
    ['2026-12-31', 3, 0.7], // a future version is not in force yet
    ['2027-01-01', 4, 0.8],
  ])('on %s: version %s, survey minimum %s', (day, versionNo, survey) => {
    const t = thresholdsOn(versions, day);
    expect(t.versionNo).toBe(versionNo);
    expect(t.thresholds.survey).toBe(survey);
  });
  it('the preset is the SPEC: 50 % and 60 %, inclusive (C24), target > 90', () => {
    expect(KPI_THRESHOLD_PRESET).toEqual({ callback: 0.5, survey: 0.6, inclusive: true, target: 90 });
  });
});

describe('SPEC §5.3 satisfaction target and scores', () => {
  it('> 90 is strictly greater', () => {
    expect(meetsSatisfactionTarget(90, 90)).toBe(false);
    expect(meetsSatisfactionTarget(90.01, 90)).toBe(true);
    expect(meetsSatisfactionTarget(null, 90)).toBe(false);
    expect(meetsSatisfactionTarget(86, 85)).toBe(true);
  });
  it('mean score ignores unscored responses; satisfaction rate ignores unknown flags', () => {
    expect(satisfactionScore([100, 80, null, 91])).toBe(90.33);
    expect(satisfactionScore([])).toBeNull();
    expect(satisfactionRate([true, true, false, null])).toBeCloseTo(2 / 3);
  });
  it('factor scores: mean of responses per factor', () => {
    const rows = [
      { factor: 'service_advisor', score: 100 },
      { factor: 'service_advisor', score: 80 },
      { factor: 'repair_quality', score: 75 },
      { factor: 'repair_quality', score: null },
      { factor: 'facility', score: null },
    ];
    expect(factorScores(rows)).toEqual([
      { factor: 'service_advisor', score: 90, n: 2 },
      { factor: 'repair_quality', score: 75, n: 1 },
      { factor: 'facility', score: null, n: 0 },
    ]);
  });
});

describe('dissatisfaction cases: first-time resolution, closure time, overdue', () => {
  const t = (h: number) => new Date(Date.UTC(2026, 9, 1, h));
  const cases = [
    { loops: 1, openedAt: t(0), closedAt: t(10) },
    { loops: 2, openedAt: t(0), closedAt: t(30) },
    { loops: 1, openedAt: t(0), closedAt: t(20) },
    { loops: 1, openedAt: t(0), closedAt: null },
  ];
  it('first-time resolution counts closed cases only', () => {
    expect(firstTimeResolution(cases)).toBeCloseTo(2 / 3);
    expect(firstTimeResolution([])).toBeNull();
  });
  it('closure hours: mean 20, median 20', () => {
    expect(closureHours(cases)).toEqual({ mean: 20, median: 20 });
    expect(closureHours(cases.slice(0, 2))).toEqual({ mean: 20, median: 20 });
    expect(closureHours([])).toEqual({ mean: null, median: null });
  });
  it('overdue: due before now and not done', () => {
    const now = t(12);
    const items = [
      { dueAt: t(11), doneAt: null },
      { dueAt: t(11), doneAt: t(10) },
      { dueAt: t(13), doneAt: null },
      { dueAt: null, doneAt: null },
    ];
    expect(overdueCount(items, now)).toBe(1);
  });
});

describe('SPEC §5.4 mystery shopper', () => {
  it('score rate = scored / (scored + lost) on 0–100', () => {
    expect(mysteryShopperScoreRate(68, 12)).toBe(85);
    expect(mysteryShopperScoreRate(0, 0)).toBeNull();
  });
  it.each([
    [59.99, 0],
    [60, 0], // "60以下" with the upper-inclusive default (C15)
    [60.01, 0.6],
    [70, 0.6],
    [75, 0.7],
    [80, 0.8],
    [85, 0.9], // "80–85 (含85)"
    [85.01, 1],
    [100, 1],
  ])('rate %d → multiplier %d', (rate, m) => {
    expect(payMultiplier(rate)).toBe(m);
  });
});

describe('SPEC §5.5–§5.6 averages, positions and ranks', () => {
  it('position against regional and national averages (C14 equal policy is configurable)', () => {
    expect(averagePosition(92, 90, 91)).toBe('above_both');
    expect(averagePosition(90.5, 90, 91)).toBe('below_one');
    expect(averagePosition(89, 90, 91)).toBe('below_both');
    expect(averagePosition(90, 90, 89)).toBe('above_both');
    expect(averagePosition(90, 90, 89, 'counts_as_below')).toBe('below_one');
  });
  it('averages weigh each dealer once and skip dealers without a score', () => {
    expect(averageOf([90, 80, null, 85])).toBe(85);
    expect(averageOf([null])).toBeNull();
  });
  it('competition ranking and tiers', () => {
    const ranked = rankDealers([
      { code: 'A', score: 90 },
      { code: 'B', score: 95 },
      { code: 'C', score: 90 },
      { code: 'D', score: null },
      { code: 'E', score: 80 },
    ]);
    expect(ranked.map((r) => [r.code, r.rank])).toEqual([
      ['A', 2],
      ['B', 1],
      ['C', 2],
      ['D', null],
      ['E', 4],
    ]);
    expect([rankTier(15), rankTier(20), rankTier(21), rankTier(50), rankTier(51), rankTier(null)]).toEqual([
      20,
      20,
      30,
      50,
      null,
      null,
    ]);
  });
  it('several items met → only the highest reward (非累计)', () => {
    expect(nonCumulativeReward([200, 500, 300])).toBe(500);
    expect(nonCumulativeReward([])).toBe(0);
  });
});
