import ExcelJS from 'exceljs';
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

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const GAP = '\u3000';

const safe = (v: Cell): string | number | null =>
  v === null ? null : typeof v === 'number' ? (Number.isFinite(v) ? v : null) : neutralizeText(v);

function writeSection(ws: ExcelJS.Worksheet, s: Section, width: number) {
  const titleRow = ws.addRow([neutralizeText(s.title)]);
  titleRow.font = { bold: true, size: 12 };
  ws.mergeCells(titleRow.number, 1, titleRow.number, width);
  const head = ws.addRow(s.columns);
  head.eachCell((c) => {
    c.font = { bold: true };
    c.border = BORDER;
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
  });
  if (s.rows.length === 0) {
    const none = ws.addRow(['（无）']);
    none.getCell(1).border = BORDER;
  }
  for (const r of s.rows) {
    const row = ws.addRow(r.map(safe));
    for (let i = 1; i <= s.columns.length; i++) {
      const c = row.getCell(i);
      c.border = BORDER;
      c.alignment = { vertical: 'top', wrapText: true };
    }
  }
  ws.addRow([]);
}

export async function reportWorkbook(sections: Section[], meta: ReportSheetMeta): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Manyi';
  const ws = wb.addWorksheet(meta.code.replace(/[\\/?*[\]:]/g, '-'));
  const width = Math.max(2, ...sections.map((s) => s.columns.length));
  ws.columns = Array.from({ length: width }, (_, i) => ({ width: i === 0 ? 22 : 16 }));
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: `${meta.code}${GAP}第 &P 页 / 共 &N 页` };
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
