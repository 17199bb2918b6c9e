import ExcelJS from 'exceljs';
import type { FieldGroup } from '../../../core/rules/customer-privacy';
import { neutralizeText } from '../imports/readers/rejects-writer';
import { a4PageSetup, GAP, safeValue, styleBodyCell, styleHeaderCell } from './sheet-style';

/**
 * "Export this list as .xlsx" (issue 7): a title row with the dealer, a line with the filter and the export time,
 * one bold header row frozen under them (and repeated on every printed page), typed cells — numbers, money in
 * yuan, dates and times as Excel dates in the dealer's local time, yes/no and labelled codes as text — and
 * every text cell neutralised against formula injection.
 */

export type Lang = 'zh-CN' | 'en';
export interface Text {
  zh: string;
  en: string;
}
export const pick = (t: Text, lang: Lang) => (lang === 'en' ? t.en : t.zh);

export type ColumnType = 'text' | 'number' | 'money' | 'date' | 'datetime' | 'bool';

export interface ListColumn<R> {
  header: Text;
  /** Character width of the column (default 14). */
  width?: number;
  /** How the value is written (default text). */
  type?: ColumnType;
  /**
   * The value of a row: text, a number (money: fen), an ISO date/time for date columns, a boolean for bool
   * columns, or null. A code with `labels` is written as its label in the user's language.
   */
  value: (row: R) => string | number | boolean | null;
  labels?: Record<string, Text>;
  /** The column carries customer data of this permission-table group; hidden for a role that may not see it. */
  group?: FieldGroup;
}

export interface ListSheetMeta {
  title: string;
  dealerName: string;
  filter: string;
  exportedAt: string;
  exportedBy: string;
  timeZone: string;
  lang: Lang;
}

const TITLE_ROWS = 3;
const YES: Text = { zh: '是', en: 'Yes' };
const NO: Text = { zh: '否', en: 'No' };

/** The wall-clock time of an instant in a time zone, as the Date Excel shows (Excel dates have no zone). */
function localWallClock(iso: string, timeZone: string): Date | null {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(d)
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  return new Date(
    Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second),
  );
}

function dateOnly(v: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

/** One cell's value and number format. */
export function cellOf<R>(
  c: ListColumn<R>,
  row: R,
  meta: Pick<ListSheetMeta, 'timeZone' | 'lang'>,
): { value: ExcelJS.CellValue; numFmt?: string } {
  const v = c.value(row);
  if (v === null || v === undefined) return { value: null };
  switch (c.type ?? 'text') {
    case 'bool':
      return { value: pick(v ? YES : NO, meta.lang) };
    case 'number':
      return { value: safeValue(typeof v === 'number' ? v : Number(v)) };
    case 'money':
      return { value: typeof v === 'number' && Number.isFinite(v) ? v / 100 : null, numFmt: '#,##0.00' };
    case 'datetime': {
      const d = typeof v === 'string' ? localWallClock(v, meta.timeZone) : null;
      return d ? { value: d, numFmt: 'yyyy-mm-dd hh:mm' } : { value: safeValue(String(v)) };
    }
    case 'date': {
      const s = String(v);
      const d = dateOnly(s) ?? localWallClock(s, meta.timeZone);
      return d ? { value: d, numFmt: 'yyyy-mm-dd' } : { value: safeValue(s) };
    }
    default: {
      const s = String(v);
      const label = c.labels?.[s];
      return { value: safeValue(label ? pick(label, meta.lang) : s) };
    }
  }
}

export async function listWorkbook<R>(columns: ListColumn<R>[], rows: R[], meta: ListSheetMeta): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Manyi';
  const ws = wb.addWorksheet(meta.title.replace(/[\\/?*[\]:]/g, '-').slice(0, 31));
  const n = Math.max(columns.length, 2);
  ws.columns = columns.map((c) => ({ width: c.width ?? 14 }));
  ws.views = [{ state: 'frozen', ySplit: TITLE_ROWS }];
  a4PageSetup(ws, 'landscape', meta.title, TITLE_ROWS);

  ws.mergeCells(1, 1, 1, n);
  const title = ws.getCell(1, 1);
  title.value = neutralizeText(`${meta.dealerName}${GAP}${meta.title}`);
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 28;
  ws.mergeCells(2, 1, 2, n);
  const en = meta.lang === 'en';
  ws.getCell(2, 1).value = neutralizeText(
    [
      `${en ? 'Filter: ' : '筛选：'}${meta.filter || (en ? 'none' : '无')}`,
      `${en ? 'Exported: ' : '导出：'}${meta.exportedAt}`,
      `${en ? 'By: ' : '导出人：'}${meta.exportedBy}`,
      `${en ? 'Rows: ' : '行数：'}${rows.length}`,
    ].join(GAP),
  );
  const head = ws.getRow(TITLE_ROWS);
  columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = pick(c.header, meta.lang);
    styleHeaderCell(cell);
  });
  rows.forEach((r, i) => {
    const row = ws.getRow(TITLE_ROWS + 1 + i);
    columns.forEach((c, k) => {
      const cell = row.getCell(k + 1);
      const { value, numFmt } = cellOf(c, r, meta);
      cell.value = value;
      if (numFmt) cell.numFmt = numFmt;
      styleBodyCell(cell);
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Code labels from the two languages' dictionaries: `labels({ a: '甲' }, { a: 'A' })`. */
export function labels(zh: Record<string, string>, en: Record<string, string>): Record<string, Text> {
  return Object.fromEntries(Object.entries(zh).map(([k, v]) => [k, { zh: v, en: en[k] ?? v }]));
}
