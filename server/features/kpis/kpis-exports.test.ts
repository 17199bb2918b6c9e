import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Session } from '../../../tests/harness';
import { SMALL_CONTENT } from '../../../tests/questionnaire-samples';
import { TEST_DB_KIND } from '../../../tests/test-db';
import { invalidateScopeCache } from '../org/scope-cache';
import { FIXTURE, seedKpiMonth } from './kpis.fixture';
import { exportAudits, INJECT, sheetOf, TITLE_ROWS } from '../../../tests/list-sheet';

/**
 * The dashboard's lists as Excel (issue 7): the drill-down, the staff ranking and the dealer benchmark. Each file
 * holds the rows of its JSON list for the same filter, masked as on screen, text that would run as a formula
 * stored as text, a reason above the dealer's row count (audited) where the rows name people, and only the rows
 * the actor may see.
 */

describe(`KPI exports on ${TEST_DB_KIND}`, () => {
  const t = useTestApp();
  let gm: Session;
  let dealerId: string;
  const range = `from=${FIXTURE.from}&to=${FIXTURE.to}`;

  beforeAll(async () => {
    const cs = await t.login('cs_supervisor');
    gm = await t.login('gm');
    dealerId = gm.me.currentDealerId as string;
    const id = (await t.as(cs, 'POST', '/api/questionnaires', { content: SMALL_CONTENT })).json().versionId as string;
    expect((await t.as(gm, 'POST', `/api/questionnaire-versions/${id}/approve`)).statusCode).toBe(200);
    expect((await t.as(cs, 'POST', `/api/questionnaire-versions/${id}/publish`)).statusCode).toBe(200);
    await seedKpiMonth(t.database.db, dealerId, id, gm.me.user.id);
    // A customer named like a formula on one phone task: masked to its first character, which must still not run.
    const db = t.database.db;
    const c = await db
      .insertInto('customers')
      .values({ dealerId, matchKey: 'x:drill-export', name: INJECT })
      .returning('id')
      .executeTakeFirstOrThrow();
    const task = await db
      .selectFrom('callbackTasks')
      .select('id')
      .where('dealerId', '=', dealerId)
      .limit(1)
      .executeTakeFirstOrThrow();
    await db.updateTable('callbackTasks').set({ customerId: c.id }).where('id', '=', task.id).execute();
  });

  it('holds the JSON drill rows for the same filter, phones masked, formulas as text, read past one page', async () => {
    for (const filter of [
      `${range}&kind=tasks`,
      `${range}&kind=responses&dissatisfiedOnly=true`,
      `${range}&kind=responses`,
    ]) {
      const json = (await t.as(gm, 'GET', `/api/kpis/drill?${filter}`)).json() as {
        total: number;
        rows: { id: string; phone: string | null; customer: string | null; staff: string | null }[];
      };
      expect(json.total).toBeGreaterThan(0);
      const res = await t.as(gm, 'GET', `/api/kpis/drill/export.xlsx?${filter}`);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const { rows, col, ws } = await sheetOf(res.rawPayload);
      expect(rows.length).toBe(json.total);
      expect(col('人员')).toEqual(json.rows.map((r) => r.staff));
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: TITLE_ROWS });
      for (const r of rows) r.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula));
    }
    const { col } = await sheetOf(
      (await t.as(gm, 'GET', `/api/kpis/drill/export.xlsx?${range}&kind=tasks`)).rawPayload,
    );
    const phones = col('电话').map(String);
    expect(phones).toContain('138****5678');
    expect(phones.join()).not.toContain('13812345678');
    expect(col('客户').map(String)).toContain(`'=**`);
    expect(col('日期')[0]).toBeInstanceOf(Date);
    // The paged JSON list reads past its first page the same way the export does.
    const first = (await t.as(gm, 'GET', `/api/kpis/drill?${range}&kind=tasks&limit=5`)).json();
    const second = (await t.as(gm, 'GET', `/api/kpis/drill?${range}&kind=tasks&limit=5&offset=5`)).json();
    const ids = [...first.rows, ...second.rows].map((r: { id: string }) => r.id);
    expect(new Set(ids).size).toBe(10);
  });

  it("narrows with the chart's reason as factor and refuses a bad filter", async () => {
    const json = (await t.as(gm, 'GET', `/api/kpis/drill?${range}&kind=responses&reason=q1`)).json();
    expect(json.total).toBe(1);
    const res = await t.as(gm, 'GET', `/api/kpis/drill/export.xlsx?${range}&kind=responses&factor=q1`);
    expect(res.statusCode).toBe(200);
    const { rows, ws } = await sheetOf(res.rawPayload);
    expect(rows.length).toBe(1);
    expect(String(ws.getCell(2, 1).value)).toContain('不满意因素=q1');
    expect((await t.as(gm, 'GET', `/api/kpis/drill/export.xlsx?kind=nope`)).statusCode).toBe(400);
    expect(
      (await t.as(gm, 'GET', `/api/kpis/drill/export.xlsx?kind=tasks&from=2025-07-01&to=2025-06-01`)).statusCode,
    ).toBe(400);
  });

  it('asks for a reason above the row count, audits the export, hides phones the role may not see', async () => {
    const db = t.database.db;
    await db.insertInto('reportSettings').values({ dealerId, exportReasonRows: 1 }).execute();
    const audits = () => exportAudits(db, dealerId, 'kpi-drill');
    try {
      const url = `/api/kpis/drill/export.xlsx?${range}&kind=tasks`;
      const before = (await audits()).length;
      const refused = await t.as(gm, 'GET', url);
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toMatchObject({ error: { code: 'EXPORT_REASON_REQUIRED' } });
      expect((await audits()).length).toBe(before);
      const ok = await t.as(gm, 'GET', `${url}&reason=${encodeURIComponent('月度回访复核')}`);
      expect(ok.statusCode).toBe(200);
      const after = await audits();
      expect(after).toHaveLength(before + 1);
      expect(after.map((a) => a.details)).toContainEqual({ rows: 13, phones: 'masked', reason: '月度回访复核' });
    } finally {
      await db.deleteFrom('reportSettings').where('dealerId', '=', dealerId).execute();
    }
    await db
      .insertInto('customerFieldPermissions')
      .values({
        dealerId,
        role: 'gm',
        fieldGroup: 'contact',
        view: 'none',
        canReveal: false,
        canEdit: false,
        canExport: false,
      })
      .execute();
    try {
      const { headers } = await sheetOf(
        (await t.as(gm, 'GET', `/api/kpis/drill/export.xlsx?${range}&kind=tasks`)).rawPayload,
      );
      expect(headers).not.toContain('电话');
      expect(headers).toContain('客户');
    } finally {
      await db
        .deleteFrom('customerFieldPermissions')
        .where('dealerId', '=', dealerId)
        .where('role', '=', 'gm')
        .execute();
    }
  });

  it("keeps other dealers' rows out and refuses roles without the dashboard", async () => {
    const db = t.database.db;
    const hzDealer = (await db.selectFrom('dealers').select('id').where('code', '=', 'HZ002').executeTakeFirstOrThrow())
      .id;
    expect((await t.as(gm, 'GET', `/api/kpis/drill/export.xlsx?kind=tasks&dealerId=${hzDealer}`)).statusCode).toBe(404);
    const hz = await t.login('hz_agent');
    expect((await t.as(hz, 'GET', `/api/kpis/drill/export.xlsx?kind=tasks`)).statusCode).toBe(403);
    const other = await t.login('cs_lead');
    const res = await t.as(other, 'GET', `/api/kpis/drill/export.xlsx?${range}&kind=tasks`);
    expect(res.statusCode).toBe(200);
    expect((await sheetOf(res.rawPayload)).rows.length).toBe(13);
  });

  it('exports the staff ranking of the same range and role, audited', async () => {
    const db = t.database.db;
    // The agent's name as stored for the ranking label, made to look like a formula.
    await db.updateTable('users').set({ displayName: INJECT }).where('id', '=', gm.me.user.id).execute();
    const json = (await t.as(gm, 'GET', `/api/kpis/staff-ranking?${range}&role=agent`)).json() as {
      rows: { label: string; responses: number; rank: number }[];
    };
    expect(json.rows.length).toBeGreaterThan(0);
    const res = await t.as(gm, 'GET', `/api/kpis/staff-ranking/export.xlsx?${range}&role=agent`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const { rows, col, ws } = await sheetOf(res.rawPayload);
    expect(rows.length).toBe(json.rows.length);
    expect(col('答卷数')).toEqual(json.rows.map((r) => r.responses));
    expect(col('名次')).toEqual(json.rows.map((r) => r.rank));
    expect(col('员工').map(String)).toEqual(json.rows.map((r) => (r.label === INJECT ? `'${INJECT}` : r.label)));
    expect(String(ws.getCell(2, 1).value)).toContain('岗位=agent');
    for (const r of rows) r.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula));
    const audited = await db
      .selectFrom('auditLog')
      .select('details')
      .where('action', '=', 'export.personal-data')
      .where('entityType', '=', 'kpi-staff-ranking')
      .where('dealerId', '=', dealerId)
      .execute();
    expect(audited.map((a) => a.details)).toContainEqual(expect.objectContaining({ rows: json.rows.length }));
    expect((await t.as(gm, 'GET', `/api/kpis/staff-ranking/export.xlsx?role=boss`)).statusCode).toBe(400);
    const hz = await t.login('hz_agent');
    expect((await t.as(hz, 'GET', `/api/kpis/staff-ranking/export.xlsx`)).statusCode).toBe(403);
  });

  it("names, times and audits a group analyst's drill as the drilled dealer's, not the one the analyst works in", async () => {
    const db = t.database.db;
    const dealer = (code: string) =>
      db.selectFrom('dealers').select(['id', 'name']).where('code', '=', code).executeTakeFirstOrThrow();
    const [sh, hz] = [await dealer('SH001'), await dealer('HZ002')];
    expect(sh.id).toBe(dealerId);
    const analyst = await t.login('group_analyst');
    // The analyst works in Hangzhou now and opens the Shanghai dealer's rows behind a chart.
    expect((await t.as(analyst, 'POST', '/api/auth/dealer', { dealerId: hz.id })).statusCode).toBe(200);
    const filter = `${range}&kind=tasks&dealerId=${sh.id}`;
    const json = (await t.as(analyst, 'GET', `/api/kpis/drill?${filter}&limit=200`)).json() as { total: number };
    const before = (await exportAudits(db, sh.id, 'kpi-drill')).length;
    const res = await t.as(analyst, 'GET', `/api/kpis/drill/export.xlsx?${filter}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const { ws, rows } = await sheetOf(res.rawPayload);
    expect(rows.length).toBe(json.total);
    expect(String(ws.getCell(1, 1).value)).toContain(sh.name);
    expect(String(ws.getCell(1, 1).value)).not.toContain(hz.name);
    // The title names the dealer; its id is not repeated in the filter line.
    expect(String(ws.getCell(2, 1).value)).not.toContain(sh.id);
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain(sh.name);
    const audits = await exportAudits(db, sh.id, 'kpi-drill');
    expect(audits.length).toBe(before + 1);
    expect(audits.map((a) => a.actorUsername)).toContain('group_analyst');
    expect(await exportAudits(db, hz.id, 'kpi-drill')).toEqual([]);
  });

  it('exports the benchmark: every dealer for the analyst, only its own for a dealer user', async () => {
    const db = t.database.db;
    // Only dealers with responses in the range are ranked: the fixture's dealer, named like a formula.
    await db.updateTable('dealers').set({ name: INJECT }).where('code', '=', 'SH001').execute();
    // Written past the org service, so drop the cached scope dealers as its rename would.
    invalidateScopeCache();
    const analyst = await t.login('group_analyst');
    const json = (await t.as(analyst, 'GET', `/api/kpis/benchmark?${range}`)).json() as {
      national: number;
      dealers: { dealerId: string; code: string; name: string; score: number | null }[];
    };
    expect(json.dealers.map((d) => d.code)).toContain('SH001');
    const res = await t.as(analyst, 'GET', `/api/kpis/benchmark/export.xlsx?${range}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const { rows, col } = await sheetOf(res.rawPayload);
    expect(rows.length).toBe(json.dealers.length);
    expect(new Set(col('经销商代码'))).toEqual(new Set(json.dealers.map((d) => d.code)));
    const codes = col('经销商代码');
    expect(col('得分')[codes.indexOf('SH001')]).toBe(76.67);
    expect(col('全国排名')[0]).toBe(1);
    expect(new Set(col('全国平均'))).toEqual(new Set([76.67]));
    expect(col('经销商').map(String)).toContain(`'${INJECT}`);
    for (const r of rows) r.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula));
    const own = await sheetOf((await t.as(gm, 'GET', `/api/kpis/benchmark/export.xlsx?${range}`)).rawPayload);
    expect(own.col('经销商代码')).toEqual(['SH001']);
    expect(own.col('全国平均')).toEqual([76.67]);
    const agent = await t.login('cs_agent');
    expect((await t.as(agent, 'GET', `/api/kpis/benchmark/export.xlsx`)).statusCode).toBe(403);
  });
});
