import { beforeAll, describe, expect, it } from 'vitest';
import type { KpiRow } from '../../../core/contracts/kpis';
import { useTestApp, type Session } from '../../../tests/harness';
import { SMALL_CONTENT } from '../../../tests/questionnaire-samples';
import { TEST_DB_KIND } from '../../../tests/test-db';
import { generateReport } from '../reports/report-generation';
import { localDate } from '../reports/report-periods';
import { FIXTURE, seedKpiMonth } from './kpis.fixture';

/**
 * KPI thresholds as versioned per-dealer CONFIG (SPEC §5.2, §5.3, C24) and the R19 action item, on the fixture
 * month of kpis.fixture.ts (June 2025). Per line, by hand:
 * - after-sales: due 9 − 1 excluded − 1 duplicate = 7, successes 5, surveyed 3 → callback 5/7 ≈ 71.4 %, survey
 *   3/5 = 60.0 %: valid under the preset "60%以上" read as ≥ (C24), invalid under the strict reading;
 * - sales: due 4 − 1 excluded = 3, successes 2, surveyed 1 → callback 66.7 %, survey 50.0 %: invalid;
 * - all six responses (after-sales questionnaire) score 76.67: not > 90, but > 75.
 */
describe(`KPI thresholds and validity action items on ${TEST_DB_KIND}`, () => {
  const t = useTestApp();
  let gm: Session, cs: Session, admin: Session;
  let dealerId: string;
  const range = `from=${FIXTURE.from}&to=${FIXTURE.to}`;
  const get = async (path: string, s: Session = gm) => {
    const res = await t.as(s, 'GET', path);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const month = async (line: string): Promise<KpiRow> => {
    const body = await get(`/api/kpis/summary?${range}&granularity=month&businessLine=${line}`);
    expect(body.rows).toHaveLength(1);
    return body.rows[0];
  };
  const addVersion = (versionNo: number, effectiveFrom: string, v: { inclusive: boolean; target: number }) =>
    t.database.db
      .insertInto('kpiThresholdSets')
      .values({
        dealerId,
        versionNo,
        effectiveFrom,
        callbackMin: 0.5,
        surveyMin: 0.6,
        inclusive: v.inclusive,
        satisfactionTarget: v.target,
      })
      .execute();
  const validityCapas = () =>
    t.database.db
      .selectFrom('capaActions')
      .select(['id', 'systemKey', 'originReportId', 'origin', 'department', 'status', 'description', 'createdBy'])
      .where('dealerId', '=', dealerId)
      .where('systemKey', 'like', 'validity:%')
      .orderBy('systemKey')
      .execute();

  beforeAll(async () => {
    gm = await t.login('gm');
    cs = await t.login('cs_supervisor');
    admin = await t.login('dealer_admin');
    dealerId = gm.me.currentDealerId as string;
    const id = (await t.as(cs, 'POST', '/api/questionnaires', { content: SMALL_CONTENT })).json().versionId as string;
    expect((await t.as(gm, 'POST', `/api/questionnaire-versions/${id}/approve`)).statusCode).toBe(200);
    expect((await t.as(cs, 'POST', `/api/questionnaire-versions/${id}/publish`)).statusCode).toBe(200);
    await seedKpiMonth(t.database.db, dealerId, id, gm.me.user.id);
  });

  it('judges by the SPEC preset before any version: 60 % exactly is valid (C24 ≥), 50 % is not', async () => {
    const as = await month('after_sales');
    expect(as).toMatchObject({ callbackValidity: 5 / 7, surveyValidity: 0.6, monthValid: true, meetsTarget: false });
    expect(as.thresholds).toEqual({ callback: 0.5, survey: 0.6, inclusive: true, target: 90, versionNo: null });
    expect(await month('sales')).toMatchObject({ surveyValidity: 0.5, monthValid: false });
  });

  it('opens one CAPA for the invalid month once it is over, for the CS supervisor, linked to the report', async () => {
    // the month still under way is not judged
    const during = await generateReport(
      t.database.db,
      dealerId,
      'monthly_sales',
      '2025-06',
      new Date('2025-06-30T12:00:00+08:00'),
    );
    expect(await validityCapas()).toEqual([]);
    const sales = await generateReport(t.database.db, dealerId, 'monthly_sales', '2025-06');
    expect(sales.id).toBe(during.id);
    await generateReport(t.database.db, dealerId, 'monthly_sales', '2025-06'); // again: still one
    await generateReport(t.database.db, dealerId, 'monthly_aftersales', '2025-06'); // valid: none
    const capas = await validityCapas();
    expect(capas).toEqual([
      {
        id: expect.any(String),
        systemKey: 'validity:2025-06:sales',
        originReportId: sales.id,
        origin: 'callback_analysis',
        department: 'customer_service',
        status: 'draft',
        description: expect.stringContaining('调查成功率 50.0%（要求 ≥ 60.0%，未达标）'),
        createdBy: null,
      },
    ]);
    expect(capas[0]!.description).toContain('回访成功率 66.7%（要求 ≥ 50.0%）');
    const list = await get(`/api/capa?reportId=${sales.id}`, cs);
    expect(list.items.map((c: { id: string }) => c.id)).toEqual([capas[0]!.id]);
    const inbox = await t.database.db
      .selectFrom('notifications')
      .select(['userId', 'link'])
      .where('dealerId', '=', dealerId)
      .where('event', '=', 'capa.validity-missed')
      .execute();
    expect(inbox).toEqual([{ userId: cs.me.user.id, link: `/reports/${sales.id}` }]);
    const audit = await t.database.db
      .selectFrom('auditLog')
      .select('action')
      .where('entityId', '=', capas[0]!.id)
      .execute();
    expect(audit).toEqual([{ action: 'capa.create' }]);
  });

  it('a version changes the verdict only from its effective date (a period is judged on its first day)', async () => {
    await addVersion(1, '2025-06-16', { inclusive: false, target: 75 });
    // June began under the preset: still valid and below target
    expect(await month('after_sales')).toMatchObject({ monthValid: true, meetsTarget: false });
    const days = (await get(`/api/kpis/summary?${range}&granularity=day&businessLine=after_sales`)).rows as KpiRow[];
    for (const d of days) expect(d.thresholds.versionNo, d.period).toBe(d.period >= '2025-06-16' ? 1 : null);
    expect(days.some((d) => d.period < '2025-06-16')).toBe(true);
    expect(days.some((d) => d.period >= '2025-06-16')).toBe(true);

    await addVersion(2, '2025-06-01', { inclusive: false, target: 75 });
    const as = await month('after_sales');
    expect(as).toMatchObject({ surveyValidity: 0.6, monthValid: false, meetsTarget: true, satisfactionScore: 76.67 });
    expect(as.thresholds).toMatchObject({ inclusive: false, target: 75, versionNo: 2 });
    const quarter = await get(`/api/kpis/summary?${range}&granularity=quarter&businessLine=after_sales`);
    expect(quarter.rows[0]).toMatchObject({ period: '2025-04-01', monthValid: true, meetsTarget: false });
    expect(quarter.thresholds.versionNo).toBeNull();
    const trend = await get(`/api/kpis/trend?${range}&granularity=month`);
    expect(trend.target).toBe(75);
    expect(trend.points[0].meetsTarget).toBe(true);

    // the monthly report now judges after-sales invalid and opens its own action item
    const report = await generateReport(t.database.db, dealerId, 'monthly_aftersales', '2025-06');
    const capas = await validityCapas();
    expect(capas.map((c) => c.systemKey)).toEqual(['validity:2025-06:after_sales', 'validity:2025-06:sales']);
    expect(capas[0]!.originReportId).toBe(report.id);
    expect(capas[0]!.description).toContain('调查成功率 60.0%（要求 > 60.0%，未达标）');
    const stored = await get(`/api/reports/${report.id}`, cs);
    expect(stored.data.thresholds).toMatchObject({ inclusive: false, target: 75, versionNo: 2 });
  });

  it('saves a new version through the API: validated, permission-checked, audited, per dealer', async () => {
    const today = localDate(new Date(), 'Asia/Shanghai');
    const monthStart = `${today.slice(0, 7)}-01`;
    const next = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)), 1)).toISOString().slice(0, 10);
    const body = { effectiveFrom: next, callback: 0.55, survey: 0.65, inclusive: true, target: 92, note: '提高要求' };
    const count = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('kpiThresholdSets')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    for (const [bad, field] of [
      [{ effectiveFrom: '2025-06-01' }, 'effectiveFrom'],
      [{ survey: 1.5 }, 'survey'],
      [{ callback: 0 }, 'callback'],
      [{ callback: 0.12345 }, 'callback'],
      [{ target: 100 }, 'target'],
      [{ target: 90.123 }, 'target'],
      [{ extra: 1 }, ''],
    ] as const) {
      const res = await t.as(cs, 'PUT', '/api/kpis/thresholds', { ...body, ...bad });
      expect(res.statusCode, `${JSON.stringify(bad)} ${res.body}`).toBe(400);
      if (field) expect(res.body, JSON.stringify(bad)).toContain(field);
    }
    expect((await t.as(gm, 'PUT', '/api/kpis/thresholds', body)).statusCode).toBe(403);
    expect((await t.as(await t.login('cs_agent'), 'GET', '/api/kpis/thresholds')).statusCode).toBe(403);
    expect(await count()).toBe(before);

    const saved = await t.as(cs, 'PUT', '/api/kpis/thresholds', body);
    expect(saved.statusCode, saved.body).toBe(200);
    const o = saved.json();
    expect(o.earliestEffectiveFrom).toBe(monthStart);
    expect(o.current).toMatchObject({ versionNo: 1, effectiveFrom: '2025-06-16' }); // the latest date in force; the new one is not yet
    expect(o.versions[0]).toMatchObject({
      versionNo: 3,
      effectiveFrom: next,
      thresholds: { callback: 0.55, survey: 0.65, inclusive: true, target: 92 },
      note: '提高要求',
      createdByName: expect.any(String),
    });
    expect(o.preset).toEqual({ callback: 0.5, survey: 0.6, inclusive: true, target: 90 });
    const fromMonthStart = await t.as(admin, 'PUT', '/api/kpis/thresholds', { ...body, effectiveFrom: monthStart });
    expect(fromMonthStart.statusCode, fromMonthStart.body).toBe(200);
    expect(fromMonthStart.json().current).toMatchObject({ versionNo: 4, effectiveFrom: monthStart });
    const audit = await t.database.db
      .selectFrom('auditLog')
      .select(['entityId', 'actorUsername'])
      .where('action', '=', 'kpis.thresholds.version')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.actorUsername)).toEqual(['cs_supervisor', 'dealer_admin']);
    expect(audit[0]!.entityId).toBe(o.versions[0].id);
    // another dealer sees only its own versions (the SPEC preset)
    const hz = await get('/api/kpis/thresholds', await t.login('hz_admin'));
    expect(hz).toMatchObject({ versions: [], current: { versionNo: null } });
  });
});
