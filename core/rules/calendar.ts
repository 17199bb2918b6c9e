/**
 * Working-day calendar (工作日历) and the one deadline function (SPEC §4.1 "All deadlines shall be enforced by a
 * timer service … 'Working day (工作日)' uses a per-dealer working calendar (CONFIG). Times use the dealer's
 * local time zone", §4.7, §8.4, §9.2 C5/C8).
 *
 * A day is a working day when, in this order:
 *  1. the dealer has an override for that date (`working` true/false) — it wins;
 *  2. the mainland-China statutory data of the `chinese-days` library says it is a holiday (false) or a
 *     make-up working day, 调休 (true);
 *  3. otherwise Monday–Friday (also for years the library has no data for yet — add overrides for them).
 *
 * Pure: no clock, no I/O. Dates are computed as calendar dates (UTC arithmetic on Y-M-D, never the host's
 * zone); instants are converted with Intl in the calendar's time zone (Asia/Shanghai by default).
 */
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

export type DayOverride = { date: string /* YYYY-MM-DD */; working: boolean; note?: string };
/** Working hours of a working day, local time; `end` after `start`. */
export type BusinessHours = { start: string /* 'HH:MM' */; end: string /* 'HH:MM' */ };

export type WorkCalendar = {
  readonly timeZone: string;
  readonly hours: BusinessHours;
  readonly overrides: ReadonlyMap<string, DayOverride>;
  /** Working minutes of a day boundary, in ms after local midnight. */
  readonly openMs: number;
  readonly closeMs: number;
};

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
/** The dealers table's default opening hours (migration 0001). */
export const DEFAULT_HOURS: BusinessHours = { start: '08:30', end: '17:30' };

const HOLIDAYS: Readonly<Record<string, string>> = chineseDays.holidays;
const MAKEUP_DAYS: Readonly<Record<string, string>> = chineseDays.workdays;
const DATA_YEARS = Object.keys(HOLIDAYS).map((d) => Number(d.slice(0, 4)));
/** Years for which the library has statutory data (later years fall back to Monday–Friday). */
export const STATUTORY_DATA_YEARS = { first: Math.min(...DATA_YEARS), last: Math.max(...DATA_YEARS) };

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;
const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAY_MS = 86_400_000;
/** Safety bound for day walks: ten years of consecutive non-working days is a configuration error. */
const MAX_WALK_DAYS = 3660;

function parseYmd(ymd: string): number {
  const m = YMD.exec(ymd);
  const t = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== ymd) {
    throw new RangeError(`not a calendar date (YYYY-MM-DD): ${ymd}`);
  }
  return t;
}

const ymdOf = (utcMidnight: number) => new Date(utcMidnight).toISOString().slice(0, 10);

/** `'17:00'` → ms after local midnight. */
export function parseHhmm(hhmm: string): number {
  const m = HHMM.exec(hhmm);
  if (!m) throw new RangeError(`not a time (HH:MM): ${hhmm}`);
  return (Number(m[1]) * 60 + Number(m[2])) * 60_000;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function makeCalendar(opts: {
  timeZone: string;
  overrides?: DayOverride[];
  hours?: BusinessHours;
}): WorkCalendar {
  formatterFor(opts.timeZone); // throws RangeError for an unknown zone
  const hours = opts.hours ?? DEFAULT_HOURS;
  const openMs = parseHhmm(hours.start);
  const closeMs = parseHhmm(hours.end);
  if (closeMs <= openMs) throw new RangeError(`business hours end before they start: ${hours.start}–${hours.end}`);
  const overrides = new Map<string, DayOverride>();
  for (const o of opts.overrides ?? []) {
    parseYmd(o.date);
    overrides.set(o.date, o);
  }
  return { timeZone: opts.timeZone, hours, overrides, openMs, closeMs };
}

/** Why a day is (not) a working day, for previews: 'override' | 'holiday' | 'makeup' | 'weekend' | 'weekday'. */
export function dayKind(cal: WorkCalendar, ymd: string): 'override' | 'holiday' | 'makeup' | 'weekend' | 'weekday' {
  const weekday = new Date(parseYmd(ymd)).getUTCDay();
  if (cal.overrides.has(ymd)) return 'override';
  if (ymd in HOLIDAYS) return 'holiday';
  if (ymd in MAKEUP_DAYS) return 'makeup';
  return weekday === 0 || weekday === 6 ? 'weekend' : 'weekday';
}

/** Name of the statutory holiday or make-up day (Chinese), if any: '春节', '国庆节' … */
export function statutoryName(ymd: string): string | null {
  const raw = HOLIDAYS[ymd] ?? MAKEUP_DAYS[ymd];
  return raw ? (raw.split(',')[1] ?? null) : null;
}

export function isWorkingDay(cal: WorkCalendar, ymd: string): boolean {
  const o = cal.overrides.get(ymd);
  if (o) return o.working;
  const kind = dayKind(cal, ymd);
  return kind === 'makeup' || kind === 'weekday';
}

/** The calendar date `days` after `ymd` (negative: before). */
export function addCalendarDays(ymd: string, days: number): string {
  return ymdOf(parseYmd(ymd) + days * DAY_MS);
}

function stepToWorkingDay(cal: WorkCalendar, ymd: string, direction: 1 | -1): string {
  let day = ymd;
  for (let i = 0; i < MAX_WALK_DAYS; i++) {
    day = addCalendarDays(day, direction);
    if (isWorkingDay(cal, day)) return day;
  }
  throw new RangeError(`no working day within ${MAX_WALK_DAYS} days of ${ymd}`);
}

/** The first working day strictly after `ymd`. */
export function nextWorkingDay(cal: WorkCalendar, ymd: string): string {
  return stepToWorkingDay(cal, ymd, 1);
}

/**
 * The n-th working day after `ymd` (n < 0: before). n = 0 gives `ymd` itself when it is a working day,
 * otherwise the next working day. Example (2024, National Day): addWorkingDays(cal, '2024-09-30', 1) is
 * '2024-10-08' (10-01…10-07 off); from '2024-09-27' (Fri) it is '2024-09-29' (Sunday, a 调休 working day).
 */
export function addWorkingDays(cal: WorkCalendar, ymd: string, n: number): string {
  if (!Number.isInteger(n) || Math.abs(n) > MAX_WALK_DAYS) throw new RangeError(`bad working-day count: ${n}`);
  parseYmd(ymd);
  if (n === 0) return isWorkingDay(cal, ymd) ? ymd : nextWorkingDay(cal, ymd);
  let day = ymd;
  for (let i = 0; i < Math.abs(n); i++) day = stepToWorkingDay(cal, day, n > 0 ? 1 : -1);
  return day;
}

/** Local calendar date and time of an instant in the calendar's zone. */
export function toLocal(cal: { timeZone: string }, instant: Date): { ymd: string; msOfDay: number } {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw new RangeError('invalid date');
  const p: Record<string, string> = {};
  for (const part of formatterFor(cal.timeZone).formatToParts(instant)) p[part.type] = part.value;
  const msOfDay =
    ((Number(p.hour) * 60 + Number(p.minute)) * 60 + Number(p.second)) * 1000 + (((t % 1000) + 1000) % 1000);
  return { ymd: `${p.year}-${p.month}-${p.day}`, msOfDay };
}

/** Zone offset (ms, local − UTC) in force at an instant, as Intl reports it. */
function offsetAt(timeZone: string, t: number): number {
  const whole = t - (((t % 1000) + 1000) % 1000);
  const { ymd, msOfDay } = toLocal({ timeZone }, new Date(whole));
  return parseYmd(ymd) + msOfDay - whole;
}

/**
 * The instant of a local wall-clock time (`msOfDay` after midnight of `ymd`) in the zone: the offset is read
 * from Intl at a first guess and read again at the result (two steps settle every zone's transitions).
 */
export function atLocal(cal: { timeZone: string }, ymd: string, msOfDay: number): Date {
  const naive = parseYmd(ymd) + msOfDay;
  const guess = naive - offsetAt(cal.timeZone, naive);
  return new Date(naive - offsetAt(cal.timeZone, guess));
}

/** Moves an instant onto working time: itself if inside business hours of a working day, else the next opening. */
function workingPosition(cal: WorkCalendar, start: Date): { day: string; pos: number } {
  const { ymd, msOfDay } = toLocal(cal, start);
  if (!isWorkingDay(cal, ymd) || msOfDay >= cal.closeMs) return { day: nextWorkingDay(cal, ymd), pos: cal.openMs };
  return { day: ymd, pos: Math.max(msOfDay, cal.openMs) };
}

/**
 * THE deadline function: `span` of working time after `start`. Everything is counted in working time, i.e.
 * inside business hours on working days; one working day = one full business day (`end − start` of the hours).
 *  - A start outside working time counts from the next opening (after closing, at night, on a holiday).
 *  - Inside business hours, "N working days" lands at the same local clock time N working days later.
 *  - A deadline exactly at the end of the working time falls at closing time of that day, not the next opening.
 * Example (hours 08:30–17:30, 2024): a form received Fri 2024-09-27 16:30 is due 1 working day later on
 * Sun 2024-09-29 16:30 (a 调休 working day); received Mon 09-30 16:30, 10-01…10-07 being the National Day
 * holiday, it is due Tue 2024-10-08 16:30; received Mon 09-30 18:00 (after closing) it counts from the
 * opening of 10-08 and is due 10-08 17:30. `workingDays` and `workingHours` add up.
 */
export function deadlineAfter(
  cal: WorkCalendar,
  start: Date,
  span: { workingDays?: number; workingHours?: number },
): Date {
  const days = span.workingDays ?? 0;
  const hours = span.workingHours ?? 0;
  if (!(days >= 0 && hours >= 0 && days <= MAX_WALK_DAYS && hours <= MAX_WALK_DAYS * 24)) {
    throw new RangeError(`bad working span: ${JSON.stringify(span)}`);
  }
  let remaining = Math.round(days * (cal.closeMs - cal.openMs) + hours * 3_600_000);
  let { day, pos } = workingPosition(cal, start);
  for (;;) {
    const available = cal.closeMs - pos;
    if (remaining <= available) return atLocal(cal, day, pos + remaining);
    remaining -= available;
    day = nextWorkingDay(cal, day);
    pos = cal.openMs;
  }
}

/**
 * "The form is sent before 17:00 on the day the problem was recorded" (SPEC §4.7 step 1; after-17:00 rule is
 * CONFIG, §9.2 C5). Recorded on a working day before `cutoff` → `cutoff` that day. At or after the cutoff, or on
 * a non-working day → the next working day at `rollTo` (a time, e.g. '12:00'), or at the cutoff time itself
 * with 'next-working-day-cutoff'.
 */
export function sameDayCutoff(
  cal: WorkCalendar,
  start: Date,
  cutoff: string,
  rollTo: string | 'next-working-day-cutoff',
): Date {
  const cutoffMs = parseHhmm(cutoff);
  const rollMs = rollTo === 'next-working-day-cutoff' ? cutoffMs : parseHhmm(rollTo);
  const { ymd, msOfDay } = toLocal(cal, start);
  if (isWorkingDay(cal, ymd) && msOfDay < cutoffMs) return atLocal(cal, ymd, cutoffMs);
  return atLocal(cal, nextWorkingDay(cal, ymd), rollMs);
}
