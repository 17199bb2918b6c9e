import type { Cell } from './types';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Calendar parts → 'YYYY-MM-DD', or 'YYYY-MM-DD HH:mm:ss' when there is a time part. */
export function formatDateParts(y: number, m: number, d: number, hh = 0, mm = 0, ss = 0): string {
  const date = `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
  return hh || mm || ss ? `${date} ${pad(hh)}:${pad(mm)}:${pad(ss)}` : date;
}

/**
 * A Date built from an Excel serial (exceljs builds them in UTC: the UTC fields are the wall-clock value in the
 * sheet), rounded to the second.
 */
export function formatExcelDate(d: Date): string {
  const t = new Date(Math.round(d.getTime() / 1000) * 1000);
  return formatDateParts(
    t.getUTCFullYear(),
    t.getUTCMonth() + 1,
    t.getUTCDate(),
    t.getUTCHours(),
    t.getUTCMinutes(),
    t.getUTCSeconds(),
  );
}

/** An Excel date serial (1900 or 1904 system) → the same text as formatExcelDate. */
export function formatExcelSerial(serial: number, date1904 = false): string {
  const days = date1904 ? serial + 1462 : serial;
  // 25569 = days from 1899-12-30 to 1970-01-01 (Excel's fictitious 1900-02-29 is before any real DMS date).
  return formatExcelDate(new Date((days - 25569) * 86_400_000));
}

export const isBlank = (c: Cell): boolean => c === null || (typeof c === 'string' && c.trim() === '');

export const isEmptyRow = (cells: Cell[]): boolean => cells.every(isBlank);

/** Trailing empty cells carry no information. */
export function trimTrailing(cells: Cell[]): Cell[] {
  let end = cells.length;
  while (end > 0 && isBlank(cells[end - 1] ?? null)) end--;
  return end === cells.length ? cells : cells.slice(0, end);
}
