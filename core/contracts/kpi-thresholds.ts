import { z } from 'zod';

/**
 * KPI thresholds, per dealer and versioned (SPEC §5.2, §5.3, C24 — CONFIG): the validity minimums as fractions
 * (0.5 = "50%以上"), whether "以上" includes the number itself, and the satisfaction target on the 100-point scale
 * (the score must be strictly greater). A version applies from its effective date (dealer-local day); a KPI period
 * is judged by the version in force on its first day.
 */
const decimals = (n: number) => (v: number) => Math.abs(v * 10 ** n - Math.round(v * 10 ** n)) < 1e-6;
const Fraction = z
  .number()
  .gt(0, 'must be above 0 %')
  .max(1, 'must be at most 100 %')
  .refine(decimals(4), 'at most two decimals as a percentage');

export const KpiThresholds = z.object({
  /** 回访成功数 / 应回访数 must reach this ("50%以上"). */
  callback: Fraction,
  /** 满意度调查成功量 / 回访成功量 must reach this ("60%以上"). */
  survey: Fraction,
  /** C24: true = "以上" includes the number (≥, the PRC drafting convention); false = strictly above. */
  inclusive: z.boolean(),
  /** Satisfaction target: the score must be strictly greater (SPEC §5.3: "> 90"). */
  target: z
    .number()
    .gt(0, 'must be above 0')
    .lt(100, 'must be below 100 (the score must exceed it)')
    .refine(decimals(2), 'at most two decimals'),
});
export type KpiThresholds = z.infer<typeof KpiThresholds>;

export const ThresholdSet = z.object({
  id: z.uuid(),
  versionNo: z.number().int(),
  effectiveFrom: z.string(),
  thresholds: KpiThresholds,
  note: z.string(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export type ThresholdSet = z.infer<typeof ThresholdSet>;

export const KpiThresholdsOverview = z.object({
  /** The version in force today; versionNo null = the SPEC preset (the dealer has saved none in force yet). */
  current: z.object({
    versionNo: z.number().int().nullable(),
    effectiveFrom: z.string().nullable(),
    thresholds: KpiThresholds,
  }),
  /** Every saved version, the latest effective date first (future ones included). */
  versions: z.array(ThresholdSet),
  preset: KpiThresholds,
  /** The earliest effective date a new version may take: the first day of the current local month. */
  earliestEffectiveFrom: z.string(),
});
export type KpiThresholdsOverview = z.infer<typeof KpiThresholdsOverview>;

export const PutKpiThresholdsRequest = KpiThresholds.extend({
  effectiveFrom: z.iso.date(),
  note: z.string().trim().max(300).default(''),
}).strict();
export type PutKpiThresholdsRequest = z.infer<typeof PutKpiThresholdsRequest>;
