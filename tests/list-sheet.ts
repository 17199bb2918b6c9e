import ExcelJS from 'exceljs';
import { expect } from 'vitest';

/**
 * Reading a list export (server/features/exports/list-xlsx.ts) in tests: two title lines, then the header row,
 * then one row per list item. `INJECT` is text that would run as a formula if a cell were not written as text.
 */
export const TITLE_ROWS = 3;
export const INJECT = '=HYPERLINK("http://evil.example","点我")';

export async function sheetOf(payload: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const headers = (ws.getRow(TITLE_ROWS).values as unknown[]).slice(1).map(String);
  const rows: ExcelJS.Row[] = [];
  for (let i = TITLE_ROWS + 1; i <= ws.rowCount; i++) rows.push(ws.getRow(i));
  /** The cells of the column with this header, in row order (fails naming the headers when it is missing). */
  const cells = (header: string) => {
    const k = headers.indexOf(header);
    expect(k, `column ${header} in ${headers.join(',')}`).toBeGreaterThanOrEqual(0);
    return rows.map((r) => r.getCell(k + 1));
  };
  /** The values of the column with this header. */
  const col = (header: string) => cells(header).map((c) => c.value);
  return { ws, headers, rows, col, cells };
}

/** A downloaded file: its title line and its rows as objects keyed by header (the browser tests). */
export async function recordsOf(payload: Buffer) {
  const { ws, headers, rows } = await sheetOf(payload);
  return {
    title: String(ws.getCell(1, 1).value),
    header: headers,
    rows: rows.map((r) => Object.fromEntries(headers.map((h, k) => [h, r.getCell(k + 1).value]))),
  };
}

type TestDb = import('../server/db/client').Db;

/** Sets the dealer's row count above which an export of personal data needs a reason (report settings). */
export async function setExportReasonRows(db: TestDb, dealerId: string, rows: number) {
  await db
    .insertInto('reportSettings')
    .values({ dealerId, exportReasonRows: rows })
    .onConflict((oc) => oc.column('dealerId').doUpdateSet({ exportReasonRows: rows }))
    .execute();
}

/** The audit entries of personal-data exports of one list (entity) of a dealer. */
export function exportAudits(db: TestDb, dealerId: string, entityType: string) {
  return db
    .selectFrom('auditLog')
    .select(['details', 'actorUsername'])
    .where('action', '=', 'export.personal-data')
    .where('entityType', '=', entityType)
    .where('dealerId', '=', dealerId)
    .execute();
}
