import chineseDays from 'chinese-days';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  deadlineAfter,
  isWorkingDay,
  makeCalendar,
  sameDayCutoff,
  STATUTORY_DATA_YEARS,
  toLocal,
  type WorkCalendar,
} from './calendar';

// SPEC §4.1 "'Working day (工作日)' uses a per-dealer working calendar (CONFIG). Times use the dealer's local
// time zone (D)"; §4.7 step 1 "sent before 17:00 on the day the problem was recorded … after 17:00 … rolls to a
// CONFIG time", step 2 "within one working day of receiving the form"; §8.4 timers; §9.2 C5, C8.

// The library's own functions parse dates in the host zone and are wrong west of UTC; as an oracle they run
// in Asia/Shanghai. Our calendar never reads the host zone (checked below under America/Los_Angeles).
const savedTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Asia/Shanghai';
});
afterAll(() => {
  process.env.TZ = savedTz;
});

const cal = makeCalendar({ timeZone: 'Asia/Shanghai', hours: { start: '08:30', end: '17:30' } });
const OPEN = 510; // minutes after midnight
const CLOSE = 1050;
const at = (local: string) => new Date(`${local}+08:00`);
/** Local Shanghai wall clock (+08:00 all year since 1991: an independent oracle, not the code under test). */
const shanghai = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

describe('statutory data: library coverage', () => {
  it('covers 2024–2026 at least (ISSUE 6)', () => {
    expect(STATUTORY_DATA_YEARS.first).toBeLessThanOrEqual(2024);
    expect(STATUTORY_DATA_YEARS.last).toBeGreaterThanOrEqual(2026);
  });

  it('agrees with the library on every day of 2024–2026', () => {
    for (let t = Date.UTC(2024, 0, 1); t <= Date.UTC(2026, 11, 31); t += 86_400_000) {
      const ymd = new Date(t).toISOString().slice(0, 10);
      expect([ymd, isWorkingDay(cal, ymd)]).toEqual([ymd, chineseDays.isWorkday(ymd)]);
    }
  });
});

describe('isWorkingDay / addWorkingDays: holidays and make-up days (调休)', () => {
  it.each([
    ['2024-02-04', true, 'Sun, Spring Festival make-up day'],
    ['2024-02-12', false, 'Mon, Spring Festival'],
    ['2024-02-18', true, 'Sun, Spring Festival make-up day'],
    ['2024-09-29', true, 'Sun, National Day make-up day'],
    ['2024-10-07', false, 'Mon, National Day'],
    ['2024-10-12', true, 'Sat, National Day make-up day'],
    ['2025-01-26', true, 'Sun, Spring Festival make-up day'],
    ['2025-02-08', true, 'Sat, Spring Festival make-up day'],
    ['2025-10-08', false, 'Wed, National Day + Mid-autumn'],
    ['2025-10-11', true, 'Sat, National Day make-up day'],
    ['2026-02-14', true, 'Sat, Spring Festival make-up day'],
    ['2026-02-23', false, 'Mon, Spring Festival'],
    ['2026-02-28', true, 'Sat, Spring Festival make-up day'],
    ['2026-10-10', true, 'Sat, National Day make-up day'],
    ['2026-11-21', false, 'an ordinary Saturday'],
  ])('%s → %s (%s)', (ymd, working) => {
    expect(isWorkingDay(cal, ymd)).toBe(working);
  });

  it.each([
    ['2024-09-27', 1, '2024-09-29'],
    ['2024-09-30', 1, '2024-10-08'],
    ['2024-10-01', 0, '2024-10-08'],
    ['2024-02-09', 1, '2024-02-18'],
    ['2026-02-13', 2, '2026-02-24'],
    ['2024-10-08', -1, '2024-09-30'],
  ])('addWorkingDays(%s, %d) = %s', (ymd, n, expected) => {
    expect(addWorkingDays(cal, ymd, n)).toBe(expected);
  });

  it('a dealer override wins over the statutory data', () => {
    const own = makeCalendar({
      timeZone: 'Asia/Shanghai',
      overrides: [
        { date: '2024-10-07', working: true, note: '节后值班' },
        { date: '2024-09-30', working: false },
      ],
    });
    expect(isWorkingDay(own, '2024-10-07')).toBe(true);
    expect(addWorkingDays(own, '2024-09-29', 1)).toBe('2024-10-07');
  });

  it('refuses bad input', () => {
    expect(() => isWorkingDay(cal, '2024-02-30')).toThrow(RangeError);
    expect(() => makeCalendar({ timeZone: 'Mars/Base' })).toThrow(RangeError);
    expect(() => makeCalendar({ timeZone: 'UTC', hours: { start: '18:00', end: '09:00' } })).toThrow(RangeError);
    expect(() => addWorkingDays(cal, '2024-01-01', 1.5)).toThrow(RangeError);
  });
});

describe('deadlineAfter: the documented cases', () => {
  it.each([
    ['Fri 16:30 before a 调休 Sunday', '2024-09-27T16:30', 1, '2024-09-29 16:30'],
    ['Mon 16:30 before National Day', '2024-09-30T16:30', 1, '2024-10-08 16:30'],
    ['Mon 18:00 (after closing) before National Day', '2024-09-30T18:00', 1, '2024-10-08 17:30'],
    ['on a holiday', '2024-10-03T10:00', 1, '2024-10-08 17:30'],
    ['before opening', '2025-03-03T07:00', 1, '2025-03-03 17:30'],
    ['Spring Festival eve 2026 (Sat make-up day)', '2026-02-14T09:00', 1, '2026-02-24 09:00'],
    ['Fri 16:30, 2 working days', '2025-03-07T16:30', 2, '2025-03-11 16:30'],
  ])('%s', (_name, start, days, expected) => {
    expect(shanghai(deadlineAfter(cal, at(start), { workingDays: days }))).toBe(expected);
  });

  it('counts working hours, and days and hours add up', () => {
    expect(shanghai(deadlineAfter(cal, at('2025-03-07T16:30'), { workingHours: 2 }))).toBe('2025-03-10 09:30');
    expect(shanghai(deadlineAfter(cal, at('2025-03-07T16:30'), { workingDays: 1, workingHours: 1 }))).toBe(
      '2025-03-10 17:30',
    );
  });
});

// ---- property tests against the library's calendar --------------------------------------------------------
const MIN = Date.parse('2024-01-01T00:00:00+08:00');
const MAX = Date.parse('2026-12-31T23:59:00+08:00');
/** Windows around the Spring Festival and National Day make-up weekends, where mistakes would hide. */
const HOT = ['2024-02-01', '2024-09-25', '2025-01-22', '2025-09-25', '2026-02-10', '2026-09-17'].map((d) =>
  Date.parse(`${d}T00:00:00+08:00`),
);
const minute = 60_000;
const startArb = fc.oneof(
  fc.integer({ min: 0, max: Math.floor((MAX - MIN) / minute) }).map((m) => new Date(MIN + m * minute)),
  fc
    .tuple(fc.constantFrom(...HOT), fc.integer({ min: 0, max: 30 * 24 * 60 }))
    .map(([base, m]) => new Date(base + m * minute)),
);
const libWorkday = (ymd: string) => chineseDays.isWorkday(ymd);
const libFind = (n: number, ymd: string) => chineseDays.findWorkday(n, ymd);

/** Working minutes between two instants, counted day by day with the library's calendar. */
function workingMinutesBetween(from: Date, to: Date): number {
  let total = 0;
  for (let day = toLocal(cal, from).ymd; ; day = libFind(1, day)) {
    const dayStart = Date.parse(`${day}T00:00:00+08:00`);
    if (dayStart > to.getTime()) return total;
    if (!libWorkday(day)) continue;
    const a = Math.max(from.getTime(), dayStart + OPEN * minute);
    const b = Math.min(to.getTime(), dayStart + CLOSE * minute);
    if (b > a) total += (b - a) / minute;
  }
}

describe('deadlineAfter: property tests against chinese-days (2024–2026)', () => {
  it('N working days: same clock time N library working days later, or closing time', () => {
    fc.assert(
      fc.property(startArb, fc.integer({ min: 1, max: 12 }), (start, n) => {
        const local = shanghai(start);
        const [ymd = '', hhmm = ''] = local.split(' ');
        const mins = Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
        let expected: string;
        if (libWorkday(ymd) && mins > OPEN && mins < CLOSE) expected = `${libFind(n, ymd)} ${hhmm}`;
        else if (libWorkday(ymd) && mins <= OPEN) expected = `${libFind(n - 1, ymd)} 17:30`;
        else expected = `${libFind(n - 1, libFind(1, ymd))} 17:30`;
        expect(shanghai(deadlineAfter(cal, start, { workingDays: n }))).toBe(expected);
      }),
      { numRuns: 4000 },
    );
  });

  it('H working hours: exactly H×60 working minutes after the start, ending inside working time', () => {
    fc.assert(
      fc.property(startArb, fc.integer({ min: 1, max: 80 }), (start, h) => {
        const due = deadlineAfter(cal, start, { workingHours: h });
        expect(workingMinutesBetween(start, due)).toBe(h * 60);
        const [ymd = '', hhmm = ''] = shanghai(due).split(' ');
        const mins = Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
        expect(libWorkday(ymd) && mins > OPEN && mins <= CLOSE).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('is monotonic: a later start never gives an earlier deadline', () => {
    fc.assert(
      fc.property(startArb, fc.integer({ min: 0, max: 3 * 24 * 60 }), fc.nat(5), (start, later, n) => {
        const a = deadlineAfter(cal, start, { workingDays: n, workingHours: 1 });
        const b = deadlineAfter(cal, new Date(start.getTime() + later * minute), { workingDays: n, workingHours: 1 });
        expect(b.getTime()).toBeGreaterThanOrEqual(a.getTime());
      }),
      { numRuns: 1500 },
    );
  });
});

describe('time zones', () => {
  it('does not depend on the host zone', () => {
    const starts = ['2024-09-27T16:30', '2026-02-13T17:45', '2025-12-31T23:59'].map(at);
    const inShanghai = starts.map((s) => deadlineAfter(cal, s, { workingDays: 1 }).toISOString());
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(starts.map((s) => deadlineAfter(cal, s, { workingDays: 1 }).toISOString())).toEqual(inShanghai);
    } finally {
      process.env.TZ = 'Asia/Shanghai';
    }
  });

  it('computes in the calendar zone', () => {
    const utc: WorkCalendar = makeCalendar({ timeZone: 'UTC', hours: { start: '09:00', end: '17:00' } });
    // 2025-03-03 08:00 Shanghai = 00:00 UTC, before opening in UTC → 17:00 UTC that day.
    expect(deadlineAfter(utc, at('2025-03-03T08:00'), { workingDays: 1 }).toISOString()).toBe(
      '2025-03-03T17:00:00.000Z',
    );
  });
});

describe('sameDayCutoff: the 17:00 rule (§4.7 step 1)', () => {
  it.each([
    ['recorded Mon 10:00', '2025-03-03T10:00', '12:00', '2025-03-03 17:00'],
    ['recorded Mon 17:00 sharp, roll to 12:00', '2025-03-03T17:00', '12:00', '2025-03-04 12:00'],
    ['recorded Mon 18:30, roll to the cutoff', '2025-03-03T18:30', 'next-working-day-cutoff', '2025-03-04 17:00'],
    ['recorded Fri 18:00 before National Day 2024', '2024-09-27T18:00', '10:00', '2024-09-29 10:00'],
    ['recorded on a holiday', '2024-10-03T09:00', '10:00', '2024-10-08 10:00'],
  ] as const)('%s', (_name, start, rollTo, expected) => {
    expect(shanghai(sameDayCutoff(cal, at(start), '17:00', rollTo))).toBe(expected);
  });
});
