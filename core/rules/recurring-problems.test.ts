import { describe, expect, it } from 'vitest';
import { rankRecurringProblems, type ProblemCount } from './recurring-problems';

const c = (dimension: ProblemCount['dimension'], key: string, count: number): ProblemCount => ({
  dimension,
  key,
  label: key,
  count,
});

describe('rankRecurringProblems (SPEC §4.15 step 4–5: recurring problems raised with the responsible department)', () => {
  const cases: { name: string; input: ProblemCount[]; min?: number; expected: [string, string, number, number][] }[] = [
    {
      name: 'a problem seen once in the month is not recurring (preset: at least twice)',
      input: [c('reason', 'wait', 1), c('reason', 'price', 3)],
      expected: [['reason', 'price', 3, 0.75]],
    },
    {
      name: 'most frequent first; share is within the same dimension',
      input: [c('reason', 'wait', 2), c('reason', 'price', 4), c('department', 'after_sales', 5)],
      expected: [
        ['department', 'after_sales', 5, 1],
        ['reason', 'price', 4, 0.6667],
        ['reason', 'wait', 2, 0.3333],
      ],
    },
    {
      name: 'counts of the same key are added (e.g. on-site and phone rows)',
      input: [c('advisor', 'zhang', 1), c('advisor', 'zhang', 1), c('advisor', 'li', 1)],
      expected: [['advisor', 'zhang', 2, 0.6667]],
    },
    {
      name: 'blank keys and zero counts are ignored; CONFIG minimum of 3',
      input: [c('category', '', 9), c('category', 'a', 0), c('category', 'b', 3), c('category', 'c', 2)],
      min: 3,
      expected: [['category', 'b', 3, 0.6]],
    },
    {
      name: 'ties: higher share, then dimension order, then key',
      input: [c('advisor', 'x', 2), c('reason', 'r', 2), c('reason', 's', 2), c('department', 'sales', 2)],
      expected: [
        ['department', 'sales', 2, 1],
        ['advisor', 'x', 2, 1],
        ['reason', 'r', 2, 0.5],
        ['reason', 's', 2, 0.5],
      ],
    },
  ];
  for (const t of cases)
    it(t.name, () => {
      const out = rankRecurringProblems(t.input, t.min);
      expect(out.map((p) => [p.dimension, p.key, p.count, p.share])).toEqual(t.expected);
      expect(out.map((p) => p.rank)).toEqual(out.map((_, i) => i + 1));
    });
});
