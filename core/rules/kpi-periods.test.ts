import { describe, expect, it } from 'vitest';
import { daysBetween, defaultRange, periodEnd, periodStart } from './kpi-periods';

/** Issue 7: KPIs "per day, week, month, quarter" in the dealer's local calendar; weeks start on Monday. */
describe('KPI periods', () => {
  it.each([
    ['2026-03-18', 'day', '2026-03-18', '2026-03-18'],
    ['2026-03-18', 'week', '2026-03-16', '2026-03-22'], // Wednesday → Monday
    ['2026-03-22', 'week', '2026-03-16', '2026-03-22'], // Sunday belongs to the week before
    ['2026-01-01', 'week', '2025-12-29', '2026-01-04'], // weeks cross the year
    ['2026-02-28', 'month', '2026-02-01', '2026-02-28'],
    ['2028-02-10', 'month', '2028-02-01', '2028-02-29'], // leap year
    ['2026-05-31', 'quarter', '2026-04-01', '2026-06-30'],
    ['2026-12-31', 'quarter', '2026-10-01', '2026-12-31'],
  ] as const)('%s by %s starts %s and ends %s', (day, g, start, end) => {
    expect(periodStart(day, g)).toBe(start);
    expect(periodEnd(start, g)).toBe(end);
  });

  it('lists days inclusively and defaults to three calendar months', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(defaultRange('2026-03-18')).toEqual({ from: '2026-01-01', to: '2026-03-18' });
    expect(() => periodStart('nope', 'day')).toThrow();
  });
});
