import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { labels, listWorkbook, type ListColumn } from './list-xlsx';

/** The list sheet itself: title block, typed cells in the dealer's local time, the user's language, formula safety. */
interface Row {
  at: string | null;
  day: string;
  fen: number | null;
  n: number;
  ok: boolean | null;
  status: string;
  text: string;
}
const COLUMNS: ListColumn<Row>[] = [
  { header: { zh: '时间', en: 'Time' }, type: 'datetime', value: (r) => r.at },
  { header: { zh: '日期', en: 'Day' }, type: 'date', value: (r) => r.day },
  { header: { zh: '金额', en: 'Amount' }, type: 'money', value: (r) => r.fen },
  { header: { zh: '次数', en: 'Count' }, type: 'number', value: (r) => r.n },
  { header: { zh: '超期', en: 'Overdue' }, type: 'bool', value: (r) => r.ok },
  {
    header: { zh: '状态', en: 'Status' },
    value: (r) => r.status,
    labels: labels({ open: '待处理' }, { open: 'Open' }),
  },
  { header: { zh: '内容', en: 'Text' }, width: 30, value: (r) => r.text },
];
const ROWS: Row[] = [
  { at: '2026-03-01T16:30:00.000Z', day: '2026-03-02', fen: 12_345, n: 3, ok: true, status: 'open', text: '@SUM(A1)' },
  { at: null, day: '2026-03-03', fen: null, n: 0, ok: false, status: 'other', text: '普通文字' },
];

async function sheet(lang: 'zh-CN' | 'en') {
  const buf = await listWorkbook(COLUMNS, ROWS, {
    title: lang === 'en' ? 'Hotline log' : '热线来电登记',
    dealerName: '上海浦东店',
    filter: 'q=王',
    exportedAt: '2026-03-05 10:00',
    exportedBy: '李晓梅',
    timeZone: 'Asia/Shanghai',
    lang,
  });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

describe('list sheet', () => {
  it('writes the title block, typed cells in local time and formula-safe text (Chinese)', async () => {
    const ws = await sheet('zh-CN');
    expect(ws.getCell(1, 1).value).toBe('上海浦东店\u3000热线来电登记');
    expect(String(ws.getCell(2, 1).value)).toBe(
      '筛选：q=王\u3000导出：2026-03-05 10:00\u3000导出人：李晓梅\u3000行数：2',
    );
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual([
      '时间',
      '日期',
      '金额',
      '次数',
      '超期',
      '状态',
      '内容',
    ]);
    const r = ws.getRow(4);
    // 16:30 UTC is 00:30 the next day in Shanghai.
    expect(r.getCell(1).value).toEqual(new Date(Date.UTC(2026, 2, 2, 0, 30)));
    expect(r.getCell(1).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(r.getCell(2).value).toEqual(new Date(Date.UTC(2026, 2, 2)));
    expect(r.getCell(3).value).toBe(123.45);
    expect(r.getCell(3).numFmt).toBe('#,##0.00');
    expect(r.getCell(4).value).toBe(3);
    expect(r.getCell(5).value).toBe('是');
    expect(r.getCell(6).value).toBe('待处理');
    expect(r.getCell(7).value).toBe("'@SUM(A1)");
    const r2 = ws.getRow(5);
    expect([r2.getCell(1).value, r2.getCell(3).value, r2.getCell(5).value, r2.getCell(6).value]).toEqual([
      null,
      null,
      '否',
      'other',
    ]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.getColumn(7).width).toBe(30);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
  });

  it('writes headers, labels and yes/no in English for an English user', async () => {
    const ws = await sheet('en');
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual([
      'Time',
      'Day',
      'Amount',
      'Count',
      'Overdue',
      'Status',
      'Text',
    ]);
    expect(String(ws.getCell(2, 1).value)).toContain('Filter: q=王');
    expect([ws.getCell(4, 5).value, ws.getCell(4, 6).value]).toEqual(['Yes', 'Open']);
  });
});
