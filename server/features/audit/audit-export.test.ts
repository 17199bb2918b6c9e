import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Session } from '../../../tests/harness';
import { TEST_DB_KIND } from '../../../tests/test-db';
import { appendAudit } from './audit.service';
import { exportAudits, INJECT, sheetOf, TITLE_ROWS } from '../../../tests/list-sheet';

/**
 * The audit log as Excel (issue 7): the entries of `GET /api/audit` for the same filter, read past one page, text
 * that would run as a formula stored as text, a reason above the dealer's row count (the export itself audited),
 * and only the dealer's own entries.
 */

describe(`audit log export on ${TEST_DB_KIND}`, () => {
  const t = useTestApp();
  let gm: Session;
  let shDealer: string;
  let hzDealer: string;

  beforeAll(async () => {
    const db = t.database.db;
    gm = await t.login('gm');
    shDealer = gm.me.currentDealerId as string;
    hzDealer = (await db.selectFrom('dealers').select('id').where('code', '=', 'HZ002').executeTakeFirstOrThrow()).id;
    // More entries than one page of the export's reader (500), one of them named like a formula.
    for (let i = 0; i < 520; i++)
      await appendAudit(db, {
        dealerId: shDealer,
        actorUsername: 'gm',
        action: 'test.export-page',
        entityType: 'test',
        entityId: String(i),
        details: { i },
      });
    await appendAudit(db, {
      dealerId: shDealer,
      actorUsername: INJECT,
      action: 'test.export-inject',
      outcome: 'denied',
    });
    await appendAudit(db, { dealerId: hzDealer, actorUsername: 'hz_admin', action: 'test.export-page' });
  }, 120_000);

  it('holds the JSON entries for the same filter, read past one page, formulas as text, own dealers only', async () => {
    const json = (await t.as(gm, 'GET', '/api/audit?action=test.export-page&limit=200')).json() as { total: number };
    expect(json.total).toBe(520);
    const res = await t.as(
      gm,
      'GET',
      `/api/audit/export.xlsx?action=test.export-page&reason=${encodeURIComponent('年度审计复核')}`,
    );
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const { rows, col, ws } = await sheetOf(res.rawPayload);
    expect(rows.length).toBe(520);
    expect(new Set(col('对象')).size).toBe(520);
    expect(col('用户').map(String)).not.toContain('hz_admin');
    expect(String(col('经销商')[0])).toContain('SH001');
    expect(col('时间')[0]).toBeInstanceOf(Date);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: TITLE_ROWS });
    const denied = await sheetOf(
      (await t.as(gm, 'GET', '/api/audit/export.xlsx?action=test.export-inject&outcome=denied')).rawPayload,
    );
    const jsonDenied = (await t.as(gm, 'GET', '/api/audit?action=test.export-inject&outcome=denied')).json() as {
      items: { seq: number }[];
    };
    expect(denied.col('序号')).toEqual(jsonDenied.items.map((i) => i.seq));
    expect(denied.col('用户').map(String)).toEqual([`'${INJECT}`]);
    expect(denied.col('结果')).toEqual(['拒绝']);
    for (const r of denied.rows) r.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula));
    expect((await t.as(gm, 'GET', '/api/audit/export.xlsx?outcome=maybe')).statusCode).toBe(400);
    const agent = await t.login('cs_agent');
    expect((await t.as(agent, 'GET', '/api/audit/export.xlsx')).statusCode).toBe(403);
  });

  it('asks for a reason above the row count and audits the export itself', async () => {
    const db = t.database.db;
    const audits = () => exportAudits(db, shDealer, 'audit-log');
    const before = (await audits()).length;
    const refused = await t.as(gm, 'GET', '/api/audit/export.xlsx?action=test.export-page');
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ error: { code: 'EXPORT_REASON_REQUIRED' } });
    expect((await audits()).length).toBe(before);
    const ok = await t.as(
      gm,
      'GET',
      `/api/audit/export.xlsx?action=test.export-page&reason=${encodeURIComponent('年度审计复核')}`,
    );
    expect(ok.statusCode).toBe(200);
    const after = await audits();
    expect(after.length).toBe(before + 1);
    expect(after.map((a) => a.details)).toContainEqual({ rows: 520, phones: 'masked', reason: '年度审计复核' });
  });
});
