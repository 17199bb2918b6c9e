import { describe, expect, it } from 'vitest';
import { validatePlate } from './plate';

// SPEC §3.2 "licence-plate number (车牌号)"; issue 3: "plates (incl. 8-character new-energy plates)".
describe('validatePlate', () => {
  it.each([
    ['京A12345', '京A12345'], // ordinary blue plate
    ['粤BD1234', '粤BD1234'], // letters may appear in the serial
    ['沪AD12345', '沪AD12345'], // new-energy small car (pure electric)
    ['京AFA1234', '京AFA1234'], // new-energy small car, second serial character a letter
    ['粤B12345F', '粤B12345F'], // new-energy large vehicle
    ['浙A1234学', '浙A1234学'], // learner car
    ['苏A1234警', '苏A1234警'],
    ['鲁B1234挂', '鲁B1234挂'],
    ['粤Z1234港', '粤Z1234港'],
    ['粤Z1234澳', '粤Z1234澳'],
    ['京A·12345', '京A12345'], // the dot printed on the plate
    [' 沪 ad 12345 ', '沪AD12345'],
    ['川a-8c8c8', '川A8C8C8'],
    ['粤Ｂ１２３４５', '粤B12345'], // full-width letters and digits
  ])('accepts %j as %s', (raw, value) => {
    expect(validatePlate(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'plate is empty'],
    ['A12345', 'plate must start with a province abbreviation such as 京 or 粤, found "A"'],
    ['京12345', 'plate must have a letter after the province abbreviation, e.g. 京A'],
    ['京A1234', 'plate must have 7 characters (8 for new-energy plates), found 6'],
    [
      '京A123456',
      'new-energy plate must be 2 letters + D/F… + 5 characters (沪AD12345) or + 5 digits + D/F (粤B12345F)',
    ],
    ['京A1234O', 'plate serial must not contain the letters I or O'],
    ['京A1234领', 'plate serial must be 5 letters or digits (the last may be 学, 警, 挂, 港 or 澳)'],
    ['京AD1234567', 'plate must have 7 characters (8 for new-energy plates), found 10'],
  ])('rejects %j: %s', (raw, reason) => {
    expect(validatePlate(raw)).toEqual({ ok: false, reason });
  });
});
