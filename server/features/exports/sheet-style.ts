import type ExcelJS from 'exceljs';
import { neutralizeText } from '../imports/readers/rejects-writer';

/**
 * What every Excel file Manyi writes shares (registers, reports, list exports): thin borders, the grey header
 * cell, A4 fitted to the page width with page numbers, and cell values that can never run as a formula.
 */
const THIN = { style: 'thin' as const };
export const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** An ideographic space, as paper forms use between fields. */
export const GAP = '\u3000';

/** A value as a cell: finite numbers as numbers, text neutralised against formula injection, the rest empty. */
export const safeValue = (v: string | number | null): string | number | null =>
  v === null ? null : typeof v === 'number' ? (Number.isFinite(v) ? v : null) : neutralizeText(v);

export function styleHeaderCell(cell: ExcelJS.Cell) {
  cell.font = { bold: true };
  cell.border = BORDER;
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
}

export function styleBodyCell(cell: ExcelJS.Cell) {
  cell.border = BORDER;
  cell.alignment = { vertical: 'top', wrapText: true };
}

/** A4 fitted to the width, centred, with the usual margins; `titleRows` repeat on every printed page. */
export function a4PageSetup(
  ws: ExcelJS.Worksheet,
  orientation: 'portrait' | 'landscape',
  footer: string,
  titleRows?: number,
) {
  ws.pageSetup = {
    paperSize: 9,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(titleRows ? { printTitlesRow: `1:${titleRows}` } : {}),
  };
  ws.headerFooter = { oddFooter: `${footer}${GAP}第 &P 页 / 共 &N 页` };
}
