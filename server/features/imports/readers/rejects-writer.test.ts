import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { neutralizeText, writeRejectsWorkbook } from './index';
import { tmpDir } from './test-fixtures';

const dir = tmpDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function readBack(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('no sheet');
  return ws;
}

describe('writeRejectsWorkbook', () => {
  it('writes row number, original cells and reason; formula-like text stays text; Chinese intact', async () => {
    const file = path.join(dir, 'rejects.xlsx');
    const headers = ['维修工单号', '客户姓名', '金额', '备注'];
    const n = await writeRejectsWorkbook(file, headers, [
      { rowNo: 7, cells: ['=1+1', '张三', 12.5, '@SUM(A1:A2)'], reason: '手机号码格式不正确 / invalid mobile' },
      { rowNo: 9, cells: ['  +86 138', '-5', -5, '\t=cmd|calc'], reason: '=HYPERLINK("http://evil")' },
      { rowNo: 12, cells: ['RO3', null, true], reason: '缺少结算日期' },
    ]);
    expect(n).toBe(3);
    const ws = await readBack(file);
    expect(ws.getRow(1).values).toEqual([undefined, '行号 / Row', ...headers, '原因 / Reason']);
    const a2 = ws.getCell('B2');
    expect(a2.type).not.toBe(ExcelJS.ValueType.Formula);
    expect(a2.value).toBe("'=1+1");
    expect(ws.getRow(2).values).toEqual([
      undefined,
      7,
      "'=1+1",
      '张三',
      12.5,
      "'@SUM(A1:A2)",
      '手机号码格式不正确 / invalid mobile',
    ]);
    expect(ws.getRow(3).values).toEqual([
      undefined,
      9,
      "'  +86 138",
      "'-5",
      -5,
      "'\t=cmd|calc",
      `'=HYPERLINK("http://evil")`,
    ]);
    expect(ws.getRow(4).values).toEqual([undefined, 12, 'RO3', undefined, true, undefined, '缺少结算日期']);
    for (let r = 1; r <= 4; r++) ws.getRow(r).eachCell((c) => expect(c.formula).toBeUndefined());
  });

  it('escapes what OWASP lists, also after leading spaces and in full-width; leaves ordinary text alone', () => {
    expect(
      ['=A1', '+1', '-1', '@x', '\tx', '\rx', ' =A1', '\u3000＝A1', '＋1']
        .map(neutralizeText)
        .every((s) => s.startsWith("'")),
    ).toBe(true);
    expect(['京A12345', '1-2', 'a=b', '', '客户@公司'].map(neutralizeText)).toEqual([
      '京A12345',
      '1-2',
      'a=b',
      '',
      '客户@公司',
    ]);
    expect(neutralizeText('a\u0000b\u0007c')).toBe('abc');
  });

  it('streams 100,000 rejected rows from an async iterable', { timeout: 60_000 }, async () => {
    const file = path.join(dir, 'many.xlsx');
    async function* rows() {
      for (let i = 0; i < 100_000; i++)
        yield { rowNo: i + 2, cells: [`RO${i}`, `客户${i}`, i], reason: '重复的工单号' };
    }
    const started = performance.now();
    expect(await writeRejectsWorkbook(file, ['工单号', '姓名', '金额'], rows())).toBe(100_000);
    const secs = (performance.now() - started) / 1000;
    console.log(
      `[readers] 100,000 rejected rows written in ${secs.toFixed(1)} s (${(fs.statSync(file).size / 1048576).toFixed(1)} MB)`,
    );
    let last: unknown[] = [];
    let count = 0;
    for await (const sheet of new ExcelJS.stream.xlsx.WorkbookReader(file, {})) {
      for await (const row of sheet) {
        count++;
        last = row.values as unknown[];
      }
    }
    expect(count).toBe(100_001);
    expect(last).toEqual([undefined, 100_001, 'RO99999', '客户99999', 99_999, '重复的工单号']);
  });
});
