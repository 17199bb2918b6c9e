import ExcelJS from 'exceljs';
import { a4PageSetup, BORDER, GAP, safeValue, styleBodyCell, styleHeaderCell } from '../exports/sheet-style';
import { neutralizeText } from '../imports/readers/rejects-writer';
import type { Cell, Section } from './report-sections';

/**
 * A report as an Excel file that prints like the paper form (the registers' approach, SPEC §3.29): title with the
 * dealer and form code, period line, each section as a bordered table with a grey header, A4 portrait fitted to
 * the width, page numbers, a signature line. Every text cell is neutralised against formula injection.
 */
export interface ReportSheetMeta {
  dealerName: string;
  code: string;
  title: string;
  period: string;
  status: string;
  annotations: string;
  generatedAt: string;
}

const safe = (v: Cell): string | number | null => safeValue(v);

function writeSection(ws: ExcelJS.Worksheet, s: Section, width: number) {
  const titleRow = ws.addRow([neutralizeText(s.title)]);
  titleRow.font = { bold: true, size: 12 };
  ws.mergeCells(titleRow.number, 1, titleRow.number, width);
  const head = ws.addRow(s.columns);
  head.eachCell(styleHeaderCell);
  if (s.rows.length === 0) {
    const none = ws.addRow(['（无）']);
    none.getCell(1).border = BORDER;
  }
  for (const r of s.rows) {
    const row = ws.addRow(r.map(safe));
    for (let i = 1; i <= s.columns.length; i++) styleBodyCell(row.getCell(i));
  }
  ws.addRow([]);
}

export async function reportWorkbook(sections: Section[], meta: ReportSheetMeta): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Manyi';
  const ws = wb.addWorksheet(meta.code.replace(/[\\/?*[\]:]/g, '-'));
  const width = Math.max(2, ...sections.map((s) => s.columns.length));
  ws.columns = Array.from({ length: width }, (_, i) => ({ width: i === 0 ? 22 : 16 }));
  a4PageSetup(ws, 'portrait', meta.code);
  const title = ws.addRow([neutralizeText(`${meta.dealerName}${meta.title}`)]);
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center' };
  ws.mergeCells(1, 1, 1, width);
  ws.addRow([
    `表格编号：${meta.code}`,
    neutralizeText(`期间：${meta.period}${GAP}生成：${meta.generatedAt}${GAP}${meta.status}`),
  ]);
  ws.addRow([]);
  for (const s of sections) writeSection(ws, s, width);
  if (meta.annotations) {
    ws.addRow([neutralizeText('组长批注')]).font = { bold: true };
    const a = ws.addRow([neutralizeText(meta.annotations)]);
    ws.mergeCells(a.number, 1, a.number, width);
    a.alignment = { wrapText: true, vertical: 'top' };
  }
  ws.addRow([]);
  ws.addRow([`制表人：__________${GAP.repeat(4)}审核：__________${GAP.repeat(4)}日期：__________`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
