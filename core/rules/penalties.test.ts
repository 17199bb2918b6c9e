import { describe, expect, it } from 'vitest';
import {
  checkDecision,
  countPriorOffences,
  fenToYuan,
  groupForStaff,
  PENALTY_PRESETS,
  periodKey,
  proposePenalty,
} from './penalties';

const ftms = PENALTY_PRESETS['P-FTMS'];
const sample = PENALTY_PRESETS.SAMPLE;

describe('offence ladder (SPEC §5.7 "1st offence | 2nd offence | 3rd offence")', () => {
  it.each([
    ['after-sales 1st offence: "50 元"', ftms, 'after_sales', 0, false, 1, 5000, false, true],
    ['after-sales 2nd offence: "BLANK 元" → not configured', ftms, 'after_sales', 1, false, 2, null, false, false],
    ['after-sales 3rd offence: "Dismissal"', ftms, 'after_sales', 2, false, 3, null, true, false],
    ['a 4th offence still counts as the 3rd', ftms, 'after_sales', 5, false, 6, null, true, false],
    ['sales 1st offence: "BLANK 元"', ftms, 'sales', 0, false, 1, null, false, false],
    ['accessories consultant 1st: "50 元"', ftms, 'accessories_consultant', 0, false, 1, 5000, false, true],
    ['other departments 1st: "50 元"', ftms, 'other', 0, false, 1, 5000, false, true],
    ['sample preset fills the 2nd offence (100 元)', sample, 'sales', 1, false, 2, 10000, false, true],
    ['"Bias … a heavier, doubled penalty (从重双倍处罚)"', ftms, 'after_sales', 0, true, 1, 10000, false, true],
    [
      'empty preset: nothing configured, still 3rd → dismissal',
      PENALTY_PRESETS.EMPTY,
      'other',
      2,
      false,
      3,
      null,
      true,
      false,
    ],
  ] as const)('%s', (_label, rules, group, prior, bias, offenceNo, amountFen, dismissal, configured) => {
    const p = proposePenalty(rules, group, prior, bias);
    expect(p).toMatchObject({ offenceNo, amountFen, dismissal, amountConfigured: configured });
  });
});

describe('counting offences in the period ("以上处罚以月为单位计算", SPEC §5.7, §9.2 C10)', () => {
  it.each([
    ['month', '2026-11-23', '2026-11'],
    ['month', '2026-01-01', '2026-01'],
    ['quarter', '2026-11-23', '2026-Q4'],
    ['quarter', '2026-03-31', '2026-Q1'],
    ['year', '2026-11-23', '2026'],
    ['never', '2026-11-23', 'all'],
  ] as const)('%s period of %s is %s', (period, ymd, key) => {
    expect(periodKey(period, ymd)).toBe(key);
  });

  it('counts only approved penalties of the same period (proposed, rejected and voided do not count)', () => {
    const history = [
      { periodKey: '2026-11', status: 'approved' },
      { periodKey: '2026-11', status: 'void' },
      { periodKey: '2026-11', status: 'rejected' },
      { periodKey: '2026-11', status: 'proposed' },
      { periodKey: '2026-10', status: 'approved' },
    ];
    expect(countPriorOffences(history, '2026-11')).toBe(1);
    expect(countPriorOffences(history, '2026-10')).toBe(1);
    expect(countPriorOffences(history, '2026-12')).toBe(0);
  });
});

describe('groups of §5.7', () => {
  it.each([
    ['sales', '销售顾问', 'sales'],
    ['after_sales', '服务顾问', 'after_sales'],
    ['after_sales', '精品顾问', 'accessories_consultant'],
    ['after_sales', '精品组长', 'accessories_team'],
    ['after_sales', '精品技师', 'accessories_team'],
    ['customer_service', '客服专员', 'other'],
    ['quality', '质量工程师', 'other'],
  ] as const)('%s / %s → %s', (department, position, group) => {
    expect(groupForStaff(department, position)).toBe(group);
  });
});

describe('a penalty is only proposed by the rules; a manager decides (PIPL art. 24, §3.22 "GM approval")', () => {
  const base = { status: 'proposed', deciderUserId: 'u-head', staffUserId: 'u-sa', deciderManagesDepartment: true };
  it.each([
    ['the department head approves a proposal', base, { ok: true }],
    ['nobody approves their own penalty', { ...base, staffUserId: 'u-head' }, { ok: false, reason: 'own_penalty' }],
    [
      'another department head may not',
      { ...base, deciderManagesDepartment: false },
      { ok: false, reason: 'not_their_manager' },
    ],
    [
      'an approved penalty is not decided again',
      { ...base, status: 'approved' },
      { ok: false, reason: 'not_proposed' },
    ],
    ['a voided penalty is not revived', { ...base, status: 'void' }, { ok: false, reason: 'not_proposed' }],
  ] as const)('%s', (_label, input, expected) => {
    expect(checkDecision(input)).toEqual(expected);
  });

  it('proposePenalty has no status: it never produces an effective penalty by itself', () => {
    expect(Object.keys(proposePenalty(ftms, 'after_sales', 0, false))).not.toContain('status');
  });
});

it('prints yuan', () => {
  expect(fenToYuan(5000)).toBe('50');
  expect(fenToYuan(1250)).toBe('12.50');
});
