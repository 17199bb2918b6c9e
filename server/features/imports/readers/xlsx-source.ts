import ExcelJS from 'exceljs';
import { formatExcelDate, formatExcelSerial } from './cells';
import type { Cell, RawRow } from './types';

/** The .xlsx row source: runs inside the reader worker (sheet-worker.ts), never on the server's main thread. */

/** A number format that shows a date or time (quoted text and [colour]/[$-locale] sections ignored). */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt || fmt === 'General' || fmt === '@') return false;
  const bare = fmt
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?!h\]|m\]|s\])[^\]]*\]/gi, '');
  return /[ymdhs]/i.test(bare.split(';')[0] ?? '');
}

type ExcelValue = ExcelJS.CellValue;

/** exceljs cell value → Cell: dates as text, formulas as their cached result, rich text and links as text. */
export function excelCell(v: ExcelValue, numFmt: string | undefined, date1904: boolean): Cell {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : formatExcelDate(v);
  if (typeof v === 'number') return isDateFormat(numFmt) ? formatExcelSerial(v, date1904) : v;
  if (typeof v !== 'object') return v;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('error' in v) return v.error;
  if ('formula' in v || 'sharedFormula' in v) return excelCell(v.result ?? null, numFmt, date1904);
  if ('text' in v) return excelCell(v.text as ExcelValue, numFmt, date1904);
  return null;
}

interface ReaderInternals {
  properties?: { model?: { date1904?: boolean } } | null;
}

/** Streams the first worksheet of an .xlsx with exceljs's WorkbookReader (shared strings and styles cached). */
export async function* xlsxRows(file: string): AsyncGenerator<RawRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  for await (const sheet of reader) {
    const date1904 = (reader as unknown as ReaderInternals).properties?.model?.date1904 === true;
    for await (const row of sheet) {
      const cells: Cell[] = new Array<Cell>(row.cellCount).fill(null);
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        // cell.value drops a falsy cached result (0, false, ''); cell.result keeps it
        const value = cell.type === ExcelJS.ValueType.Formula ? (cell.result as ExcelValue) : cell.value;
        cells[col - 1] = excelCell(value, cell.numFmt, date1904);
      });
      yield { rowNo: row.number, cells };
    }
    return; // the first worksheet only
  }
}
