import { describe, expect, it } from 'vitest';
import { DEFAULT_FIELD_PERMISSIONS, effectivePermission, maskPhoneValue, showValue } from './customer-privacy';

describe('customer-information permission presets (SPEC §3.18, §8.3)', () => {
  it('masks mobile and landline numbers', () => {
    expect(maskPhoneValue('13812345678')).toBe('138****5678');
    expect(maskPhoneValue('0571-88886666')).toBe('0571-****6666');
  });
  it('keeps ID numbers away from agents and group analysts by default', () => {
    expect(DEFAULT_FIELD_PERMISSIONS.cs_agent.identity.canReveal).toBe(false);
    expect(DEFAULT_FIELD_PERMISSIONS.group_analyst.contact.view).toBe('none');
    expect(DEFAULT_FIELD_PERMISSIONS.gm.identity.canReveal).toBe(true);
  });
  it('gives a user with several roles the most permissive entry', () => {
    const p = effectivePermission([
      DEFAULT_FIELD_PERMISSIONS.quality.contact,
      DEFAULT_FIELD_PERMISSIONS.cs_agent.contact,
    ]);
    expect(p).toMatchObject({ view: 'masked', canReveal: true });
  });
  it('shows full, masked or nothing', () => {
    expect(showValue('13812345678', 'full', maskPhoneValue)).toBe('13812345678');
    expect(showValue('13812345678', 'masked', maskPhoneValue)).toBe('138****5678');
    expect(showValue('13812345678', 'none', maskPhoneValue)).toBeNull();
  });
});
