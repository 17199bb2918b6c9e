import { describe, expect, it } from 'vitest';
import {
  headRolesOf,
  levelForHotline,
  managesDepartment,
  nextComplaintStatus,
  promiseKept,
  signedStatement,
  statusAfterRejectedAppeal,
} from './complaint-flow';

describe('complaint slip statuses (SPEC §3.10 "open / under appeal / void / in handling / replied / checked")', () => {
  it.each([
    ['"The department head is responsible for solving the complaint"', 'open', 'start', 'in_handling'],
    ['"the result is replied to the CR department" (§4.8 step 4)', 'in_handling', 'reply', 'replied'],
    ['a reply straight from open', 'open', 'reply', 'replied'],
    ['"The CR department checks (检核) the result" (step 5)', 'replied', 'check', 'checked'],
    ['"the person concerned … may fill an appeal form" (step 3)', 'in_handling', 'appeal', 'under_appeal'],
    ['"If the appeal succeeds, the complaint slip becomes void"', 'under_appeal', 'appeal_upheld', 'void'],
    [
      '"If … the appeal fails, the complaint shall be handled immediately"',
      'under_appeal',
      'appeal_rejected',
      'in_handling',
    ],
    ['no reply while under appeal', 'under_appeal', 'reply', null],
    ['an appeal against the penalty after the reply', 'replied', 'appeal', 'under_appeal'],
    ['no second appeal while one is open', 'under_appeal', 'appeal', null],
    ['a void slip stays void', 'void', 'start', null],
    ['no check before the reply', 'open', 'check', null],
  ] as const)('%s', (_label, from, action, to) => {
    expect(nextComplaintStatus(from, action)).toBe(to);
  });
});

it.each([
  ['open', 'in_handling'],
  ['in_handling', 'in_handling'],
  ['replied', 'replied'],
  ['checked', 'checked'],
] as const)('a rejected appeal of a %s slip leaves it %s', (before, after) => {
  expect(statusAfterRejectedAppeal(before)).toBe(after);
});

describe('department heads (部门主管, SPEC §2.2)', () => {
  it.each([
    [['aftersales_director'], 'after_sales', true],
    [['aftersales_director'], 'sales', false],
    [['sales_director'], 'sales', true],
    [['cs_supervisor'], 'customer_service', true],
    [['quality'], 'quality', true],
    [['gm'], 'sales', true],
    [['gm'], null, true],
    [['cs_agent'], 'customer_service', false],
  ] as const)('%j manages %s: %s', (roles, department, expected) => {
    expect(managesDepartment(roles, department)).toBe(expected);
  });

  it('routes notifications to the head, or the GM when a department has none', () => {
    expect(headRolesOf('after_sales')).toEqual(['aftersales_director']);
    expect(headRolesOf('management')).toEqual(['gm']);
    expect(headRolesOf(null)).toEqual(['gm']);
  });
});

describe('hotline promise ("the customer must be answered within that time", WF-10 step 4)', () => {
  const promised = new Date('2026-11-23T09:00:00Z');
  it.each([
    ['nothing promised', null, null, '2026-11-24T00:00:00Z', null],
    ['not yet due, not replied', promised, null, '2026-11-23T08:00:00Z', null],
    ['due passed without a reply', promised, null, '2026-11-23T09:00:01Z', false],
    ['replied in time', promised, new Date('2026-11-23T08:59:00Z'), '2026-11-24T00:00:00Z', true],
    ['replied exactly at the promised time', promised, promised, '2026-11-24T00:00:00Z', true],
    ['replied late', promised, new Date('2026-11-23T09:30:00Z'), '2026-11-24T00:00:00Z', false],
  ] as const)('%s', (_label, p, replied, now, kept) => {
    expect(promiseKept(p, replied, new Date(now))).toBe(kept);
  });

  it('a hotline complaint becomes a complaint, anything else a grumble', () => {
    expect(levelForHotline('complaint')).toBe('complaint');
    expect(levelForHotline('difficult')).toBe('grumble');
  });
});

it('the signed statement names the appeal, the verdict and the signer (SPEC §8.5)', () => {
  const s = signedStatement({
    appealId: 'a1',
    complaintId: 'c1',
    upheld: true,
    statement: '经核实，责任不在当事人',
    signerName: '吴海涛',
    signedAt: '2026-11-23T10:00:00.000Z',
  });
  expect(s).toContain('UPHELD');
  expect(s).toContain('吴海涛');
  expect(s).toContain('c1');
});
