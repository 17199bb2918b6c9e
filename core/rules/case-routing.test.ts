import { describe, expect, it } from 'vitest';
import type { CaseRules } from '../contracts/cases';
import { makeCalendar } from './calendar';
import {
  allowedPaths,
  dailyReportResultDueAt,
  dailyReportSecondCallbackDueAt,
  DEFAULT_CASE_RULES,
  escalationRoles,
  finalEscalationAt,
  formDueAt,
  loopNeedsEscalation,
  needsTrackingForm,
  replyDueAt,
  returnDueAt,
  routeCase,
  secondCallbackDueAt,
} from './case-routing';

const cal = makeCalendar({ timeZone: 'Asia/Shanghai', hours: { start: '08:30', end: '17:30' } });
/** Local Shanghai time → instant. */
const at = (local: string) => new Date(`${local}+08:00`);
const iso = (d: Date) => d.toISOString();
const R = DEFAULT_CASE_RULES;

describe('resolution matrix (SPEC §4.7 table)', () => {
  it.each([
    // "After-sales on-site | FAQ | Coordinate SA on-site | Tracking form"
    ['as_onsite', ['a', 'b', 'follow_up']],
    // "After-sales phone | FAQ or Tech manual 2014 | Minor & after-sales → Daily Work Report; severe or other dept → Tracking form"
    ['as_phone', ['a', 'follow_up']],
    // "Sales on-site | Direct answer | Coordinate the serving SC on-site | Tracking form"
    ['sales_onsite', ['a', 'b', 'follow_up']],
    // "Sales phone | FAQ | Tracking form"
    ['sales_phone', ['a', 'follow_up']],
  ] as const)('%s offers %j', (channel, paths) => {
    expect(allowedPaths(channel)).toEqual(paths);
  });

  it('refuses a path the channel does not offer (no "coordinate on the spot" on the phone)', () => {
    expect(() =>
      routeCase(R, { channel: 'as_phone', path: 'b', severity: 'minor', department: 'after_sales' }),
    ).toThrow(RangeError);
  });
});

describe('routing (SPEC §4.2.3c, §4.3.3b, §4.4.3c, §4.5.4b; C6 "form if severe OR other dept")', () => {
  it.each([
    // §4.3.3b "not severe and concerning the after-sales service department → 售后每日工作汇报"
    ['as_phone', 'minor', 'after_sales', 'daily_report', []],
    // "severe, or concerning another department → … the after-sales service director and the relevant department manager"
    ['as_phone', 'severe', 'after_sales', 'c', ['aftersales_director']],
    ['as_phone', 'minor', 'quality', 'c', ['aftersales_director', 'quality']],
    ['as_phone', 'severe', 'sales', 'c', ['aftersales_director', 'sales_director']],
    // §4.2.3c "sends it to the after-sales service director before 17:00"
    ['as_onsite', 'minor', 'after_sales', 'c', ['aftersales_director']],
    // §4.4.3c / §4.5.4b "send it to the sales director before 17:00"
    ['sales_onsite', 'minor', 'sales', 'c', ['sales_director']],
    ['sales_phone', 'severe', 'sales', 'c', ['sales_director']],
    ['sales_phone', 'minor', 'management', 'c', ['sales_director', 'gm']],
  ] as const)('%s %s %s → %s %j', (channel, severity, department, path, roles) => {
    expect(routeCase(R, { channel, path: 'follow_up', severity, department })).toEqual({
      path,
      recipientRoles: roles,
    });
  });

  it('answers on the spot need no recipient', () => {
    expect(routeCase(R, { channel: 'as_onsite', path: 'b', severity: 'minor', department: 'after_sales' })).toEqual({
      path: 'b',
      recipientRoles: [],
    });
  });

  it.each([
    ['severe_or_other_department', [true, true, true, false]],
    ['severe_only', [true, true, false, false]],
    ['other_department_only', [true, false, true, false]],
    ['always', [true, true, true, true]],
  ] as const)('C6 variant %s', (when, expected) => {
    const rules: CaseRules = { ...R, trackingFormWhen: when };
    const combos = [
      ['severe', 'sales'],
      ['severe', 'after_sales'],
      ['minor', 'quality'],
      ['minor', 'after_sales'],
    ] as const;
    expect(combos.map(([s, d]) => needsTrackingForm(rules, s, d))).toEqual(expected);
  });
});

describe('step deadlines (SPEC §4.7, §8.4) on the mainland calendar', () => {
  it.each([
    // "The form is sent before 17:00 on the day the problem was recorded"
    ['2025-05-30T16:30:00', '2025-05-30T17:00:00'],
    // C5: after 17:00 on the Friday before 端午 (05-31…06-02 off) → the next working day's 17:00
    ['2025-05-30T17:10:00', '2025-06-03T17:00:00'],
    // recorded on a holiday
    ['2025-06-01T10:00:00', '2025-06-03T17:00:00'],
  ])('form recorded %s is due %s', (recorded, due) => {
    expect(iso(formDueAt(cal, R, at(recorded)))).toBe(iso(at(due)));
  });

  it('C5 variant: roll to a fixed time of the next working day', () => {
    expect(iso(formDueAt(cal, { ...R, afterCutoff: '12:00' }, at('2025-05-30T17:10:00')))).toBe(
      iso(at('2025-06-03T12:00:00')),
    );
  });

  it.each([
    // "The receiving department gives the customer a handling result within one working day of receiving the form"
    ['2025-05-30T16:45:00', '2025-06-03T16:45:00'], // Friday before 端午 → Tuesday
    ['2025-09-26T16:45:00', '2025-09-28T16:45:00'], // Friday → Sunday 09-28, a 调休 working day
    ['2025-09-30T16:45:00', '2025-10-09T16:45:00'], // before 国庆/中秋 (10-01…10-08)
  ])('result for a form received %s is due %s', (received, due) => {
    expect(iso(replyDueAt(cal, R, at(received)))).toBe(iso(at(due)));
  });

  it('return and second callback follow by one working day each (CONFIG defaults)', () => {
    expect(iso(returnDueAt(cal, R, at('2025-06-03T10:00:00')))).toBe(iso(at('2025-06-04T10:00:00')));
    expect(iso(secondCallbackDueAt(cal, R, at('2025-06-03T11:00:00')))).toBe(iso(at('2025-06-04T11:00:00')));
  });

  it('daily report: SA result within 1 working day, second callback "the next day (次日)" by closing time', () => {
    expect(iso(dailyReportResultDueAt(cal, R, at('2025-05-30T15:00:00')))).toBe(iso(at('2025-06-03T15:00:00')));
    expect(iso(dailyReportSecondCallbackDueAt(cal, at('2025-06-03T11:00:00')))).toBe(iso(at('2025-06-04T17:30:00')));
  });

  it('the GM is told 4 working hours after the due time (CONFIG), across the closing time', () => {
    expect(iso(finalEscalationAt(cal, R, at('2025-06-05T09:30:00')))).toBe(iso(at('2025-06-05T13:30:00')));
    expect(iso(finalEscalationAt(cal, R, at('2025-06-05T16:30:00')))).toBe(iso(at('2025-06-06T11:30:00')));
    const now = at('2025-06-05T16:30:00');
    expect(finalEscalationAt(cal, { ...R, escalation: { ...R.escalation, finalAfterWorkingHours: 0 } }, now)).toBe(now);
  });
});

describe('escalation chain (SPEC §8.4 "(D) escalated to the recipient\'s superior"; C7)', () => {
  it.each([
    ['forward', 'as_phone', 1, ['cs_supervisor']],
    ['second_callback', 'sales_phone', 1, ['cs_supervisor']],
    ['reply', 'as_phone', 1, ['aftersales_director']],
    ['return', 'sales_onsite', 1, ['sales_director']],
    ['reply', 'as_onsite', 2, ['gm']],
    ['forward', 'as_onsite', 2, ['gm']],
  ] as const)('%s on %s, level %i → %j', (step, channel, level, roles) => {
    expect(escalationRoles(R, step, channel, level)).toEqual(roles);
  });

  it('escalates the loop after N "not satisfied" loops (default 2)', () => {
    expect(loopNeedsEscalation(R, 1)).toBe(false);
    expect(loopNeedsEscalation(R, 2)).toBe(true);
  });
});
