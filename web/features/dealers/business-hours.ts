import type { TFunction } from 'i18next';
import type { BusinessHours } from '../../../core/contracts/org';

type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

function isWeekday(n: number): n is Weekday {
  return Number.isInteger(n) && n >= 1 && n <= 7;
}

/** Consecutive ISO weekdays as runs: [1,2,3,5] → [[1,3],[5,5]]. */
export function weekdayRuns(days: readonly number[]): Array<[Weekday, Weekday]> {
  const sorted = [...new Set(days)].filter(isWeekday).sort((a, b) => a - b);
  const runs: Array<[Weekday, Weekday]> = [];
  for (const day of sorted) {
    const last = runs[runs.length - 1];
    if (last && day === last[1] + 1) last[1] = day;
    else runs.push([day, day]);
  }
  return runs;
}

/** "周一–周五 08:30–17:30" in the UI language. */
export function formatBusinessHours(t: TFunction, hours: BusinessHours): string {
  const runs = weekdayRuns(hours.days);
  if (runs.length === 0) return t('dealers.closed');
  const name = (d: Weekday) => t(`dealers.weekdays.${WEEKDAY_KEYS[d - 1] ?? 'mon'}`);
  const days = runs.map(([a, b]) => (a === b ? name(a) : `${name(a)}–${name(b)}`)).join(', ');
  return `${days} ${hours.open}–${hours.close}`;
}
