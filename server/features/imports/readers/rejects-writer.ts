import ExcelJS from 'exceljs';
import type { Cell } from './types';

export interface RejectedRow {
  rowNo: number;
  cells: Cell[];
  reason: string;
}

/** Excel's limit for the text of one cell. */
const MAX_CELL_CHARS = 32_767;
// eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 cannot carry
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * OWASP "CSV injection": a cell must not begin with = + - @ TAB or CR. Leading spaces are looked through too
 * (spreadsheet programs may trim them before evaluating), and full-width ＝＋－＠ are treated the same. Such text
 * gets a leading single quote, so it stays visible text and never runs as a formula.
 */
export function neutralizeText(s: string): string {
  const clean = s.replace(XML_INVALID, '');
  const text = clean.length > MAX_CELL_CHARS ? clean.slice(0, MAX_CELL_CHARS - 1) : clean;
  return /^[\t\r]|^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/.test(text) ? `'${text}` : text;
}

/** Every cell as a value, never a formula: numbers and booleans as themselves, text neutralised. */
export function safeCell(c: Cell): string | number | boolean | null {
  if (typeof c === 'string') return neutralizeText(c);
  if (typeof c === 'number') return Number.isFinite(c) ? c : String(c);
  return c;
}

export const ROW_HEADER = '行号 / Row';
export const REASON_HEADER = '原因 / Reason';

/**
 * Writes the rejected-rows workbook (streamed: rows are committed to disk as they come, no shared-strings
 * table, so 100k rows stay in bounded memory): '行号 / Row', the original headers, '原因 / Reason'.
 * Returns the number of rejected rows written.
 */
export async function writeRejectsWorkbook(
  outPath: string,
  headers: string[],
  rows: AsyncIterable<RejectedRow> | Iterable<RejectedRow>,
): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: outPath, useSharedStrings: false, useStyles: true });
  const sheet = wb.addWorksheet('Rejected 未导入', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [{ width: 10 }, ...headers.map(() => ({ width: 16 })), { width: 48 }];
  const head = sheet.addRow([ROW_HEADER, ...headers.map((h) => neutralizeText(h)), REASON_HEADER]);
  head.font = { bold: true };
  head.commit();
  let count = 0;
  for await (const r of rows) {
    const cells = headers.length >= r.cells.length ? r.cells : r.cells.slice(0, headers.length);
    const padded = [...cells, ...new Array<Cell>(headers.length - cells.length).fill(null)];
    sheet.addRow([r.rowNo, ...padded.map(safeCell), neutralizeText(r.reason)]).commit();
    count++;
  }
  sheet.commit();
  await wb.commit();
  return count;
}
