import ExcelJS from 'exceljs';
import type { RegisterRow } from '../../../core/contracts/registers';
import { a4PageSetup, GAP, safeValue, styleBodyCell, styleHeaderCell } from '../exports/sheet-style';
import { neutralizeText } from '../imports/readers/rejects-writer';
import type { RegisterDef } from './register-defs';

/**
 * A register as an Excel file that prints like the paper form (SPEC §3.13, §3.29): the title row with the
 * dealer's name, the form code (表格编号) and the period, one header row, thin borders on every cell,
 * fixed column widths, A4 landscape fitted to the page width with the header repeated on every page, and
 * a signature line. Every text cell is neutralised against formula injection (the imports' helper).
 */

export interface RegisterSheetMeta {
  dealerName: string;
  period: string;
  exportedAt: string;
  exportedBy: string;
}

const HEADER_ROW = 3;

function writeHeading(ws: ExcelJS.Worksheet, def: RegisterDef, meta: RegisterSheetMeta) {
  const n = def.columns.length;
  const half = Math.max(1, Math.floor(n / 2));
  ws.mergeCells(1, 1, 1, n);
  const title = ws.getCell(1, 1);
  title.value = neutralizeText(`${meta.dealerName}${def.title}`);
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  ws.mergeCells(2, 1, 2, half);
  ws.mergeCells(2, half + 1, 2, n);
  ws.getCell(2, 1).value = def.code ? `表格编号：${def.code}` : '';
  ws.getCell(2, half + 1).value = neutralizeText(`回访期间：${meta.period}${GAP}导出：${meta.exportedAt}`);
  ws.getCell(2, half + 1).alignment = { horizontal: 'right' };
  const head = ws.getRow(HEADER_ROW);
  def.columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = c.header;
    styleHeaderCell(cell);
  });
  head.height = 22;
}

function writeRows(ws: ExcelJS.Worksheet, def: RegisterDef, rows: RegisterRow[]) {
  rows.forEach((r, i) => {
    const row = ws.getRow(HEADER_ROW + 1 + i);
    def.columns.forEach((c, k) => {
      const cell = row.getCell(k + 1);
      cell.value = safeValue(c.value(r, i));
      styleBodyCell(cell);
    });
  });
}

function setupPrint(ws: ExcelJS.Worksheet, def: RegisterDef) {
  ws.columns = def.columns.map((c) => ({ width: c.width }));
  ws.views = [{ state: 'frozen', ySplit: HEADER_ROW }];
  a4PageSetup(ws, 'landscape', def.code ?? def.title, HEADER_ROW);
}

/** The workbook as a buffer (registers are bounded by the export limit, so it is built in memory). */
export async function registerWorkbook(def: RegisterDef, rows: RegisterRow[], meta: RegisterSheetMeta) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Manyi';
  const ws = wb.addWorksheet(def.code ?? def.title);
  setupPrint(ws, def);
  writeHeading(ws, def, meta);
  writeRows(ws, def, rows);
  const sign = ws.getRow(HEADER_ROW + rows.length + 2);
  sign.getCell(1).value = neutralizeText(
    `制表人：${meta.exportedBy}${GAP.repeat(4)}审核：__________${GAP.repeat(4)}日期：__________`,
  );
  ws.mergeCells(sign.number, 1, sign.number, def.columns.length);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
