/**
 * Comparisons against other dealers (SPEC §5.4–§5.6): the mystery-shopper score rate and its pay
 * multiplier, the position of a dealer's score against the regional and national averages, and the
 * national rank. Averages and ranks are computed in Manyi from every dealer's score (SPEC §5.5 (D)).
 */
import { round2 } from './kpis';

/**
 * 经销店得分率 (SPEC §5.4, 003 §八): "经销店所有得分的考核点数量 / (经销店所有得分考核点数量 [+] 所有失分考核点数量)",
 * on a 0–100 scale.
 */
export function mysteryShopperScoreRate(scoredCheckpoints: number, lostCheckpoints: number): number | null {
  const total = scoredCheckpoints + lostCheckpoints;
  return total > 0 ? round2((scoredCheckpoints / total) * 100) : null;
}

/** One band: rates up to and including `upTo` (upper-inclusive, C15) get `multiplier`; null = no cap. */
export interface PayBand {
  upTo: number | null;
  multiplier: number;
}
/**
 * SPEC §5.4 table (upper-inclusive default, C15): ≤ 60 → performance pay cancelled (×0); (60,70] → ×0.6;
 * (70,75] → ×0.7; (75,80] → ×0.8; (80,85] → ×0.9; > 85 → normal pay (×1).
 */
export const PAY_BANDS_PRESET: readonly PayBand[] = [
  { upTo: 60, multiplier: 0 },
  { upTo: 70, multiplier: 0.6 },
  { upTo: 75, multiplier: 0.7 },
  { upTo: 80, multiplier: 0.8 },
  { upTo: 85, multiplier: 0.9 },
  { upTo: null, multiplier: 1 },
];

/** The performance-pay multiplier for a score rate, from bands ordered by `upTo` ascending. */
export function payMultiplier(rate: number, bands: readonly PayBand[] = PAY_BANDS_PRESET): number {
  const band = bands.find((b) => b.upTo === null || rate <= b.upTo + 1e-9);
  return band ? band.multiplier : 1;
}

export type AveragePosition = 'above_both' | 'below_one' | 'below_both';
/** C14: a score exactly equal to an average is not covered by the source; CONFIG, default "not below". */
export type EqualPolicy = 'counts_as_above' | 'counts_as_below';

/**
 * SPEC §5.5 (003 §六): the dealer's monthly phone-survey result against the regional average (区域平均分) and
 * the national average (全国平均分): above both → reward; below either → penalty; below both (CR roles).
 */
export function averagePosition(
  own: number,
  regional: number,
  national: number,
  equal: EqualPolicy = 'counts_as_above',
): AveragePosition {
  const below = (avg: number) => (Math.abs(own - avg) < 1e-9 ? equal === 'counts_as_below' : own < avg);
  const n = Number(below(regional)) + Number(below(national));
  return n === 0 ? 'above_both' : n === 1 ? 'below_one' : 'below_both';
}

/** Mean of the dealers' scores that exist (each dealer weighs the same), 2 decimals. */
export function averageOf(scores: readonly (number | null)[]): number | null {
  const xs = scores.filter((s): s is number => s !== null);
  return xs.length > 0 ? round2(xs.reduce((a, b) => a + b, 0) / xs.length) : null;
}

/**
 * Competition ranking (1, 2, 2, 4) by score, highest first; dealers without a score are unranked. Used for
 * the national top 50 / 30 / 20 rewards of SPEC §5.6.
 */
export function rankDealers<T extends { score: number | null }>(rows: readonly T[]): (T & { rank: number | null })[] {
  const sorted = rows.filter((r) => r.score !== null).sort((a, b) => (b.score as number) - (a.score as number));
  const rankOf = new Map<T, number>();
  sorted.forEach((r, i) => {
    const prev = sorted[i - 1];
    rankOf.set(r, prev && prev.score === r.score ? (rankOf.get(prev) as number) : i + 1);
  });
  return rows.map((r) => ({ ...r, rank: rankOf.get(r) ?? null }));
}

/** SPEC §5.6: the best national-rank tier reached (top 20 ⊂ top 30 ⊂ top 50), or null. */
export function rankTier(rank: number | null, tiers: readonly number[] = [20, 30, 50]): number | null {
  if (rank === null) return null;
  return [...tiers].sort((a, b) => a - b).find((t) => rank <= t) ?? null;
}

/**
 * SPEC §5.6 注 (003 §七): "以最高项为奖励金额" — a person who meets several assessment items gets only the
 * highest reward amount, not the sum.
 */
export function nonCumulativeReward(amounts: readonly number[]): number {
  return amounts.length > 0 ? Math.max(...amounts) : 0;
}
