import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Session } from '../../../tests/harness';
import { CASE_PROBLEM, caseWorld } from '../../../tests/samples/cases';
import { complaintsFixture } from '../../../tests/samples/complaints';
import { TEST_DB_KIND } from '../../../tests/test-db';
import { exportAudits, INJECT, setExportReasonRows, sheetOf, TITLE_ROWS } from '../../../tests/list-sheet';

/**
 * Every list's Excel export (issue 7): the file opens, its rows are the JSON list's rows for the same filter, text
 * that would run as a formula is stored as text, phones stay masked, and an export larger than the dealer's row
 * count asks for a reason and is audited.
 */

interface Case {
  list: string;
  role: string;
  /** The filter both the JSON list and the export get (narrows the rows where the list has filters). */
  filter: string;
  /** The header of the column holding the injected text (none for a list whose texts the test cannot choose). */
  injected?: string;
  /** The header of a phone column and the full number that must not leave the system. */
  phone?: { header: string; full: string };
}

const CASES: Case[] = [
  {
    list: '/api/complaints',
    role: 'cs_agent',
    filter: '?level=complaint',
    injected: '抱怨内容',
    phone: { header: '电话', full: '13812345678' },
  },
  { list: '/api/rectification-notices', role: 'cs_supervisor', filter: '?status=issued', injected: '整改要求' },
  { list: '/api/penalties', role: 'aftersales_director', filter: '?status=proposed', injected: '处罚依据' },
  { list: '/api/appeals', role: 'aftersales_director', filter: '?status=submitted', injected: '申诉理由' },
  {
    list: '/api/hotline-calls',
    role: 'cs_agent',
    filter: '?category=enquiry',
    injected: '来电内容',
    phone: { header: '电话', full: '13912345678' },
  },
  { list: '/api/corrections', role: 'cs_agent', filter: '?status=open', injected: '发现途径' },
  {
    list: '/api/customer-flags',
    role: 'cs_supervisor',
    filter: '',
    injected: '涉及客户',
    phone: { header: '号码', full: '13700001111' },
  },
  {
    list: '/api/cases',
    role: 'cs_agent',
    filter: '?filter=all&status=awaiting_reply&limit=200',
    injected: '问题详细记录',
  },
  { list: '/api/daily-report', role: 'cs_agent', filter: '', injected: '问题' },
  { list: '/api/cases/unhandled', role: 'cs_agent', filter: '' },
];

describe(`list exports on ${TEST_DB_KIND}`, () => {
  const t = useTestApp();
  const sessions: Record<string, Session> = {};
  let shDealer: string;

  beforeAll(async () => {
    const db = t.database.db;
    for (const role of ['cs_agent', 'cs_supervisor', 'aftersales_director', 'service_advisor', 'group_analyst'])
      sessions[role] = await t.login(role);
    await complaintsFixture(t);
    shDealer = (await db.selectFrom('dealers').select('id').where('code', '=', 'SH001').executeTakeFirstOrThrow()).id;
    const agent = sessions.cs_agent!;
    const director = sessions.aftersales_director!;
    const post = async (s: Session, url: string, body: unknown, status = 201) => {
      const res = await t.as(s, 'POST', url, body);
      expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(status);
      return res.json() as { id: string };
    };
    const saStaff = (
      await db
        .selectFrom('staff')
        .innerJoin('users', 'users.id', 'staff.userId')
        .select('staff.id')
        .where('users.username', '=', 'service_advisor')
        .executeTakeFirstOrThrow()
    ).id;
    // One row of each list carrying text that would run as a formula.
    const complaint = await post(agent, '/api/complaints', {
      source: 'hotline_400',
      level: 'complaint',
      customerName: '王先生',
      customerPhone: '13812345678',
      description: INJECT,
      staffIds: [saStaff],
    });
    await post(agent, '/api/complaints', {
      source: 'walk_in',
      level: 'grumble',
      customerName: '李女士',
      description: '等待时间长',
      staffIds: [],
    });
    await db.updateTable('complaints').set({ department: 'after_sales' }).where('id', '=', complaint.id).execute();
    const oem = await db
      .insertInto('complaints')
      .values({
        dealerId: shDealer,
        source: 'oem_hotline',
        level: 'complaint',
        customerName: '周先生',
        description: '厂家转来',
        department: 'after_sales',
        dueAt: new Date(Date.now() + 86_400_000),
        rectificationNeeded: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await post(sessions.cs_supervisor!, `/api/complaints/${oem.id}/rectification`, {
      responsible: '张伟',
      requirements: INJECT,
    });
    await post(director, `/api/complaints/${complaint.id}/penalty-proposals`, { reason: INJECT });
    const forAppeal = await post(agent, '/api/complaints', {
      source: 'hotline_400',
      level: 'complaint',
      customerName: '赵先生',
      description: '申诉用',
      staffIds: [saStaff],
    });
    await db.updateTable('complaints').set({ department: 'after_sales' }).where('id', '=', forAppeal.id).execute();
    await post(sessions.service_advisor!, `/api/complaints/${forAppeal.id}/appeals`, { reason: INJECT });
    await post(agent, '/api/hotline-calls', {
      line: '400',
      callerName: '陈女士',
      callerPhone: '13912345678',
      purpose: '咨询',
      category: 'enquiry',
      content: INJECT,
    });
    // Three customers on one number: a survey-interference flag; one of them named like a formula.
    const names = [INJECT, '共用一', '共用二'];
    for (const [i, name] of names.entries()) {
      const c = await db
        .insertInto('customers')
        .values({ dealerId: shDealer, matchKey: `x:export:${i}`, name })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('customerPhones')
        .values({ dealerId: shDealer, customerId: c.id, phone: '13700001111', kind: 'mobile', isPrimary: true })
        .execute();
      if (i === 0) {
        await post(agent, '/api/corrections', {
          customerId: c.id,
          field: 'address',
          proposedValue: '上海市浦东新区张江路1号',
          foundHow: INJECT,
          department: 'after_sales',
        });
        await post(agent, '/api/corrections', {
          customerId: c.id,
          field: 'employer',
          proposedValue: '某公司',
          foundHow: '回访时客户告知',
          department: 'sales',
        });
      }
    }
    const world = await caseWorld(t);
    for (const [problem, forward] of [
      [INJECT, true],
      ['第二个问题', true],
      ['未送达', false],
    ] as const)
      await post(agent, '/api/cases', {
        ...CASE_PROBLEM,
        problem,
        forward,
        responseId: await world.respond(agent),
        questionKey: 'q1',
        customerId: world.customerId,
      });
    // A minor after-sales problem from a phone callback goes to today's daily work report (AYT-JL-客服-05).
    await post(agent, '/api/cases', {
      ...CASE_PROBLEM,
      channel: 'as_phone',
      severity: 'minor',
      problem: INJECT,
      responseId: await world.respond(agent),
      questionKey: 'q1',
      customerId: world.customerId,
    });
    // And one dissatisfied response left without a case (the agent's 待立案 list).
    await world.respond(agent);
  });

  for (const c of CASES)
    it(`${c.list}: the file holds the JSON list's rows for the same filter, formulas as text, phones masked`, async () => {
      const s = sessions[c.role]!;
      const list = await t.as(s, 'GET', `${c.list}${c.filter}`);
      expect(list.statusCode, list.body.slice(0, 300)).toBe(200);
      const items = (list.json() as { items: unknown[] }).items;
      expect(items.length).toBeGreaterThan(0);
      const res = await t.as(s, 'GET', `${c.list}/export.xlsx${c.filter}`);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const { ws, rows, cells: col } = await sheetOf(res.rawPayload);
      expect(rows.length).toBe(items.length);
      expect(String(ws.getCell(1, 1).value)).toContain('上海');
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: TITLE_ROWS });
      // A formula never: the dangerous text is stored as text with a leading quote.
      if (c.injected) {
        const texts = col(c.injected).map((cell) => String(cell.value ?? ''));
        expect(texts.some((v) => v.includes(`'${INJECT}`))).toBe(true);
      }
      for (const r of rows) r.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula));
      if (c.phone) {
        const phones = col(c.phone.header).map((cell) => String(cell.value ?? ''));
        expect(phones).toContain(`${c.phone.full.slice(0, 3)}****${c.phone.full.slice(7)}`);
        expect(phones.join()).not.toContain(c.phone.full);
      }
    });

  it('narrows the file with the filter like the list', async () => {
    const s = sessions.cs_agent!;
    const all = await sheetOf((await t.as(s, 'GET', '/api/complaints/export.xlsx')).rawPayload);
    const grumbles = await sheetOf((await t.as(s, 'GET', '/api/complaints/export.xlsx?level=grumble')).rawPayload);
    expect(grumbles.rows.length).toBeGreaterThan(0);
    expect(grumbles.rows.length).toBeLessThan(all.rows.length);
    expect(new Set(grumbles.cells('级别').map((x) => x.value))).toEqual(new Set(['抱怨']));
    expect(String(grumbles.ws.getCell(2, 1).value)).toContain('级别=grumble');
    // Typed cells: times are dates, yes/no is text.
    expect(grumbles.cells('登记时间')[0]!.value).toBeInstanceOf(Date);
    expect(['是', '否']).toContain(grumbles.cells('超期')[0]!.value);
    const bad = await t.as(s, 'GET', '/api/complaints/export.xlsx?level=nope');
    expect(bad.statusCode).toBe(400);
  });

  it('hides phones from a role the permission table shows none, and refuses roles without the list', async () => {
    await t.database.db
      .insertInto('customerFieldPermissions')
      .values({
        dealerId: shDealer,
        role: 'cs_agent',
        fieldGroup: 'contact',
        view: 'none',
        canReveal: false,
        canEdit: false,
        canExport: false,
      })
      .execute();
    try {
      const { headers } = await sheetOf(
        (await t.as(sessions.cs_agent!, 'GET', '/api/hotline-calls/export.xlsx')).rawPayload,
      );
      expect(headers).not.toContain('电话');
      expect(headers).toContain('来电人');
    } finally {
      await t.database.db
        .deleteFrom('customerFieldPermissions')
        .where('dealerId', '=', shDealer)
        .where('role', '=', 'cs_agent')
        .execute();
    }
    expect((await t.as(sessions.service_advisor!, 'GET', '/api/penalties/export.xlsx')).statusCode).toBe(403);
  });

  it('asks for a reason above the dealer row count, stores nothing then, and audits the export with it', async () => {
    const db = t.database.db;
    await setExportReasonRows(db, shDealer, 1);
    const audits = () => exportAudits(db, shDealer, 'hotline-calls');
    try {
      const s = sessions.cs_agent!;
      const before = (await audits()).length;
      const refused = await t.as(s, 'GET', '/api/hotline-calls/export.xlsx');
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toMatchObject({ error: { code: 'EXPORT_REASON_REQUIRED' } });
      expect((await audits()).length).toBe(before);
      expect((await t.as(s, 'GET', '/api/hotline-calls/export.xlsx?reason=x')).statusCode).toBe(400);
      const ok = await t.as(
        s,
        'GET',
        `/api/hotline-calls/export.xlsx?reason=${encodeURIComponent('季度热线质量复核')}`,
      );
      expect(ok.statusCode).toBe(200);
      const rows = (await sheetOf(ok.rawPayload)).rows.length;
      const after = await audits();
      expect(after.length).toBe(before + 1);
      expect(after.map((a) => a.details)).toContainEqual({ rows, phones: 'masked', reason: '季度热线质量复核' });
      expect(after.map((a) => a.actorUsername)).toContain('cs_agent');
    } finally {
      await db.deleteFrom('reportSettings').where('dealerId', '=', shDealer).execute();
    }
  });

  it("keeps each dealer's rows to itself", async () => {
    const hz = await t.login('hz_agent');
    const res = await t.as(hz, 'GET', '/api/complaints/export.xlsx');
    expect(res.statusCode).toBe(200);
    const { rows, ws } = await sheetOf(res.rawPayload);
    const json = (await t.as(hz, 'GET', '/api/complaints')).json() as { items: unknown[] };
    expect(rows.length).toBe(json.items.length);
    expect(String(ws.getCell(1, 1).value)).not.toContain('上海');
  });
});
