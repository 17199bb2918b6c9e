import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedStatement } from '../../../core/rules/complaint-flow';
import { type Session, useTestApp } from '../../../tests/harness';
import { TEST_DB_KIND } from '../../../tests/test-db';

describe(`complaints, penalties and appeals (WF-8, §5.7) on ${TEST_DB_KIND}`, () => {
  const t = useTestApp();
  let agent: Session, director: Session, salesDirector: Session, gm: Session, sa: Session, supervisor: Session;
  let saStaff: string;

  beforeAll(async () => {
    agent = await t.login('cs_agent');
    director = await t.login('aftersales_director');
    salesDirector = await t.login('sales_director');
    gm = await t.login('gm');
    sa = await t.login('service_advisor');
    supervisor = await t.login('cs_supervisor');
    const row = await t.database.db
      .selectFrom('staff')
      .innerJoin('users', 'users.id', 'staff.userId')
      .select('staff.id')
      .where('users.username', '=', 'service_advisor')
      .executeTakeFirstOrThrow();
    saStaff = row.id;
  });

  const newComplaint = async (level = 'complaint', source = 'callback') => {
    const res = await t.as(agent, 'POST', '/api/complaints', {
      source,
      level,
      customerName: '王先生',
      customerPhone: '13812345678',
      description: '保养后车辆异响，服务顾问未说明原因',
      staffIds: [saStaff],
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const propose = (id: string, s = director) =>
    t.as(s, 'POST', `/api/complaints/${id}/penalty-proposals`, { reason: '未按流程向客户说明维修项目' });
  const decide = (id: string, s: Session, body: Record<string, unknown> = {}) =>
    t.as(s, 'POST', `/api/penalties/${id}/decision`, { approve: true, note: '情况属实', ...body });

  it('registers complaints at the three levels, attributed to the staff member and their department', async () => {
    for (const level of ['grumble', 'complaint', 'major']) {
      const c = await newComplaint(level);
      expect(c).toMatchObject({ level, status: 'open', department: 'after_sales', customerPhone: '138****5678' });
      expect(c.staff.map((s: { id: string }) => s.id)).toEqual([saStaff]);
      expect(new Date(c.dueAt).getTime()).toBeGreaterThan(Date.now());
      expect(c.events[0].kind).toBe('complaint.create');
    }
    const majors = await t.as(agent, 'GET', '/api/complaints?level=major');
    expect(majors.json().items.every((c: { level: string }) => c.level === 'major')).toBe(true);
    const inbox = await t.database.db
      .selectFrom('notifications')
      .innerJoin('users', 'users.id', 'notifications.userId')
      .select('notifications.event')
      .where('users.username', '=', 'aftersales_director')
      .where('event', '=', 'complaint.issued')
      .execute();
    expect(inbox.length).toBeGreaterThanOrEqual(3);
  });

  it('proposes penalties by the rules; only a manager of the department approves; 1st/2nd/3rd in the period', async () => {
    const first = await newComplaint();
    const p1 = (await propose(first.id)).json()[0];
    expect(p1).toMatchObject({
      status: 'proposed',
      offenceNo: 1,
      amountFen: 5000,
      dismissal: false,
      group: 'after_sales',
    });
    expect(p1.evidence[0]).toMatchObject({ kind: 'complaint', id: first.id });
    expect((await decide(p1.id, sa)).statusCode).toBe(403); // an advisor holds no penalties:approve
    expect((await decide(p1.id, salesDirector)).statusCode).toBe(403); // another department's head
    const ok = await decide(p1.id, director);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved', decidedBy: '赵建国', offenceNo: 1 });
    expect((await decide(p1.id, director)).statusCode).toBe(409);

    const second = await newComplaint();
    const p2 = (await propose(second.id)).json()[0];
    expect(p2).toMatchObject({ offenceNo: 2, amountFen: null }); // "BLANK 元": the manager sets it
    expect((await decide(p2.id, director, { amountFen: 10000 })).json()).toMatchObject({ amountFen: 10000 });

    const third = await newComplaint();
    const p3 = (await propose(third.id)).json()[0];
    expect(p3).toMatchObject({ offenceNo: 3, dismissal: true });
    const rejected = await t.as(gm, 'POST', `/api/penalties/${p3.id}/decision`, { approve: false, note: '证据不足' });
    expect(rejected.json().status).toBe('rejected');

    const mine = (await t.as(sa, 'GET', '/api/my/penalties')).json();
    expect(mine.staff.id).toBe(saStaff);
    const approved = mine.penalties.filter((p: { status: string }) => p.status === 'approved');
    expect(approved).toHaveLength(2);
    expect(approved[0]).toMatchObject({ decidedBy: '赵建国', ruleVersion: 1, reason: '未按流程向客户说明维修项目' });
  });

  it('an upheld appeal (staff → own head → GM with signature) voids the complaint and its penalty', async () => {
    const c = await newComplaint();
    const p = (await propose(c.id)).json()[0];
    expect(p.offenceNo).toBe(3); // two approved this month, the rejected one does not count
    await decide(p.id, director);
    expect((await t.as(agent, 'POST', `/api/complaints/${c.id}/appeals`, { reason: '不是我' })).statusCode).toBe(403);
    const filed = await t.as(sa, 'POST', `/api/complaints/${c.id}/appeals`, {
      reason: '异响系配件质量问题，非本人责任',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const appeal = filed.json();
    expect((await t.as(salesDirector, 'POST', `/api/appeals/${appeal.id}/forward`, { note: '转' })).statusCode).toBe(
      403,
    );
    const fwd = await t.as(director, 'POST', `/api/appeals/${appeal.id}/forward`, { note: '情况需总经理裁决' });
    expect(fwd.json().status).toBe('forwarded');
    const body = { upheld: true, statement: '经核实为配件质量问题，抱怨单作废', signatureName: '吴海涛' };
    expect(
      (await t.as(gm, 'POST', `/api/appeals/${appeal.id}/ruling`, { ...body, signatureName: '别人' })).statusCode,
    ).toBe(400);
    const ruled = await t.as(gm, 'POST', `/api/appeals/${appeal.id}/ruling`, body);
    expect(ruled.statusCode, ruled.body).toBe(200);
    const sig = ruled.json().signature;
    const expected = signedStatement({
      appealId: appeal.id,
      complaintId: c.id,
      upheld: true,
      statement: body.statement,
      signerName: '吴海涛',
      signedAt: sig.at,
    });
    expect(sig.hash).toBe(createHash('sha256').update(expected).digest('hex'));

    const detail = (await t.as(agent, 'GET', `/api/complaints/${c.id}`)).json();
    expect(detail.status).toBe('void');
    expect(detail.penalties[0]).toMatchObject({ status: 'void' });
    expect(detail.events.map((e: { kind: string }) => e.kind)).toEqual([
      'complaint.create',
      'penalty.propose',
      'penalty.approve',
      'appeal.file',
      'appeal.forward',
      'appeal.upheld',
    ]);
    const audit = await t.database.db
      .selectFrom('auditLog')
      .select('action')
      .where('details', '@>', JSON.stringify({ complaintId: c.id }))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['penalty.propose', 'penalty.approve', 'appeal.file', 'appeal.forward', 'appeal.upheld']),
    );
    expect(await t.as(sa, 'GET', '/api/my/penalties').then((r) => r.json().penalties[0].status)).toBe('void');
  });

  it('a rejected appeal sends the complaint to handling; the head replies, CR checks', async () => {
    const c = await newComplaint('grumble');
    const appeal = (await t.as(sa, 'POST', `/api/complaints/${c.id}/appeals`, { reason: '客户误解' })).json();
    await t.as(director, 'POST', `/api/appeals/${appeal.id}/forward`, { note: '转总经理' });
    await t.as(gm, 'POST', `/api/appeals/${appeal.id}/ruling`, {
      upheld: false,
      statement: '申诉不成立',
      signatureName: '吴海涛',
    });
    expect((await t.as(agent, 'GET', `/api/complaints/${c.id}`)).json().status).toBe('in_handling');
    expect(
      (
        await t.as(salesDirector, 'POST', `/api/complaints/${c.id}/reply`, {
          handlingResult: 'x',
          improvementMeasures: 'y',
        })
      ).statusCode,
    ).toBe(403);
    const replied = await t.as(director, 'POST', `/api/complaints/${c.id}/reply`, {
      handlingResult: '已为客户免费复检并更换异响部件',
      improvementMeasures: '交车前增加异响检查项',
    });
    expect(replied.json().status).toBe('replied');
    const checked = await t.as(supervisor, 'POST', `/api/complaints/${c.id}/check`, {
      checkResult: '电话确认客户满意',
      relationshipNotes: '赠送一次免费洗车',
    });
    expect(checked.json()).toMatchObject({ status: 'checked', relationshipNotes: '赠送一次免费洗车' });
  });

  it('runs the rectification notice of a manufacturer-hotline complaint', async () => {
    const c = await newComplaint('major', 'oem_hotline');
    expect(c.rectificationNeeded).toBe(true);
    const issued = await t.as(supervisor, 'POST', `/api/complaints/${c.id}/rectification`, {
      responsible: '张伟',
      relatedLeaders: '赵建国',
      requirements: '限期整改接待流程',
      majorLoss: true,
      deductPerformancePay: true,
      disciplinaryAction: 'serious_warning',
    });
    expect(issued.statusCode, issued.body).toBe(201);
    const id = issued.json().id;
    expect(issued.json().dueAt).toBeNull(); // P-FTMS: the deadline is BLANK until configured
    expect((await t.as(supervisor, 'POST', `/api/rectification-notices/${id}/close`)).statusCode).toBe(409);
    await t.as(director, 'POST', `/api/rectification-notices/${id}/result`, { result: '已培训全部服务顾问' });
    await t.as(director, 'POST', `/api/rectification-notices/${id}/explanation`, { explanation: '书面说明：…' });
    const closed = await t.as(supervisor, 'POST', `/api/rectification-notices/${id}/close`);
    expect(closed.json().status).toBe('closed');
  });

  it('versions the penalty rules and keeps dealers apart', async () => {
    const admin = await t.login('dealer_admin');
    const rules = (await t.as(admin, 'GET', '/api/penalty-rules')).json();
    expect(rules.current.presetKey).toBe('P-FTMS');
    const put = await t.as(admin, 'POST', '/api/penalty-rules', {
      effectiveFrom: '2026-01-01',
      presetKey: 'SAMPLE',
      rules: rules.presets.SAMPLE,
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().versions).toHaveLength(2);

    const c = await newComplaint();
    const hz = await t.login('hz_admin');
    expect((await t.as(hz, 'GET', `/api/complaints/${c.id}`)).statusCode).toBe(404);
    expect((await t.as(hz, 'GET', '/api/complaints')).json().items).toHaveLength(0);
    const hzAgent = await t.login('hz_agent');
    const foreign = await t.as(hzAgent, 'POST', '/api/complaints', {
      source: 'walk_in',
      level: 'grumble',
      customerName: '李女士',
      description: '等待时间长',
      staffIds: [saStaff],
    });
    expect(foreign.statusCode).toBe(400);
    expect(
      (await t.as(hzAgent, 'PUT', `/api/complaints/${c.id}/attribution`, { department: 'sales', staffIds: [] }))
        .statusCode,
    ).toBe(404);
  });
});
