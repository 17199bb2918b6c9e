import { describe, expect, it } from 'vitest';
import { maskPhone, maskText, redact } from './redact';

describe('redaction (SPEC §8.3)', () => {
  it('masks a mainland mobile number as 138****5678', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
  it('masks phone and ID-card numbers inside text', () => {
    expect(maskText('客户 13912345678 身份证 110101199003071234')).toBe('客户 139****5678 身份证 110101********1234');
  });
  it('drops secrets by key and masks nested values', () => {
    expect(redact({ password: 'x', nested: { phone: '13800001111' }, n: 3 })).toEqual({
      password: '[redacted]',
      nested: { phone: '138****1111' },
      n: 3,
    });
  });
  it('leaves longer digit runs (order numbers) alone', () => {
    expect(maskText('RO 2024138123456789')).toBe('RO 2024138123456789');
  });
});
