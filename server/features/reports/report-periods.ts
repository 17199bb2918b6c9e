import type { ReportKind } from '../../../core/contracts/reports';
import { AppError } from '../../http/errors';

/**
 * Report periods in the dealer's local calendar: a day (2026-11-23), a month (2026-11) or a quarter (2026-Q4), as
 * local days [start, end). The monthly report is due before the CONFIG day of the next month (SPEC §4.15: "before
 * the 10th", a calendar date): due at local midnight starting that day.
 */
export interface ReportPeriod {
  period: string;
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => {
  const t = new Date(Date.UTC(y, m - 1, d));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
};

export const isDaily = (k: ReportKind) => k === 'daily_aftersales' || k === 'daily_sales';
export const isMonthly = (k: ReportKind) => k === 'monthly_sales' || k === 'monthly_aftersales';

export function periodOf(kind: ReportKind, period: string): ReportPeriod {
  const bad = () => new AppError('VALIDATION_FAILED', `period ${period} does not fit the report ${kind}`);
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(period);
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (isDaily(kind) && day) {
    const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
    if (ymd(y, m, d) !== period) throw bad();
    return { period, start: period, end: ymd(y, m, d + 1) };
  }
  if (isMonthly(kind) && month) {
    const [y, m] = [Number(month[1]), Number(month[2])];
    if (m < 1 || m > 12) throw bad();
    return { period, start: ymd(y, m, 1), end: ymd(y, m + 1, 1) };
  }
  if (kind === 'quarterly_complaints' && quarter) {
    const [y, q] = [Number(quarter[1]), Number(quarter[2])];
    return { period, start: ymd(y, q * 3 - 2, 1), end: ymd(y, q * 3 + 1, 1) };
  }
  throw bad();
}

/** The instant a local wall-clock time happens in a time zone (no DST in China; correct for fixed offsets). */
export function localInstant(day: string, time: string, timeZone: string): Date {
  const guess = new Date(`${day}T${time}:00Z`);
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(guess);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  const shown = new Date(`${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:00Z`);
  return new Date(guess.getTime() - (shown.getTime() - guess.getTime()));
}

export function localDate(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The monthly report's due time: local midnight at the start of `dueDay` of the month after the period. */
export function monthlyDueAt(p: ReportPeriod, dueDay: number, timeZone: string): Date {
  return localInstant(`${p.end.slice(0, 8)}${pad(dueDay)}`, '00:00', timeZone);
}

/** The previous period of a kind at `today` (local): yesterday, last month, last quarter. */
export function previousPeriod(kind: ReportKind, today: string): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  if (isDaily(kind)) return ymd(y, m, d - 1);
  if (isMonthly(kind)) return ymd(y, m - 1, 1).slice(0, 7);
  const q = Math.floor((m - 1) / 3); // current quarter index 0..3
  return q === 0 ? `${y - 1}-Q4` : `${y}-Q${q}`;
}
