import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Session } from '../../../tests/harness';
import { SMALL_CONTENT } from '../../../tests/questionnaire-samples';
import { FAQ_ARTICLE } from '../../../tests/samples/faq';
import { TEST_DB_KIND } from '../../../tests/test-db';
import { localParts } from '../../../core/rules/callback-rules';
import { insertRepairOrders, insertSales, seedCustomers } from '../callbacks/callbacks.fixtures';
import { exportAudits, setExportReasonRows } from '../../../tests/list-sheet';

/**
 * Registers (SPEC §3.13): rows come from the callback tasks, attempts and responses (no separate store);
 * filters, the paper-form Excel export, masking per the permission table, and tenancy.
 */
describe(`registers on ${TEST_DB_KIND}`, () => {
  const t = useTestApp();
  let agent: Session;
  let shDealer: string;
  const task: Record<'dissatisfied' | 'noAnswer' | 'sale' | 'hz', string> = {} as never;
  // the dealer's calendar day (Asia/Shanghai), which the register's date filter uses — not the UTC one
  const today = localParts(new Date(), 'Asia/Shanghai').ymd;

  async function ok<T>(res: { statusCode: number; body: string; json(): unknown }, status = 200): Promise<T> {
    expect(res.statusCode, res.body.slice(0, 400)).toBe(status);
    return res.json() as T;
  }

  async function publishedVersion() {
    const cs = await t.login('cs_supervisor');
    const gm = await t.login('gm');
    const created = await ok<{ versionId: string }>(
      await t.as(cs, 'POST', '/api/questionnaires', { content: SMALL_CONTENT }),
      201,
    );
    await ok(await t.as(gm, 'POST', `/api/questionnaire-versions/${created.versionId}/approve`));
    await ok(await t.as(cs, 'POST', `/api/questionnaire-versions/${created.versionId}/publish`));
    return created.versionId;
  }

  async function insertTask(
    dealerId: string,
    type: string,
    sourceKind: string,
    sourceId: string,
    c: { id: string; vehicleId: string },
  ) {
    const row = await t.database.db
      .insertInto('callbackTasks')
      .values({
        dealerId,
        type,
        sourceKind,
        sourceId,
        customerId: c.id,
        vehicleId: c.vehicleId,
        anchorKind: sourceKind === 'sale' ? 'purchase' : 'settlement',
        anchorDate: today,
        dueStart: today,
        dueEnd: today,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async function seedDealer(code: string, tag: string) {
    const db = t.database.db;
    const dealerId = (await db.selectFrom('dealers').select('id').where('code', '=', code).executeTakeFirstOrThrow())
      .id;
    const cs = await seedCustomers(db, dealerId, 3, tag);
    await insertRepairOrders(db, dealerId, tag, [
      { customer: cs[0]!, settledOn: today, advisorName: '李顾问', repairType: '保养' },
      { customer: cs[1]!, settledOn: today, advisorName: '周顾问', repairType: '钣喷' },
    ]);
    await insertSales(db, dealerId, tag, [{ customer: cs[2]!, saleDate: today, consultantName: '陈销售' }]);
    const ros = await db
      .selectFrom('repairOrders')
      .select(['id', 'customerId'])
      .where('dealerId', '=', dealerId)
      .execute();
    const sale = await db.selectFrom('sales').select('id').where('dealerId', '=', dealerId).executeTakeFirstOrThrow();
    const roOf = (i: number) => ros.find((r) => r.customerId === cs[i]!.id)!.id;
    return { dealerId, cs, roOf, saleId: sale.id };
  }

  beforeAll(async () => {
    const sh = await seedDealer('SH001', 'reg');
    shDealer = sh.dealerId;
    await t.database.db
      .updateTable('vehicles')
      .set({ model: '=HYPERLINK("http://x")' })
      .where('id', '=', sh.cs[0]!.vehicleId)
      .execute();
    task.dissatisfied = await insertTask(shDealer, 'AS_PHONE', 'repair_order', sh.roOf(0), sh.cs[0]!);
    task.noAnswer = await insertTask(shDealer, 'AS_PHONE', 'repair_order', sh.roOf(1), sh.cs[1]!);
    task.sale = await insertTask(shDealer, 'SALES_PHONE', 'sale', sh.saleId, sh.cs[2]!);
    const hz = await seedDealer('HZ002', 'regh');
    task.hz = await insertTask(hz.dealerId, 'AS_PHONE', 'repair_order', hz.roOf(0), hz.cs[0]!);

    const versionId = await publishedVersion();
    agent = await t.login('cs_agent');
    const sup = await t.login('cs_supervisor');
    const article = await ok<{ id: string }>(await t.as(sup, 'POST', '/api/faq', FAQ_ARTICLE), 201);
    await ok(await t.as(agent, 'POST', `/api/faq/${article.id}/uses`, { taskId: task.dissatisfied }), 201);
    await ok(
      await t.as(agent, 'POST', `/api/callbacks/tasks/${task.dissatisfied}/response`, {
        versionId,
        answers: [
          { question: 'q1', value: 'dissatisfied', comment: '等太久' },
          { question: 'q2', value: '交车晚了一个小时' },
          { question: 'q3', value: true },
        ],
        praise: '服务顾问很热情',
      }),
    );
    await ok(
      await t.as(agent, 'POST', `/api/callbacks/tasks/${task.noAnswer}/attempts`, {
        outcome: 'no_answer',
        note: '响铃无人接',
      }),
    );
    await ok(
      await t.as(agent, 'POST', `/api/callbacks/tasks/${task.sale}/response`, {
        versionId,
        answers: [{ question: 'q1', value: 'very_satisfied' }],
      }),
    );
    const hzAgent = await t.login('hz_agent');
    await ok(await t.as(hzAgent, 'POST', `/api/callbacks/tasks/${task.hz}/attempts`, { outcome: 'refused' }));
  });

  type Page = {
    items: Record<string, unknown>[];
    total: number;
    register: { code: string | null; dealerName: string };
  };
  const list = async (s: Session, kind: string, query = '') =>
    ok<Page>(await t.as(s, 'GET', `/api/registers/${kind}${query}`));

  it('shows each worked after-sales phone callback with its order, result, dissatisfied items and FAQ answers', async () => {
    const page = await list(agent, 'aftersales-phone');
    expect(page.total).toBe(2);
    const row = page.items.find((r) => r.taskId === task.dissatisfied)!;
    expect(row).toMatchObject({
      customerName: '测试客户reg0',
      staffName: '李顾问',
      repairType: '保养',
      taskStatus: 'SUCCESS',
      satisfied: false,
      score: 50, // q1 dissatisfied (0) and q3 yes (100), equal weights
      agentName: expect.any(String),
      praise: '服务顾问很热情',
      faqAnswers: [FAQ_ARTICLE.question],
    });
    expect(row.dissatisfiedItems).toEqual(['您对本次服务满意吗?（等太久）', '交车晚了一个小时']);
    expect(row.phone).toMatch(/^139\*{4}\d{4}$/);
    const open = page.items.find((r) => r.taskId === task.noAnswer)!;
    expect(open).toMatchObject({
      taskStatus: 'PENDING',
      lastOutcome: 'no_answer',
      note: '响铃无人接',
      satisfied: null,
    });
  });

  it('filters by satisfaction, advisor, agent, text and date range', async () => {
    const ids = async (q: string) => (await list(agent, 'aftersales-phone', q)).items.map((r) => r.taskId);
    expect(await ids('?satisfaction=dissatisfied')).toEqual([task.dissatisfied]);
    expect(await ids('?satisfaction=satisfied')).toEqual([]);
    expect(await ids('?satisfaction=none')).toEqual([task.noAnswer]);
    expect(await ids(`?staff=${encodeURIComponent('周')}`)).toEqual([task.noAnswer]);
    expect(await ids(`?agent=${agent.me.user.id}`)).toHaveLength(2);
    expect(await ids(`?q=${encodeURIComponent('reg0')}`)).toEqual([task.dissatisfied]);
    expect(await ids('?from=2020-01-01&to=2020-01-31')).toEqual([]);
    expect((await list(agent, 'aftersales-phone', '?limit=1')).items).toHaveLength(1);
    const bad = await t.as(agent, 'GET', '/api/registers/aftersales-phone?from=2026-02-01&to=2026-01-01');
    expect(bad.statusCode).toBe(400);
  });

  it('keeps each register to its own task types', async () => {
    const sales = await list(agent, 'sales-callback');
    expect(sales.register.code).toBe('AYT-JL-客服-09');
    expect(sales.items.map((r) => r.taskId)).toEqual([task.sale]);
    expect(sales.items[0]).toMatchObject({ staffName: '陈销售', satisfied: true, score: 100 });
    const onsite = await list(agent, 'aftersales-onsite');
    expect(onsite.register.code).toBe('AYT-JL-客服-02');
    expect(onsite.total).toBe(0);
  });

  it('lists an on-site survey given at the counter without a task in the on-site register', async () => {
    const versionId = await publishedVersion();
    const submitted = await ok<{ id: string }>(
      await t.as(agent, 'POST', '/api/responses', {
        versionId,
        channel: 'on_site',
        respondentName: '现场客户王先生',
        answers: [
          { question: 'q1', value: 'dissatisfied', comment: '洗车不干净' },
          { question: 'q3', value: true },
        ],
      }),
      201,
    );
    const onsite = await list(agent, 'aftersales-onsite');
    expect(onsite.total).toBe(1);
    expect(onsite.items[0]).toMatchObject({
      taskId: null,
      responseId: submitted.id,
      customerName: '现场客户王先生',
      orderNumber: null,
      taskStatus: null,
      attempts: 0,
      satisfied: false,
      agentName: '李晓梅',
    });
    expect(onsite.items[0]!.dissatisfiedItems).toEqual(['您对本次服务满意吗?（洗车不干净）']);
    const ids = async (q: string) => (await list(agent, 'aftersales-onsite', q)).items.map((r) => r.responseId);
    expect(await ids(`?q=${encodeURIComponent('王先生')}`)).toEqual([submitted.id]);
    expect(await ids('?satisfaction=satisfied')).toEqual([]);
    expect(await ids(`?agent=${agent.me.user.id}&satisfaction=dissatisfied`)).toEqual([submitted.id]);
    expect(await ids(`?staff=${encodeURIComponent('李')}`)).toEqual([]);
    expect(await ids(`?from=${today}&to=${today}`)).toHaveLength(1);
    // not a phone callback, and not another dealer's
    expect((await list(agent, 'aftersales-phone')).items.map((r) => r.responseId)).not.toContain(submitted.id);
    expect((await list(await t.login('hz_agent'), 'aftersales-onsite')).total).toBe(0);
    const xlsx = await t.as(agent, 'GET', '/api/registers/aftersales-onsite/export.xlsx');
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const headers = (ws.getRow(3).values as unknown[]).slice(1);
    expect((ws.getRow(4).values as unknown[])[headers.indexOf('客户姓名') + 1]).toBe('现场客户王先生');
  });

  it('exports the paper form: title with dealer and code, headers, values, A4 landscape, no formulas', async () => {
    const res = await t.as(agent, 'GET', '/api/registers/aftersales-phone/export.xlsx?satisfaction=dissatisfied');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const { dealerName } = (await list(agent, 'aftersales-phone')).register;
    expect(dealerName).not.toBe('');
    expect(String(ws.getCell('A1').value)).toBe(`${dealerName}售后电话回访登记表`);
    const headers = (ws.getRow(3).values as unknown[]).slice(1);
    expect(headers).toEqual(
      expect.arrayContaining([
        '序号',
        '客户姓名',
        '联系电话',
        '维修委托书号',
        '服务顾问',
        '满意度',
        '不满意项目及原因',
        '回访人',
      ]),
    );
    const at = (h: string) => (ws.getRow(4).values as unknown[])[headers.indexOf(h) + 1];
    expect(at('客户姓名')).toBe('测试客户reg0');
    expect(at('满意度')).toBe('不满意');
    expect(String(at('联系电话'))).toMatch(/^139\*{4}\d{4}$/);
    expect(at('车型')).toBe(`'=HYPERLINK("http://x")`);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.paperSize).toBe(9);
    ws.eachRow((row) => row.eachCell((c) => expect(c.formula).toBeUndefined()));
    const sales = await t.as(agent, 'GET', '/api/registers/sales-callback/export.xlsx');
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(sales.rawPayload as unknown as ArrayBuffer);
    expect(String(wb2.worksheets[0]!.getCell('A2').value)).toBe('表格编号：AYT-JL-客服-09');
  });

  it('shows full phones only where the permission table allows, and exports them only with the export right', async () => {
    const admin = await t.login('dealer_admin');
    const item = { role: 'cs_lead', group: 'contact', view: 'full', canReveal: true, canEdit: false, canExport: false };
    await ok(await t.as(admin, 'PUT', '/api/customer-permissions', { items: [item] }));
    const lead = await t.login('cs_lead');
    const row = (await list(lead, 'aftersales-phone', '?satisfaction=dissatisfied')).items[0]!;
    expect(row.phone).toMatch(/^139\d{8}$/);
    const res = await t.as(lead, 'GET', '/api/registers/aftersales-phone/export.xlsx?satisfaction=dissatisfied');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const col = (ws.getRow(3).values as unknown[]).indexOf('联系电话');
    expect(String(ws.getRow(4).getCell(col).value)).toMatch(/^139\*{4}\d{4}$/);
  });

  it('asks for a reason before exporting more rows than the dealer allows, and audits the export with it', async () => {
    await setExportReasonRows(t.database.db, shDealer, 1);
    const url = '/api/registers/aftersales-phone/export.xlsx';
    const total = (await list(agent, 'aftersales-phone')).total;
    expect(total).toBeGreaterThan(1);
    const audits = () => exportAudits(t.database.db, shDealer, 'register');
    const before = (await audits()).length;
    const refused = await t.as(agent, 'GET', url);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ error: { code: 'EXPORT_REASON_REQUIRED' } });
    expect((await audits()).length).toBe(before);
    expect((await t.as(agent, 'GET', `${url}?reason=x`)).statusCode).toBe(400);
    // one row is within the limit: no reason needed
    expect((await t.as(agent, 'GET', `${url}?satisfaction=dissatisfied`)).statusCode).toBe(200);
    const res = await t.as(agent, 'GET', `${url}?reason=${encodeURIComponent('月度回访质量复核')}`);
    expect(res.statusCode).toBe(200);
    const after = await audits();
    expect(after.length).toBe(before + 2);
    expect(after.map((a) => a.details)).toContainEqual({ rows: total, phones: 'masked', reason: '月度回访质量复核' });
    await t.database.db.deleteFrom('reportSettings').where('dealerId', '=', shDealer).execute();
  });

  it("keeps each dealer's register to itself and refuses roles without registers:read", async () => {
    const hz = await list(await t.login('hz_agent'), 'aftersales-phone');
    expect(hz.items.map((r) => r.taskId)).toEqual([task.hz]);
    const sh = await list(agent, 'aftersales-phone');
    expect(sh.items.map((r) => r.taskId)).not.toContain(task.hz);
    const sa = await t.as(await t.login('service_advisor'), 'GET', '/api/registers/aftersales-phone');
    expect(sa.statusCode).toBe(403);
  });
});
