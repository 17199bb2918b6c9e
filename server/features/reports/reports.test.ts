import ExcelJS from 'exceljs';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKED_EXAMPLES } from '../../../core/rules/scoring-examples';
import { useTestApp, type Session } from '../../../tests/harness';
import { TEST_DB_KIND } from '../../../tests/test-db';
import { startWorker } from '../../jobs/worker';
import { localDate } from './report-periods';
import { runReportSchedule } from './reports.jobs';

/** A real SMTP server keeping each raw message, so the attached Excel file can be opened. */
async function rawSmtp() {
  const raw: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _s, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        raw.push(Buffer.concat(chunks).toString('utf8'));
        cb();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return { raw, url, close: () => new Promise<void>((r) => server.close(() => r())) };
}

async function attachedWorkbook(message: string) {
  const part = message.split(/\r?\n--/).find((p) => /Content-Disposition: attachment/i.test(p));
  const body = part!
    .split(/\r?\n\r?\n/)
    .slice(1)
    .join('')
    .replace(/\s+/g, '');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(body, 'base64') as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}
function valueRightOf(ws: ExcelJS.Worksheet, label: string) {
  let out: unknown;
  ws.eachRow((row) => {
    if (row.getCell(1).value === label) out = row.getCell(2).value;
  });
  return out;
}

describe(`reports and CAPA on ${TEST_DB_KIND}`, () => {
  const t = useTestApp();
  let smtp: Awaited<ReturnType<typeof rawSmtp>>;
  let lead: Session, gm: Session, admin: Session, cs: Session, agent: Session, hz: Session;
  let dealerId: string;
  const today = localDate(new Date(), 'Asia/Shanghai');
  const month = today.slice(0, 7);
  const example = WORKED_EXAMPLES[0]!;
  const line = (example.content as { businessLine: string }).businessLine;
  const monthlyKind = line === 'sales' ? 'monthly_sales' : 'monthly_aftersales';
  let monthlyId: string;

  beforeAll(async () => {
    smtp = await rawSmtp();
    t.config.smtpUrl = smtp.url;
    const s = await Promise.all(
      ['cs_lead', 'gm', 'dealer_admin', 'cs_supervisor', 'cs_agent', 'hz_agent'].map((u) => t.login(u)),
    );
    [lead, gm, admin, cs, agent, hz] = s as [Session, Session, Session, Session, Session, Session];
    dealerId = lead.me.currentDealerId as string;
    const gmUser = gm.me.user.id;
    await t.database.db
      .insertInto('staff')
      .values({
        dealerId,
        name: '总经理',
        department: 'other',
        position: '总经理',
        userId: gmUser,
        email: 'gm@sh001.example.cn',
      })
      .execute();
    const id = (await t.as(cs, 'POST', '/api/questionnaires', { content: example.content })).json().versionId;
    await t.as(gm, 'POST', `/api/questionnaire-versions/${id}/approve`);
    await t.as(cs, 'POST', `/api/questionnaire-versions/${id}/publish`);
    for (let i = 0; i < 3; i++)
      expect(
        (await t.as(agent, 'POST', '/api/responses', { versionId: id, answers: example.answers })).statusCode,
      ).toBe(201);
  });
  afterAll(async () => smtp?.close());

  it('monthly report: the numbers are the KPI service numbers, in draft, due before the 10th of next month', async () => {
    const res = await t.as(lead, 'POST', '/api/reports', { kind: monthlyKind, period: month });
    expect(res.statusCode, res.body).toBe(201);
    const report = res.json();
    monthlyId = report.id;
    const last = new Date(Date.parse(`${report.periodEnd}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const kpi = (await t.as(gm, 'GET', `/api/kpis/summary?from=${month}-01&to=${last}&businessLine=${line}`)).json();
    expect(report.data.kpi).toEqual(kpi.rows[0]);
    expect(report.data.kpi.counts.responses).toBe(3);
    const channels = report.data.channels as { responses: number }[];
    expect(channels.reduce((n, c) => n + c.responses, 0)).toBe(3);
    expect(report).toMatchObject({ status: 'draft', overdue: false, code: 'AYT-JL-客服-10' });
    expect(new Date(report.dueAt).toISOString()).toBe(
      new Date(`${report.periodEnd.slice(0, 8)}10T00:00:00+08:00`).toISOString(),
    );
    const again = (await t.as(lead, 'POST', '/api/reports', { kind: monthlyKind, period: month })).json();
    expect(again.id).toBe(monthlyId);
  });

  it('CAPA: drafted from the report, approved and checked only by the GM, then closed; listed in the report', async () => {
    const created = await t.as(lead, 'POST', '/api/capa', {
      origin: 'recurring_problem',
      originReportId: monthlyId,
      originProblem: 'reason:wait',
      department: 'after_sales',
      departmentHead: '售后总监',
      description: '交车等待时间过长',
      measures: '增加交车专员',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const step = (s: Session, action: string) => t.as(s, 'POST', `/api/capa/${id}/transition`, { action, note: 'ok' });
    expect((await step(lead, 'submit')).json().status).toBe('approval');
    expect((await step(lead, 'approve')).statusCode).toBe(403);
    expect((await step(gm, 'approve')).json()).toMatchObject({ status: 'implementation' });
    expect((await step(gm, 'close')).statusCode).toBe(409);
    expect((await step(lead, 'implemented')).json().status).toBe('supervision');
    expect((await step(lead, 'supervised')).json().status).toBe('check');
    expect((await step(lead, 'pass')).statusCode).toBe(403);
    expect((await step(gm, 'fail')).json().status).toBe('implementation');
    await step(lead, 'implemented');
    await step(lead, 'supervised');
    expect((await step(gm, 'pass')).json().status).toBe('review');
    const closed = (await step(lead, 'close')).json();
    expect(closed).toMatchObject({ status: 'closed', checkNote: 'ok' });
    expect(closed.approvedAt).not.toBeNull();
    const report = (await t.as(gm, 'GET', `/api/reports/${monthlyId}`)).json();
    expect(report.data.capa).toEqual([
      { department: 'after_sales', description: '交车等待时间过长', measures: '增加交车专员', status: 'closed' },
    ]);
    expect((await t.as(hz, 'GET', `/api/reports/${monthlyId}`)).statusCode).toBe(404);
  });

  it('submit: annotations kept, e-mailed to the GM with the Excel file attached that holds the same numbers', async () => {
    await t.as(lead, 'PATCH', `/api/reports/${monthlyId}`, { annotations: '等待时间问题已立纠正措施' });
    const res = await t.as(lead, 'POST', `/api/reports/${monthlyId}/submit`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'submitted', submittedByName: expect.any(String) });
    expect((await t.as(lead, 'PATCH', `/api/reports/${monthlyId}`, { annotations: 'x' })).statusCode).toBe(409);
    const worker = startWorker(t.database, t.config, { pollMs: 50 });
    try {
      const end = Date.now() + 20_000;
      while (smtp.raw.length === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    } finally {
      await worker.stop();
    }
    expect(smtp.raw.length).toBe(1);
    expect(smtp.raw[0]).toMatch(/To: gm@sh001\.example\.cn/);
    const ws = await attachedWorkbook(smtp.raw[0]!);
    const report = (await t.as(gm, 'GET', `/api/reports/${monthlyId}`)).json();
    expect(valueRightOf(ws, '满意度得分')).toBe(report.data.kpi.satisfactionScore);
    expect(valueRightOf(ws, '问卷数')).toBe(3);
  });

  it('quarterly complaint report: phones masked per role, a large export needs a reason and is audited', async () => {
    for (const phone of ['13812345678', '13987654321'])
      await t.database.db
        .insertInto('complaints')
        .values({
          dealerId,
          customerName: '张三',
          customerPhone: phone,
          description: '=HYPERLINK("x")',
          level: 'complaint',
          source: 'hotline_400',
          dueAt: new Date(),
        })
        .execute();
    const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
    const res = await t.as(lead, 'POST', '/api/reports', {
      kind: 'quarterly_complaints',
      period: `${today.slice(0, 4)}-Q${q}`,
    });
    expect(res.statusCode, res.body).toBe(201);
    const report = res.json();
    expect(report.data.total).toBe(2);
    expect(report.data.complaints.map((c: { customerPhone: string }) => c.customerPhone)).toEqual([
      '138****5678',
      '139****4321',
    ]);
    expect(
      (await t.as(admin, 'PUT', '/api/report-settings', { monthlyDueDay: 10, exportReasonRows: 1 })).statusCode,
    ).toBe(200);
    const refused = await t.as(lead, 'GET', `/api/reports/${report.id}/export.xlsx`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('EXPORT_REASON_REQUIRED');
    const ok = await t.as(
      lead,
      'GET',
      `/api/reports/${report.id}/export.xlsx?reason=${encodeURIComponent('季度质量会议')}`,
    );
    expect(ok.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(ok.rawPayload as unknown as ArrayBuffer);
    const texts: string[] = [];
    wb.worksheets[0]!.eachRow((row) =>
      row.eachCell((c) => texts.push(String(c.value)) && expect(c.type).not.toBe(ExcelJS.ValueType.Formula)),
    );
    expect(texts).toContain('138****5678');
    expect(texts).not.toContain('13812345678');
    const audit = await t.database.db
      .selectFrom('auditLog')
      .select(['details', 'actorUsername'])
      .where('dealerId', '=', dealerId)
      .where('action', '=', 'export.personal-data')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUsername: 'cs_lead', details: { rows: 2, reason: '季度质量会议' } });
    const html = await t.as(lead, 'GET', `/api/reports/${report.id}/print`);
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.body).toContain('用户抱怨季度报告');
    expect(html.body).toContain('@page');
    expect(html.body).not.toContain('<script');
  });

  it('daily sales report lists the wrong-contact hand-offs of the day; the schedule queues each report once', async () => {
    const customer = await t.database.db
      .insertInto('customers')
      .values({ dealerId, matchKey: 'm:13700001111:李四', name: '李四' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const task = await t.database.db
      .insertInto('callbackTasks')
      .values({
        dealerId,
        type: 'SECOND_CALLBACK',
        sourceKind: 'customer',
        sourceId: customer.id,
        customerId: customer.id,
        anchorKind: 'created',
        anchorDate: today,
        dueStart: today,
        dueEnd: today,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.database.db
      .insertInto('contactHandoffs')
      .values({
        dealerId,
        taskId: task.id,
        customerId: customer.id,
        department: 'sales',
        reason: 'wrong_number',
        dueAt: new Date(),
      })
      .execute();
    const res = await t.as(lead, 'POST', '/api/reports', { kind: 'daily_sales', period: today });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().data.wrongContacts).toMatchObject([{ customerName: '李四', reason: 'wrong_number' }]);
    expect(res.json().code).toBe('AYT-JL-客服-07');
    const first = new Date(`${today.slice(0, 8)}01T09:00:00+08:00`);
    const queued = await runReportSchedule(t.database.db, first);
    expect(queued).toBeGreaterThanOrEqual(3);
    expect(await runReportSchedule(t.database.db, first)).toBe(0);
    expect((await t.as(hz, 'GET', '/api/reports')).json().items).toEqual([]);
  });
});
