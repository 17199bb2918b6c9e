import type { Cell, Section } from './report-sections';
import type { ReportSheetMeta } from './report-xlsx';

/**
 * The printable page of a report (GET /api/reports/:id/print): plain HTML styled for A4 (CSS @page, @media print),
 * laid out like the paper form, from the same sections as the Excel file. Every value is HTML-escaped.
 */
const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
const show = (v: Cell) => (v === null ? '' : esc(String(v)));

const STYLE = `
  @page { size: A4 portrait; margin: 12mm; }
  body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; font-size: 11pt; color: #000; margin: 0 auto; max-width: 186mm; }
  h1 { text-align: center; font-size: 16pt; margin: 4mm 0 2mm; }
  .meta { display: flex; justify-content: space-between; font-size: 9pt; margin-bottom: 4mm; }
  h2 { font-size: 11pt; margin: 5mm 0 1mm; }
  table { width: 100%; border-collapse: collapse; page-break-inside: auto; }
  th, td { border: 1px solid #000; padding: 1mm 1.5mm; vertical-align: top; }
  th { background: #d9d9d9; }
  tr { page-break-inside: avoid; }
  .sign { margin-top: 10mm; display: flex; justify-content: space-between; }
  .notes { white-space: pre-wrap; border: 1px solid #000; padding: 2mm; min-height: 15mm; }
  @media print { .noprint { display: none; } }
`;

function table(s: Section): string {
  const head = s.columns.map((c) => `<th>${esc(c)}</th>`).join('');
  const body = s.rows.length
    ? s.rows.map((r) => `<tr>${r.map((v) => `<td>${show(v)}</td>`).join('')}</tr>`).join('')
    : `<tr><td colspan="${s.columns.length}">（无）</td></tr>`;
  return `<h2>${esc(s.title)}</h2><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

export function reportHtml(sections: Section[], meta: ReportSheetMeta): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(meta.title)} ${esc(meta.period)}</title>
<style>${STYLE}</style></head><body>
<h1>${esc(meta.dealerName)}${esc(meta.title)}</h1>
<div class="meta"><span>表格编号：${esc(meta.code)}</span><span>期间：${esc(meta.period)}&#12288;生成：${esc(meta.generatedAt)}&#12288;${esc(meta.status)}</span></div>
${sections.map(table).join('\n')}
<h2>组长批注</h2><div class="notes">${esc(meta.annotations)}</div>
<div class="sign"><span>制表人：__________</span><span>审核：__________</span><span>日期：__________</span></div>
</body></html>`;
}
