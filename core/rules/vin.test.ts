import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateVin, vinCharValue, vinCheckDigit } from './vin';

// SPEC §3.2 "VIN / frame number (车架号)"; issue 3: "VIN (17 chars, ISO 3779 check digit where it applies)".
// Check digits below were computed with an independent script (ISO 3779 weights and transliteration), not with vinCheckDigit.
describe('vinCheckDigit (ISO 3779 / GB 16735 position 9)', () => {
  it.each([
    ['1M8GDM9AXKP042788', 'X'], // the ISO 3779 worked example
    ['11111111111111111', '1'],
    ['LSVAU218XN2183294', 'X'],
    ['LFV2A21K5A4000001', '5'],
    ['LSGPC52U1BF000001', '1'],
    ['LVSHCAMB3CE000001', '3'],
    ['JHMCM56557C404453', '5'],
  ])('%s → %s', (vin, digit) => {
    expect(vinCheckDigit(vin)).toBe(digit);
  });
  it('refuses malformed input', () => {
    expect(() => vinCheckDigit('LSVAU218XN218329')).toThrow(RangeError);
    expect(() => vinCheckDigit('LSVAU218XN218329O')).toThrow(/cannot appear/);
  });
});

describe('validateVin', () => {
  it.each([
    ['1M8GDM9AXKP042788', '1M8GDM9AXKP042788'],
    ['LFV2A21K5A4000001', 'LFV2A21K5A4000001'],
    [' lsvau218x n2183294 ', 'LSVAU218XN2183294'], // lower case and spaces as typed into a DMS
    ['ＬＳＧＰＣ52Ｕ1ＢＦ000001', 'LSGPC52U1BF000001'], // full-width letters from a Chinese IME
    ['WVWZZZ1JZXW000001', 'WVWZZZ1JZXW000001'], // European WMI: position 9 is free, format checks only
    ['JHMCM56557C404453', 'JHMCM56557C404453'],
  ])('accepts %j as %s', (raw, value) => {
    expect(validateVin(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['LSVAU2180N2183294', 'check digit should be X, found 0'], // a "real-looking" VIN whose digit is wrong
    ['1M8GDM9A1KP042788', 'check digit should be X, found 1'],
    ['LFV2A21K5A400000', 'VIN must have 17 characters, found 16'],
    ['', 'VIN is empty'],
    ['LFV2A21K5A40O0001', 'VIN must not contain I, O or Q (found "O" at position 13)'],
    ['LFV2A21K5A4-00001', 'VIN may only contain letters and digits (found "-" at position 12)'],
  ])('rejects %j: %s', (raw, reason) => {
    expect(validateVin(raw)).toEqual({ ok: false, reason });
  });

  const vinChar = fc.constantFrom(...'ABCDEFGHJKLMNPRSTUVWXYZ0123456789'.split(''));
  const validVin = fc
    .tuple(fc.constantFrom('L', '1', '2', '3', '4', '5'), fc.array(vinChar, { minLength: 16, maxLength: 16 }))
    .map(([first, rest]) => {
      const body = first + rest.join('');
      return body.slice(0, 8) + vinCheckDigit(body) + body.slice(9);
    });

  it('property: changing one weighted character breaks the check digit unless its value is the same', () => {
    const weighted = fc.integer({ min: 0, max: 16 }).filter((i) => i !== 8);
    fc.assert(
      fc.property(validVin, weighted, vinChar, (vin, i, c) => {
        const original = vin[i] ?? '';
        fc.pre(c !== original && (i !== 0 || 'L12345'.includes(c))); // keep the WMI where the digit applies
        const mutated = vin.slice(0, i) + c + vin.slice(i + 1);
        expect(validateVin(vin).ok).toBe(true);
        expect(validateVin(mutated).ok).toBe(vinCharValue(c) === vinCharValue(original));
      }),
      { numRuns: 2000 },
    );
  });
});
