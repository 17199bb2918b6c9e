import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Session } from '../../../tests/harness';
import { TEST_DB_KIND } from '../../../tests/test-db';
import { exportAudits, INJECT, setExportReasonRows, sheetOf } from '../../../tests/list-sheet';

/**
 * 员工名录 and 用户账号 as Excel (issue 7): each file holds the rows of its JSON list for the same filter,
 * phones masked, text that would run as a formula stored as text, a reason above the dealer's row
 * count (audited), and only the dealer's own people.
 */

describe(`staff directory and user exports on ${TEST_DB_KIND}`, () => {
  const t = useTestApp();
  let admin: Session;
  let hzAdmin: Session;
  let shDealer: string;

  beforeAll(async () => {
    admin = await t.login('dealer_admin');
    hzAdmin = await t.login('hz_admin');
    shDealer = admin.me.currentDealerId as string;
    const add = async (s: Session, body: object) => {
      const res = await t.as(s, 'POST', '/api/staff', body);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
    };
    await add(admin, { name: INJECT, department: 'after_sales', position: '服务顾问', phone: '13812340001' });
    await add(admin, { name: '导出员工', department: 'sales', position: '销售顾问', phone: '13812340002' });
    await add(hzAdmin, { name: '杭州员工', department: 'sales', position: '销售顾问', phone: '13812340003' });
  });

  it('staff: the JSON directory for the same filter, phones masked, formulas as text, own dealer only', async () => {
    for (const filter of ['', 'department=sales', `q=${encodeURIComponent('导出')}`]) {
      const json = (await t.as(admin, 'GET', `/api/staff?limit=200&${filter}`)).json() as {
        items: { name: string }[];
        total: number;
      };
      expect(json.total, filter).toBeGreaterThan(0);
      const res = await t.as(
        admin,
        'GET',
        `/api/staff/export.xlsx?${filter}&reason=${encodeURIComponent('年度人员核对')}`,
      );
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      const { rows, col } = await sheetOf(res.rawPayload);
      expect(rows.length).toBe(json.total);
      expect(col('姓名').map(String)).toEqual(json.items.map((i) => (i.name === INJECT ? `'${INJECT}` : i.name)));
      expect(col('姓名').map(String)).not.toContain('杭州员工');
      for (const r of rows) r.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula));
    }
    const { col } = await sheetOf(
      (await t.as(admin, 'GET', `/api/staff/export.xlsx?q=${encodeURIComponent('导出')}`)).rawPayload,
    );
    expect(col('电话')).toEqual(['138****0002']);
    expect(col('部门')).toEqual(['销售部']);
    expect((await t.as(admin, 'GET', '/api/staff/export.xlsx?department=hr')).statusCode).toBe(400);
  });

  it('staff: asks for a reason above the row count and audits the export', async () => {
    const db = t.database.db;
    await setExportReasonRows(db, shDealer, 1);
    const audits = () => exportAudits(db, shDealer, 'staff');
    try {
      const before = (await audits()).length;
      const refused = await t.as(admin, 'GET', '/api/staff/export.xlsx');
      expect(refused.statusCode).toBe(422);
      expect((await audits()).length).toBe(before);
      const total = ((await t.as(admin, 'GET', '/api/staff')).json() as { total: number }).total;
      const ok = await t.as(admin, 'GET', `/api/staff/export.xlsx?reason=${encodeURIComponent('年度人员核对')}`);
      expect(ok.statusCode).toBe(200);
      const after = await audits();
      expect(after.length).toBe(before + 1);
      expect(after.map((a) => a.details)).toContainEqual({ rows: total, phones: 'masked', reason: '年度人员核对' });
    } finally {
      await db.deleteFrom('reportSettings').where('dealerId', '=', shDealer).execute();
    }
  });

  it('users: the accounts the admin administers, roles in the language, own dealer only', async () => {
    await t.database.db.updateTable('users').set({ displayName: INJECT }).where('username', '=', 'cs_agent').execute();
    const json = (await t.as(admin, 'GET', '/api/users?limit=200')).json() as {
      items: { username: string }[];
      total: number;
    };
    expect(json.total).toBeGreaterThan(1);
    const res = await t.as(admin, 'GET', '/api/users/export.xlsx');
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const { rows, col } = await sheetOf(res.rawPayload);
    expect(rows.length).toBe(json.total);
    expect(col('用户名')).toEqual(json.items.map((i) => i.username));
    expect(col('用户名')).not.toContain('hz_admin');
    const names = col('姓名').map(String);
    expect(names[col('用户名').indexOf('cs_agent')]).toBe(`'${INJECT}`);
    expect(col('角色')[col('用户名').indexOf('cs_agent')]).toBe('客服专员');
    for (const r of rows) r.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula));
    const hz = await sheetOf((await t.as(hzAdmin, 'GET', '/api/users/export.xlsx')).rawPayload);
    expect(hz.col('用户名')).toContain('hz_admin');
    expect(hz.col('用户名')).not.toContain('cs_agent');
    const agent = await t.login('cs_agent');
    expect((await t.as(agent, 'GET', '/api/users/export.xlsx')).statusCode).toBe(403);
  });
});
