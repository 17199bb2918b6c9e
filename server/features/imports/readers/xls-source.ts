import XLSX from 'xlsx';
import { formatDateParts, formatExcelDate } from './cells';
import type { Cell, RawRow } from './types';

/** The legacy .xls row source: runs inside the reader worker (sheet-worker.ts), never on the main thread. */

interface Ssf {
  is_date(fmt: string): boolean;
  parse_date_code(
    v: number,
    opts?: { date1904?: boolean },
  ): { y: number; m: number; d: number; H: number; M: number; S: number };
}

function xlsCell(c: XLSX.CellObject | undefined, date1904: boolean): Cell {
  if (!c || c.v === undefined || c.v === null) return null;
  const ssf = XLSX.SSF as Ssf;
  switch (c.t) {
    case 'n': {
      const v = c.v as number;
      if (typeof c.z !== 'string' || !ssf.is_date(c.z)) return v;
      const p = ssf.parse_date_code(v, { date1904 });
      return formatDateParts(p.y, p.m, p.d, p.H, p.M, p.S);
    }
    case 'd':
      return c.v instanceof Date ? formatExcelDate(c.v) : null;
    case 'e':
      return c.w ?? null;
    default:
      return c.v instanceof Date ? formatExcelDate(c.v) : c.v;
  }
}

/**
 * Reads the first worksheet of a legacy .xls with SheetJS. SheetJS loads the whole file (the worker's heap limit
 * bounds it); formulas are not parsed (cellFormula false; SheetJS never evaluates them), only cached values used.
 */
export async function* xlsRows(file: string): AsyncGenerator<RawRow> {
  const wb = XLSX.readFile(file, {
    dense: true,
    sheets: 0,
    cellFormula: false,
    cellHTML: false,
    cellText: false,
    cellStyles: false,
    cellNF: true,
    cellDates: false,
  });
  const sheet = wb.Sheets[wb.SheetNames[0] ?? ''];
  if (!sheet) return;
  const date1904 = wb.Workbook?.WBProps?.date1904 === true;
  const dense = sheet as unknown as ((XLSX.CellObject | undefined)[] | undefined)[];
  for (let r = 0; r < dense.length; r++) {
    const row = dense[r];
    if (!row) continue;
    yield { rowNo: r + 1, cells: Array.from(row, (c) => xlsCell(c, date1904)) };
  }
}
