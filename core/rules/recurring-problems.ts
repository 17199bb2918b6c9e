/**
 * Recurring problems (规律性问题, SPEC §4.15 steps 4–5, §4.16): the same reason, category, department or advisor
 * showing up again and again across the month. The monthly report ranks them so the CS supervisor can raise them
 * with the responsible department, whose head takes corrective and preventive actions (CAPA).
 */
export const PROBLEM_DIMENSIONS = ['reason', 'category', 'department', 'advisor'] as const;
export type ProblemDimension = (typeof PROBLEM_DIMENSIONS)[number];

/** One occurrence count of a key in a dimension, e.g. reason "waiting_time" dissatisfied 5 times. */
export interface ProblemCount {
  dimension: ProblemDimension;
  key: string;
  label: string;
  count: number;
}

export interface RecurringProblem extends ProblemCount {
  /** count ÷ all occurrences of the same dimension in the month, rounded to 4 places. */
  share: number;
  rank: number;
}

/** CONFIG: how often a key must occur in the month to count as recurring (preset: at least twice). */
export const RECURRING_MIN_COUNT_PRESET = 2;

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * Ranks the recurring problems: keys occurring at least `minCount` times (counts of the same dimension and key
 * are added first), most frequent first, ties by share then dimension order then key. Blank keys are ignored.
 */
export function rankRecurringProblems(
  counts: ProblemCount[],
  minCount = RECURRING_MIN_COUNT_PRESET,
): RecurringProblem[] {
  const merged = new Map<string, ProblemCount>();
  const totals = new Map<ProblemDimension, number>();
  for (const c of counts) {
    if (!c.key || c.count <= 0) continue;
    const id = `${c.dimension}|${c.key}`;
    const prev = merged.get(id);
    merged.set(id, prev ? { ...prev, count: prev.count + c.count } : { ...c });
    totals.set(c.dimension, (totals.get(c.dimension) ?? 0) + c.count);
  }
  const order = (d: ProblemDimension) => PROBLEM_DIMENSIONS.indexOf(d);
  return [...merged.values()]
    .filter((c) => c.count >= Math.max(1, minCount))
    .map((c) => ({ ...c, share: round4(c.count / (totals.get(c.dimension) ?? c.count)), rank: 0 }))
    .sort(
      (a, b) =>
        b.count - a.count || b.share - a.share || order(a.dimension) - order(b.dimension) || a.key.localeCompare(b.key),
    )
    .map((c, i) => ({ ...c, rank: i + 1 }));
}
