import { describe, expect, it } from 'vitest';
import { businessLineOf, defaultPrivacyNotice, firstNameOf, linkState, phoneHint, renderSms } from './survey-link';

const now = new Date('2026-03-02T10:00:00+08:00');
const later = new Date('2026-03-03T10:00:00+08:00');
const earlier = new Date('2026-03-01T10:00:00+08:00');

describe('linkState: "an unguessable single-use token that expires" (issue 5, SPEC §1.5)', () => {
  it.each([
    [{ usedAt: null, revokedAt: null, expiresAt: later }, 'live'],
    [{ usedAt: null, revokedAt: null, expiresAt: earlier }, 'expired'],
    [{ usedAt: null, revokedAt: null, expiresAt: now }, 'expired'],
    [{ usedAt: earlier, revokedAt: null, expiresAt: later }, 'used'],
    [{ usedAt: earlier, revokedAt: null, expiresAt: earlier }, 'used'],
    [{ usedAt: null, revokedAt: earlier, expiresAt: later }, 'revoked'],
    [{ usedAt: null, revokedAt: earlier, expiresAt: earlier }, 'revoked'],
  ] as const)('%o → %s', (times, state) => {
    expect(linkState(times, now)).toBe(state);
  });
});

describe('firstNameOf: "no data about the customer beyond their first name"', () => {
  it.each([
    ['王小明', '小明'],
    ['李娜', '娜'],
    ['欧阳娜娜', '娜娜'],
    ['司马光', '光'],
    ['  张伟 ', '伟'],
    ['阿卜杜拉·买买提', '阿卜杜拉'],
    ['John Smith', 'John'],
    ['上海某某汽车租赁有限公司', null],
    ['王', null],
    ['', null],
    [null, null],
    ['13800001234', null],
  ])('%s → %s', (name, first) => {
    expect(firstNameOf(name)).toBe(first);
  });
});

describe('texts', () => {
  it('the default privacy notice names the dealer, the purpose, the retention and how to withdraw (SPEC §8.3)', () => {
    const t = defaultPrivacyNotice('上海一店');
    expect(t).toContain('上海一店');
    expect(t).toContain('用途');
    expect(t).toContain('保存');
    expect(t).toContain('不再联系我');
  });
  it('fills the SMS template', () => {
    expect(renderSms('{dealer}:{name}您好 {link}', { dealer: 'A店', link: 'https://x/s/abc', firstName: null })).toBe(
      'A店:您好 https://x/s/abc',
    );
    expect(renderSms(null, { dealer: 'A店', link: 'L', firstName: '小明' })).toContain('小明您好');
  });
  it('masks phones for staff lists', () => {
    expect(phoneHint('13800001234')).toBe('138****1234');
    expect(phoneHint('12')).toBe('****');
  });
  it('knows the business line of a task type', () => {
    expect(businessLineOf('AS_ONSITE')).toBe('after_sales');
    expect(businessLineOf('SALES_PHONE')).toBe('sales');
    expect(businessLineOf('PERIODIC_SURVEY')).toBeNull();
  });
});
