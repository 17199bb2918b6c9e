import { describe, expect, it } from 'vitest';
import { CallbackRules } from '../contracts/callbacks';
import { RULE_PRESETS } from './callback-presets';
import {
  addWorkingDays,
  applyOutcome,
  classify,
  compareUrgency,
  dueWindow,
  duplicateOf,
  isSampled,
  localParts,
  mondayToFriday,
  oneWorkingDayLater,
  priorityFor,
  withinCallingHours,
  type Candidate,
} from './callback-rules';

const ayt = RULE_PRESETS['P-AYT'];
const dpca = RULE_PRESETS['P-DPCA'];

describe('presets', () => {
  it('are valid rule sets', () => {
    for (const r of Object.values(RULE_PRESETS)) expect(CallbackRules.safeParse(r).success).toBe(true);
  });
});

describe('due windows (SPEC §4.1, §9.2 C1–C2)', () => {
  // 2026-03-06 is a Friday.
  it.each([
    [
      'P-AYT after-sales "三天前": settlement + 3 calendar days, Friday → Monday',
      ayt.tasks.AS_PHONE,
      '2026-03-06',
      '2026-03-09',
      '2026-03-09',
    ],
    [
      'P-DPCA after-sales "交付后5天内": delivery + 1…5 days',
      dpca.tasks.AS_PHONE,
      '2026-03-06',
      '2026-03-07',
      '2026-03-11',
    ],
    [
      'P-AYT sales "购车之日的七天内": purchase + 1…7 days',
      ayt.tasks.SALES_PHONE,
      '2026-03-06',
      '2026-03-07',
      '2026-03-13',
    ],
    [
      'working days: Friday + 3 working days is Wednesday',
      { ...ayt.tasks.AS_PHONE, dayKind: 'working' as const },
      '2026-03-06',
      '2026-03-11',
      '2026-03-11',
    ],
    [
      'working days from a Sunday: + 1…5 → Monday…Friday',
      { ...dpca.tasks.AS_PHONE, dayKind: 'working' as const },
      '2026-03-08',
      '2026-03-09',
      '2026-03-13',
    ],
  ])('%s', (_label, rule, anchor, start, end) => {
    expect(dueWindow(anchor, rule, mondayToFriday)).toEqual({ dueStart: start, dueEnd: end });
  });

  it('takes the injected calendar (a holiday is skipped)', () => {
    const holiday = (d: string) => mondayToFriday(d) && d !== '2026-03-09';
    expect(addWorkingDays('2026-03-06', 1, holiday)).toBe('2026-03-10');
  });
});

const cand = (over: Partial<Candidate> = {}): Candidate => ({
  sourceId: 's1',
  customerId: 'c1',
  vehicleId: 'v1',
  anchorDate: '2026-03-01',
  optedOut: false,
  blocked: false,
  ...over,
});

describe('exclusions (不回访台次, SPEC §5.1, C36)', () => {
  const today = '2026-03-05';
  const w = { dueEnd: '2026-03-04' };
  it.each([
    ['no customer', cand({ customerId: null }), 'no_customer'],
    ['opted out', cand({ optedOut: true }), 'opted_out'],
    ['refused an earlier callback', cand({ blocked: true }), 'refused_before'],
    ['fleet sale', cand({ saleType: 'fleet' }), 'fleet'],
    ['internal sale', cand({ saleType: 'internal' }), 'internal'],
    ['sale to a dealer ("不包括经销商")', cand({ buyerIsDealer: true, saleType: 'retail' }), 'dealer'],
    ['internal repair', cand({ repairType: '内部维修' }), 'internal_repair'],
  ])('%s', (_l, c, reason) => {
    expect(classify(c, 'AS_PHONE:x', ayt.tasks.AS_PHONE, ayt, w, today)).toEqual({ status: 'EXCLUDED', reason });
  });
  it('a retail customer in time is called', () => {
    expect(classify(cand(), 'AS_PHONE:x', ayt.tasks.AS_PHONE, ayt, w, today)).toEqual({ status: 'PENDING' });
  });
  it('a window that ended more than staleAfterDays ago is too late', () => {
    const v = classify(cand(), 'k', ayt.tasks.AS_PHONE, ayt, { dueEnd: '2026-01-01' }, today);
    expect(v).toEqual({ status: 'EXCLUDED', reason: 'too_late' });
  });
});

describe('sampling (SPEC §9.2 C3, C30)', () => {
  it('is deterministic and close to the share', () => {
    const keys = Array.from({ length: 10_000 }, (_, i) => `AS_PHONE:repair_order:${i}`);
    const n = keys.filter((k) => isSampled(k, 30)).length;
    expect(n).toBeGreaterThan(2800);
    expect(n).toBeLessThan(3200);
    expect(keys.filter((k) => isSampled(k, 30)).length).toBe(n);
    expect(keys.every((k) => isSampled(k, 100))).toBe(true);
    expect(keys.some((k) => isSampled(k, 0))).toBe(false);
  });
});

describe('duplicate rule (重复台次)', () => {
  const kept = [{ id: 't1', who: 'c:1', anchorDate: '2026-03-01' }];
  it.each([
    ['same customer 7 days later', 'c:1', '2026-03-08', 't1'],
    ['same customer 8 days later', 'c:1', '2026-03-09', null],
    ['another customer the same day', 'c:2', '2026-03-01', null],
    ['nobody to match', null, '2026-03-01', null],
  ])('%s', (_l, who, anchor, dup) => {
    expect(duplicateOf(who, anchor, kept, 7)?.id ?? null).toBe(dup);
  });
});

describe('calling hours and hand-off deadline', () => {
  const hours = { days: [1, 2, 3, 4, 5], from: '09:00', to: '20:00' };
  it.each([
    ['Friday 08:59 Shanghai', '2026-03-06T00:59:00Z', false],
    ['Friday 09:00 Shanghai', '2026-03-06T01:00:00Z', true],
    ['Friday 19:59 Shanghai', '2026-03-06T11:59:00Z', true],
    ['Friday 20:00 Shanghai', '2026-03-06T12:00:00Z', false],
    ['Saturday 10:00 Shanghai', '2026-03-07T02:00:00Z', false],
  ])('%s → %s', (_l, at, ok) => {
    expect(withinCallingHours(new Date(at), 'Asia/Shanghai', hours)).toBe(ok);
  });
  it('"within 1 working day": Friday 15:00 → Monday 15:00', () => {
    const at = oneWorkingDayLater(new Date('2026-03-06T07:00:00Z'), 'Asia/Shanghai', mondayToFriday);
    expect(at.toISOString()).toBe('2026-03-09T07:00:00.000Z');
  });
});

describe('WF-5 outcomes (SPEC §4.6)', () => {
  const now = new Date('2026-03-06T02:00:00Z');
  const at = new Date('2026-03-07T11:00:00Z');
  it('"cannot talk now" → APPOINTMENT for the same agent at the agreed time', () => {
    const t = applyOutcome({ failedAttempts: 0 }, 'busy', ayt, now, at);
    expect(t).toMatchObject({ status: 'APPOINTMENT', appointmentAt: at, nextAttemptAt: at, keepAgent: true });
  });
  it('"unwilling" → REFUSED (拒绝回访) and the customer is blocked', () => {
    expect(applyOutcome({ failedAttempts: 0 }, 'refused', ayt, now)).toMatchObject({
      status: 'REFUSED',
      blockCustomer: true,
    });
  });
  it('no answer is retried after the spacing; the 3rd failure hands the contact data over', () => {
    const first = applyOutcome({ failedAttempts: 0 }, 'no_answer', ayt, now);
    expect(first).toMatchObject({ status: 'PENDING', failedAttempts: 1, handoff: null });
    expect(first.nextAttemptAt?.getTime()).toBe(now.getTime() + 120 * 60_000);
    expect(applyOutcome({ failedAttempts: 1 }, 'busy', ayt, now)).toMatchObject({ status: 'PENDING' });
    expect(applyOutcome({ failedAttempts: 2 }, 'no_answer', ayt, now)).toMatchObject({
      status: 'CONTACT_INVALID',
      handoff: 'attempt_limit',
    });
  });
  it('a wrong number hands over at once', () => {
    expect(applyOutcome({ failedAttempts: 0 }, 'wrong_number', ayt, now)).toMatchObject({
      status: 'CONTACT_INVALID',
      handoff: 'wrong_number',
    });
  });
});

describe('urgency', () => {
  it('orders by priority, window end, anchor, id', () => {
    const a = { id: 'a', priority: 0, dueEnd: '2026-03-05', anchorDate: '2026-03-01' };
    const b = { id: 'b', priority: 1, dueEnd: '2026-03-09', anchorDate: '2026-03-01' };
    const c = { id: 'c', priority: 0, dueEnd: '2026-03-04', anchorDate: '2026-03-01' };
    expect([a, b, c].sort(compareUrgency).map((x) => x.id)).toEqual(['b', 'c', 'a']);
    expect(priorityFor(1, 'APPOINTMENT')).toBe(11);
    expect(priorityFor(11, 'PENDING')).toBe(1);
  });
});

describe('local date and time of an instant', () => {
  it('is right in each zone, across the minute and the day, whatever was asked just before', () => {
    const at = (iso: string) => new Date(iso);
    expect(localParts(at('2026-12-07T15:59:59.999Z'), 'Asia/Shanghai')).toEqual({
      ymd: '2026-12-07',
      hm: '23:59',
      weekday: 1,
    });
    expect(localParts(at('2026-12-07T15:59:00.000Z'), 'Europe/Berlin')).toEqual({
      ymd: '2026-12-07',
      hm: '16:59',
      weekday: 1,
    });
    // the same minute again, then the next one: the second answer is not the first one kept
    expect(localParts(at('2026-12-07T15:59:30.000Z'), 'Asia/Shanghai').hm).toBe('23:59');
    expect(localParts(at('2026-12-07T16:00:00.000Z'), 'Asia/Shanghai')).toEqual({
      ymd: '2026-12-08',
      hm: '00:00',
      weekday: 2,
    });
    expect(localParts(at('2026-12-07T15:59:30.000Z'), 'Asia/Shanghai').ymd).toBe('2026-12-07');
    expect(localParts(at('1969-12-31T23:59:30.000Z'), 'UTC')).toEqual({ ymd: '1969-12-31', hm: '23:59', weekday: 3 });
  });
});
