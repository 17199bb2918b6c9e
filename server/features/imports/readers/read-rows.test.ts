import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Cell, previewFile, readRows, sniffFile } from './index';
import { RO_HEADERS, RO_ROWS, tmpDir, writeBigXlsx, writeCsv, writeSampleXls, writeSampleXlsx } from './test-fixtures';

const dir = tmpDir();
const at = (name: string) => path.join(dir, name);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function readAll(file: string, name = path.basename(file)) {
  const sniff = await sniffFile(file, name);
  const rows: { rowNo: number; cells: Cell[]; isHeader: boolean }[] = [];
  for await (const r of readRows(file, sniff)) rows.push(r);
  return { sniff, rows };
}

describe('readRows: CSV', () => {
  it('reads a UTF-8 CSV with BOM: the header without the BOM, then the rows', async () => {
    const file = writeCsv(at('utf8-bom.csv'), [RO_HEADERS, ...RO_ROWS], { bom: true });
    const { sniff, rows } = await readAll(file);
    expect(sniff).toMatchObject({ format: 'csv', encoding: 'utf-8' });
    expect(rows[0]).toEqual({ rowNo: 1, cells: RO_HEADERS, isHeader: true });
    expect(rows[1]).toEqual({ rowNo: 2, cells: RO_ROWS[0], isHeader: false });
    expect(rows[2]?.cells[1]).toBe('2024-05-02');
  });

  it('detects a GBK CSV and reads its Chinese headers and values correctly', async () => {
    const file = writeCsv(at('gbk.csv'), [RO_HEADERS, ...RO_ROWS, ['RO3', '', '', '', '', '']], { encoding: 'gbk' });
    const { sniff, rows } = await readAll(file);
    expect(sniff.encoding).toBe('gb18030');
    expect(rows[0]?.cells).toEqual(['维修工单号', '结算日期', '客户姓名', '手机', '车牌号', '金额']);
    expect(rows[2]?.cells).toEqual(['RO2024050002', '2024-05-02', '欧阳娜娜', '13987654321', '粤B D12345', '356']);
    expect(rows[3]?.cells).toEqual(['RO3']); // empty trailing fields dropped
  });

  it('auto-detects a semicolon delimiter, keeps quoted commas, skips empty lines but keeps row numbers', async () => {
    const file = writeCsv(
      at('semi.csv'),
      [['工单号', '备注', '金额'], ['RO1', '"含逗号,的备注"', '1,5'], [], ['RO2', 'x', '2']],
      { sep: ';' },
    );
    const { rows } = await readAll(file);
    expect(rows.map((r) => [r.rowNo, r.cells])).toEqual([
      [1, ['工单号', '备注', '金额']],
      [2, ['RO1', '含逗号,的备注', '1,5']],
      [4, ['RO2', 'x', '2']],
    ]);
  });

  it('detects GBK even when the first 64 KiB are plain ASCII', async () => {
    const filler = Array.from({ length: 3000 }, (_, i) => [`RO${i}`, 'x'.repeat(20)]);
    const file = writeCsv(at('late-gbk.csv'), [['ro', 'note'], ...filler, ['RO-last', '王小明']], { encoding: 'gbk' });
    const { sniff, rows } = await readAll(file);
    expect(sniff.encoding).toBe('gb18030');
    expect(rows.at(-1)?.cells).toEqual(['RO-last', '王小明']);
  });

  it('throws NO_HEADER when every row is empty', async () => {
    const file = writeCsv(at('commas.csv'), [[',', ','], [',,,']]);
    await expect(readAll(file)).rejects.toMatchObject({ code: 'NO_HEADER' });
  });

  it('detects tab and pipe delimiters', async () => {
    for (const sep of ['\t', '|']) {
      const file = writeCsv(
        at(`sep${sep === '|' ? 'pipe' : 'tab'}.csv`),
        [
          ['a,1', 'b', 'c'],
          ['1', '2', '3'],
        ],
        { sep },
      );
      const { rows } = await readAll(file);
      expect(rows[0]?.cells).toEqual(['a,1', 'b', 'c']);
    }
  });
});

describe('readRows: Excel (in the worker)', () => {
  it('streams an .xlsx: title rows skipped, dates as text, formulas as cached results, rich text as text', async () => {
    const file = await writeSampleXlsx(at('sample.xlsx'));
    const { sniff, rows } = await readAll(file);
    expect(sniff).toMatchObject({ format: 'xlsx', encoding: null });
    expect(rows).toEqual([
      { rowNo: 3, isHeader: true, cells: ['维修工单号', '结算日期', '金额', '合计', '备注', '进厂时间'] },
      { rowNo: 4, isHeader: false, cells: ['RO001', '2024-05-01', 1280.5, 2561, '客户很满意', '2024-05-01 09:30:15'] },
      { rowNo: 6, isHeader: false, cells: ['RO002', '2023-12-31', 0, 0, '普通'] },
    ]);
  });

  it('reads a legacy .xls (BIFF8) with correct Chinese text and dates', async () => {
    const file = writeSampleXls(at('legacy.xls'));
    const { sniff, rows } = await readAll(file);
    expect(sniff).toMatchObject({ format: 'xls', encoding: null });
    expect(rows.map((r) => r.cells)).toEqual([
      ['维修工单号', '结算日期', '客户姓名', '金额'],
      ['RO9001', '2024-01-15', '李娜', 99.5],
      ['RO9002', '2024-01-16 14:05:00', '王芳', 100],
    ]);
    expect(rows.map((r) => r.rowNo)).toEqual([1, 2, 3]);
  });

  it('streams a 5,000-row .xlsx in order across worker batches', async () => {
    const file = await writeBigXlsx(at('batches.xlsx'), 5000);
    const { rows } = await readAll(file);
    expect(rows).toHaveLength(5001);
    expect(rows[5000]).toMatchObject({ rowNo: 5001, cells: ['RO5000', '客户5000号', expect.any(String), 5000] });
    expect(rows.every((r, i) => r.rowNo === i + 1)).toBe(true);
  });
});

describe('previewFile', () => {
  it('returns the headers and the first n rows', async () => {
    const file = writeCsv(at('preview.csv'), [RO_HEADERS, ...RO_ROWS, ...RO_ROWS], { encoding: 'gbk' });
    const sniff = await sniffFile(file, '导出.csv');
    const preview = await previewFile(file, sniff, 2);
    expect(preview.headers).toEqual(RO_HEADERS);
    expect(preview.rows).toEqual(RO_ROWS);
  });

  it('previews an .xlsx and stops the worker early', async () => {
    const file = await writeBigXlsx(at('preview.xlsx'), 3000);
    const preview = await previewFile(file, { format: 'xlsx', encoding: null }, 3);
    expect(preview.headers).toEqual(['维修工单号', '客户姓名', '备注', '金额']);
    expect(preview.rows.map((r) => r[0])).toEqual(['RO1', 'RO2', 'RO3']);
  });
});
