import type { Answer, Question, VersionContent } from '../contracts/questionnaire-content';
import { answerMap, isBelowSatisfied, isShown, ratingRaw } from './answers';

/**
 * The 0–100 score of one survey response (调查结果 总分, SPEC §3.8) and its per-factor scores.
 * SPEC §1.5 / 004[D] 五.2.2: "the full score is set to 100 points"; SPEC §5.3: "the method for turning
 * answers into points is not given (CONFIG: per-question weights and level scores)". The method (D), also
 * in docs/scoring.md with worked examples:
 *
 * 1. Item score s(q) ∈ [0, 100] for each *scored* question answered while shown:
 *    - rating on levels:  s = points(chosen level) / max points of the scale × 100
 *    - rating on a range: s = value / max × 100            (0–10: 7 → 70; 1–100: 85 → 85)
 *    - yes/no:            s = 100 for the good answer, 0 for the other (`yesIsGood`)
 *    - single choice whose every option has points: s = points(option) / max option points × 100
 *    Multiple choice, free text, date and reason questions are never scored; neither is a question with
 *    weight 0. "Not applicable", unanswered and skipped questions are left out (not counted as 0).
 * 2. Factor score F(f) = Σ w(q)·s(q) / Σ w(q) over the scored questions of factor f (w = question weight).
 * 3. Total = Σ W(f)·F(f) / Σ W(f) over the factors that have a score and a weight W(f) > 0. When the
 *    version maps no question to a factor, every scored question is in one implicit group and the total
 *    is Σ w(q)·s(q) / Σ w(q). Factor weights are relative: they need not add up to 100.
 * 4. Scores are rounded half away from zero to 2 decimals (numeric(5,2)); no answer to score → null.
 *
 * `dissatisfied` lists the answers below the satisfied level (the reason follow-up's trigger).
 */
export interface ScoreResult {
  score: number | null;
  factors: { code: string; score: number | null; weight: number; items: number }[];
  items: { question: string; score: number }[];
  dissatisfied: string[];
}

/** s(q) of step 1, or null when the question is not scored or the answer does not count. */
export function itemScore(q: Question, a: Answer | undefined): number | null {
  if (!a || a.na || a.value === null || q.weight <= 0) return null;
  if (q.type === 'rating' && q.scale) {
    const raw = ratingRaw(q, a);
    if (raw === null) return null;
    const max = q.scale.kind === 'levels' ? Math.max(...q.scale.levels.map((l) => l.points)) : q.scale.max;
    return max > 0 ? clamp((raw / max) * 100) : null;
  }
  if (q.type === 'yes_no' && typeof a.value === 'boolean') return a.value === q.yesIsGood ? 100 : 0;
  if (q.type === 'single' && q.options.length > 0 && q.options.every((o) => o.points !== null)) {
    const chosen = q.options.find((o) => o.key === a.value);
    const max = Math.max(...q.options.map((o) => o.points ?? 0));
    return chosen && max > 0 ? clamp(((chosen.points ?? 0) / max) * 100) : null;
  }
  return null;
}

const clamp = (x: number) => Math.min(100, Math.max(0, x));

/** Half away from zero, to 2 decimals, robust to binary representation (x.xx5). */
export function round2(x: number): number {
  return (Math.sign(x) * Math.round(Math.abs(x) * 100 + 1e-9)) / 100;
}

function weightedMean(pairs: readonly { w: number; s: number }[]): number | null {
  const sw = pairs.reduce((t, p) => t + p.w, 0);
  return sw > 0 ? pairs.reduce((t, p) => t + p.w * p.s, 0) / sw : null;
}

export function scoreResponse(content: VersionContent, answers: readonly Answer[]): ScoreResult {
  const map = answerMap(answers);
  const scored: { q: Question; s: number }[] = [];
  const dissatisfied: string[] = [];
  for (const q of content.questions) {
    if (!isShown(content, q, map)) continue;
    const a = map.get(q.key);
    if (q.type === 'rating' && isBelowSatisfied(q, a)) dissatisfied.push(q.key);
    const s = itemScore(q, a);
    if (s !== null) scored.push({ q, s });
  }
  const items = scored.map(({ q, s }) => ({ question: q.key, score: round2(s) }));
  const usesFactors = content.questions.some((q) => q.factor !== null);
  if (!usesFactors) {
    const total = weightedMean(scored.map(({ q, s }) => ({ w: q.weight, s })));
    return { score: total === null ? null : round2(total), factors: [], items, dissatisfied };
  }
  return { ...factorTotals(content, scored), items, dissatisfied };
}

/** Steps 2 and 3 when the version maps questions to factors. */
function factorTotals(content: VersionContent, scored: readonly { q: Question; s: number }[]) {
  const factors = content.factors.map((f) => {
    const mine = scored.filter(({ q }) => q.factor === f.code);
    const exact = weightedMean(mine.map(({ q, s }) => ({ w: q.weight, s })));
    return { code: f.code, weight: f.weight, items: mine.length, exact };
  });
  const counted = factors.filter((f) => f.exact !== null && f.weight > 0);
  const total = weightedMean(counted.map((f) => ({ w: f.weight, s: f.exact as number })));
  return {
    score: total === null ? null : round2(total),
    factors: factors.map(({ exact, ...f }) => ({ ...f, score: exact === null ? null : round2(exact) })),
  };
}
