import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Session } from '../../../tests/harness';
import { TEST_DB_KIND } from '../../../tests/test-db';
import { exportAudits, INJECT, setExportReasonRows, sheetOf } from '../../../tests/list-sheet';

/**
 * 客户查询 results as Excel (issue 7): the rows of `GET /api/customers` for the same search text, phones masked
 * even for a role that sees them in full, formula text as text, a reason above the dealer's row count (audited),
 * and only the dealer's own customers.
 */

describe(`customer search export on ${TEST_DB_KIND}`, () => {
  const t = useTestApp();
  let agent: Session;
  let shDealer: string;
  const PREFIX = '导出测试';

  beforeAll(async () => {
    const db = t.database.db;
    agent = await t.login('cs_agent');
    shDealer = agent.me.currentDealerId as string;
    const hzDealer = (await db.selectFrom('dealers').select('id').where('code', '=', 'HZ002').executeTakeFirstOrThrow())
      .id;
    const add = async (dealerId: string, name: string, phone: string, i: number) => {
      const c = await db
        .insertInto('customers')
        .values({ dealerId, matchKey: `x:search-export:${i}`, name })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('customerPhones')
        .values({ dealerId, customerId: c.id, phone, kind: 'mobile', isPrimary: true })
        .execute();
    };
    await add(shDealer, `${PREFIX}王一`, '13611112222', 1);
    await add(shDealer, `${PREFIX}王二`, '13633334444', 2);
    await add(shDealer, INJECT, '13655556666', 3);
    await add(hzDealer, `${PREFIX}杭州`, '13677778888', 4);
  });

  it('holds the search rows for the same text, phones masked, formulas as text, own dealer only', async () => {
    for (const q of [PREFIX, '=HYPER', '13633334444']) {
      const json = (await t.as(agent, 'GET', `/api/customers?q=${encodeURIComponent(q)}&limit=100`)).json() as {
        items: { name: string }[];
      };
      expect(json.items.length, q).toBeGreaterThan(0);
      const res = await t.as(agent, 'GET', `/api/customers/export.xlsx?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      const { rows, col } = await sheetOf(res.rawPayload);
      expect(rows.length).toBe(json.items.length);
      expect(col('客户').map(String)).toEqual(json.items.map((i) => (i.name === INJECT ? `'${INJECT}` : i.name)));
      for (const r of rows) r.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula));
    }
    const { col } = await sheetOf(
      (await t.as(agent, 'GET', `/api/customers/export.xlsx?q=${encodeURIComponent(PREFIX)}`)).rawPayload,
    );
    expect(col('客户').map(String).sort()).toEqual([`${PREFIX}王一`, `${PREFIX}王二`]);
    expect(col('电话').map(String).sort()).toEqual(['136****2222', '136****4444']);
    expect((await t.as(agent, 'GET', '/api/customers/export.xlsx')).statusCode).toBe(400);
  });

  it('masks phones for a role that sees them in full, hides them for a role that may not see them', async () => {
    const db = t.database.db;
    const setView = (view: 'full' | 'none') =>
      db
        .insertInto('customerFieldPermissions')
        .values({
          dealerId: shDealer,
          role: 'cs_agent',
          fieldGroup: 'contact',
          view,
          canReveal: false,
          canEdit: false,
          canExport: false,
        })
        .execute();
    const clear = () =>
      db
        .deleteFrom('customerFieldPermissions')
        .where('dealerId', '=', shDealer)
        .where('role', '=', 'cs_agent')
        .execute();
    const url = `/api/customers/export.xlsx?q=${encodeURIComponent(PREFIX)}`;
    try {
      await setView('full');
      const json = (await t.as(agent, 'GET', `/api/customers?q=${encodeURIComponent(PREFIX)}`)).json() as {
        items: { phone: string }[];
      };
      expect(json.items.map((i) => i.phone).sort()).toEqual(['13611112222', '13633334444']);
      const full = await sheetOf((await t.as(agent, 'GET', url)).rawPayload);
      expect(full.col('电话').map(String).sort()).toEqual(['136****2222', '136****4444']);
      await clear();
      await setView('none');
      const none = await sheetOf((await t.as(agent, 'GET', url)).rawPayload);
      expect(none.headers).not.toContain('电话');
    } finally {
      await clear();
    }
  });

  it('asks for a reason above the row count and audits the export with it', async () => {
    const db = t.database.db;
    await setExportReasonRows(db, shDealer, 1);
    const audits = () => exportAudits(db, shDealer, 'customer-search');
    try {
      const url = `/api/customers/export.xlsx?q=${encodeURIComponent(PREFIX)}`;
      const before = (await audits()).length;
      const refused = await t.as(agent, 'GET', url);
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toMatchObject({ error: { code: 'EXPORT_REASON_REQUIRED' } });
      expect((await audits()).length).toBe(before);
      const ok = await t.as(agent, 'GET', `${url}&reason=${encodeURIComponent('客户回访名单核对')}`);
      expect(ok.statusCode).toBe(200);
      const after = await audits();
      expect(after.length).toBe(before + 1);
      expect(after.map((a) => a.details)).toContainEqual({ rows: 2, phones: 'masked', reason: '客户回访名单核对' });
    } finally {
      await db.deleteFrom('reportSettings').where('dealerId', '=', shDealer).execute();
    }
  });
});
