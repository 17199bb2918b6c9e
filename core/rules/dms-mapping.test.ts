import { describe, expect, it } from 'vitest';
import { applyMapping, checkMapping, suggestMapping } from './dms-mapping';
import { validateRow } from './dms-validate';

// Issue 3: "Column mapping: built-in presets for common header names (Chinese and English), a per-dealer saved
// mapping, and a UI to map columns by hand"; canonical fields are SPEC §3.1–§3.4 (core/rules/dms-fields.ts).
describe('suggestMapping', () => {
  it('maps a typical after-sales export (按结算日期查询) by exact aliases', () => {
    const headers = [
      '委托书号',
      '结算日期',
      '车主',
      '手机',
      '车牌号',
      'VIN码',
      '车型',
      '服务顾问',
      '维修类型',
      '结算金额',
      '进厂里程',
      '备注',
    ];
    expect(suggestMapping('repair-orders', headers)).toEqual({
      委托书号: 'roNumber',
      结算日期: 'settledOn',
      车主: 'customerName',
      手机: 'mobile',
      车牌号: 'plate',
      VIN码: 'vin',
      车型: 'model',
      服务顾问: 'advisorName',
      维修类型: 'repairType',
      结算金额: 'amount',
      进厂里程: 'mileage',
      备注: null,
    });
  });

  it('normalises headers (case, spaces, brackets, full-width) before matching', () => {
    expect(suggestMapping('vehicle-sales', [' Sale Date ', 'VIN', '客户姓名（全称）', 'E-mail', '销售顾问：'])).toEqual(
      {
        ' Sale Date ': 'saleDate',
        VIN: 'vin',
        '客户姓名（全称）': 'customerName',
        'E-mail': 'email',
        '销售顾问：': 'consultantName',
      },
    );
  });

  it('falls back to "header contains alias", longest alias first, exact matches taking precedence', () => {
    const mapping = suggestMapping('repair-orders', ['车主手机号', '工时金额', '工单号', '车架号(VIN)', '维修金额']);
    expect(mapping).toEqual({
      车主手机号: 'mobile', // contains 手机号
      工时金额: null, // contains 金额, but 维修金额 matches amount exactly
      工单号: 'roNumber',
      '车架号(VIN)': 'vin',
      维修金额: 'amount',
    });
  });

  it('uses each field once (the first header wins) and leaves unknown headers unmapped', () => {
    const mapping = suggestMapping('customers', ['手机', '联系电话', 'Province', '省份', '__proto__']);
    expect(mapping['手机']).toBe('mobile');
    expect(mapping['联系电话']).toBeNull();
    expect(mapping['Province']).toBeNull(); // 'vin' and 'ro' hide inside it; short ASCII aliases never match inside
    expect(mapping['省份']).toBeNull();
    expect(Object.keys(mapping)).toEqual(['手机', '联系电话', 'Province', '省份', '__proto__']);
  });
});

describe('checkMapping', () => {
  it('accepts a complete mapping', () => {
    expect(
      checkMapping('repair-orders', {
        工单号: 'roNumber',
        结算日期: 'settledOn',
        车牌: 'plate',
        车主: 'customerName',
        备注: null,
      }),
    ).toEqual([]);
  });
  it('lists every problem', () => {
    expect(
      checkMapping('repair-orders', { 工单号: 'roNumber', 手机: 'mobile', 电话: 'mobile', 颜色: 'paint' }),
    ).toEqual([
      'field "mobile" is mapped from two columns: "手机" and "电话"',
      'column "颜色" is mapped to "paint", which is not a field of repair-orders',
      'required field "settledOn" is not mapped to any column',
      'map a VIN or a plate column: every row needs one of them',
    ]);
    expect(checkMapping('vehicle-sales', { 购车日期: 'saleDate', 车架号: 'vin' })).toEqual([
      'map a customer name or phone column: every row needs one of them',
    ]);
    expect(checkMapping('customers', { 电话: 'mobile' })).toEqual([
      'required field "customerName" is not mapped to any column',
    ]);
  });
});

describe('applyMapping', () => {
  const headers = ['工单号', '结算日期', '备注', '车牌', '车牌', '车主'];
  const mapping = { 工单号: 'roNumber', 结算日期: 'settledOn', 备注: null, 车牌: 'plate', 车主: 'customerName' };

  it('turns cells into canonical fields, skipping ignored columns', () => {
    expect(applyMapping(headers, mapping, ['RO001', 45296, '客户自带机油', '', '粤B12345F', '陈静'])).toEqual({
      roNumber: 'RO001',
      settledOn: 45296,
      plate: '粤B12345F', // two columns named 车牌: the first non-empty cell is kept
      customerName: '陈静',
    });
  });
  it('treats missing trailing cells as null, and feeds validateRow', () => {
    const record = applyMapping(headers, mapping, ['RO001', '2024-01-05', null, '沪AD12345']);
    expect(record).toEqual({ roNumber: 'RO001', settledOn: '2024-01-05', plate: '沪AD12345', customerName: null });
    expect(validateRow('repair-orders', record)).toEqual({
      ok: false,
      reasons: ['customerName/mobile: a customer needs a name or a phone number'],
    });
  });
  it('ignores inherited names a hostile header could use', () => {
    expect(applyMapping(['constructor', 'toString'], {}, ['x', 'y'])).toEqual({});
  });
});
