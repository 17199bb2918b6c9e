import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalisePhone } from './phone';

// SPEC §3.1 "telephone, including landline (座机) and mobile (手机)"; issue 3: "mainland mobile and landline numbers".
describe('normalisePhone', () => {
  it.each([
    ['13812345678', '13812345678'],
    [' 138 1234 5678 ', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['+8613812345678', '13812345678'],
    ['008613812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['(+86)19912345678', '19912345678'],
    ['１３８１２３４５６７８', '13812345678'], // full-width digits from a Chinese IME
  ])('mobile %j → %s', (raw, value) => {
    expect(normalisePhone(raw)).toEqual({ ok: true, kind: 'mobile', value });
  });

  it.each([
    ['010-12345678', '010-12345678'], // Beijing: 3-digit area code
    ['01012345678', '010-12345678'],
    ['0571 8888 8888', '0571-88888888'], // Hangzhou: 4-digit area code
    ['(021)12345678', '021-12345678'],
    ['（021）12345678', '021-12345678'], // full-width brackets
    ['0755-8888888', '0755-8888888'], // 7-digit local number
    ['057188888888', '0571-88888888'],
    ['0571-88888888-123', '0571-88888888-123'],
    ['0571-88888888转123', '0571-88888888-123'],
    ['021 6288 8888 ext. 8001', '021-62888888-8001'],
    ['+86 21 6288 8888', '021-62888888'],
    ['0086-571-88888888', '0571-88888888'],
  ])('landline %j → %s', (raw, value) => {
    expect(normalisePhone(raw)).toEqual({ ok: true, kind: 'landline', value });
  });

  it.each([
    ['', 'phone number is empty'],
    ['1381234567', 'mobile number must have 11 digits, found 10'],
    ['138123456789', 'mobile number must have 11 digits, found 12'],
    ['12812345678', 'mobile number must start with 13–19'],
    ['88888888', 'landline number needs an area code, e.g. 0571-88888888'],
    ['0571-888888', 'landline number must have 7 or 8 digits after the area code 0571, found 6'],
    ['0123-8888888', 'landline area code 012 is not a mainland area code'],
    ['138 1234 5678 / 139 8765 4321', 'phone number may only contain digits, spaces, dashes and brackets'],
    ['无', 'phone number may only contain digits, spaces, dashes and brackets'],
    ['400-800-8888', 'not a mainland mobile or landline number'],
    ['13812345678转1', 'mobile number cannot have an extension'],
  ])('rejects %j: %s', (raw, reason) => {
    expect(normalisePhone(raw)).toEqual({ ok: false, reason });
  });
});

describe('normalisePhone properties (fast-check)', () => {
  const digits = (n: number) =>
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
  const mobile = fc.tuple(fc.integer({ min: 3, max: 9 }), digits(9)).map(([second, rest]) => `1${second}${rest}`);
  const area = fc.oneof(
    fc.constantFrom('010', '020', '021', '025', '028'),
    digits(2).map((d) => `05${d}`),
  );
  const landline = fc.tuple(area, fc.integer({ min: 2, max: 9 }), fc.oneof(digits(6), digits(7)));
  const separator = fc.constantFrom('', ' ', '-', '  ');

  it('property: normalising a normalised number returns it unchanged', () => {
    const written = fc.oneof(
      fc
        .tuple(fc.constantFrom('', '+86 ', '0086', '86'), mobile, separator)
        .map(([p, m, s]) => `${p}${m.slice(0, 3)}${s}${m.slice(3)}`),
      fc
        .tuple(landline, separator, fc.option(digits(3)))
        .map(([[a, first, rest], s, ext]) => `${a}${s}${first}${rest}${ext ? `-${ext}` : ''}`),
    );
    fc.assert(
      fc.property(written, (raw) => {
        const once = normalisePhone(raw);
        expect(once.ok).toBe(true);
        if (once.ok) expect(normalisePhone(once.value)).toEqual(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: anything accepted, even from random input, is a fixed point', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[+()0-9 -]{0,20}$/), (raw) => {
        const once = normalisePhone(raw);
        if (once.ok) expect(normalisePhone(once.value)).toEqual(once);
      }),
      { numRuns: 3000 },
    );
  });
});
