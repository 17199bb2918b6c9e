import { beforeAll, describe, expect, it } from 'vitest';
import type { KpiRow } from '../../../core/contracts/kpis';
import { useTestApp, type Session } from '../../../tests/harness';
import { SMALL_CONTENT } from '../../../tests/questionnaire-samples';
import { TEST_DB_KIND } from '../../../tests/test-db';
import { diffMonthlyAggregates } from './aggregates.queries';
import { FIXTURE, seedKpiMonth } from './kpis.fixture';

/**
 * KPI service over real HTTP on the fixture month of kpis.fixture.ts (hand-computed values in its comment):
 * the summary equals the SPEC §5 pure functions' values, drill rows match the chart counts, tenancy and
 * permissions hold, and the aggregates still equal a full recompute.
 */
describe(`KPIs on ${TEST_DB_KIND}`, () => {
  const t = useTestApp();
  let gm: Session;
  let dealerId: string;
  const range = `from=${FIXTURE.from}&to=${FIXTURE.to}`;
  const get = async (path: string, s: Session = gm) => {
    const res = await t.as(s, 'GET', path);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    const cs = await t.login('cs_supervisor');
    gm = await t.login('gm');
    dealerId = gm.me.currentDealerId as string;
    const id = (await t.as(cs, 'POST', '/api/questionnaires', { content: SMALL_CONTENT })).json().versionId as string;
    expect((await t.as(gm, 'POST', `/api/questionnaire-versions/${id}/approve`)).statusCode).toBe(200);
    expect((await t.as(cs, 'POST', `/api/questionnaire-versions/${id}/publish`)).statusCode).toBe(200);
    await seedKpiMonth(t.database.db, dealerId, id, gm.me.user.id);
  });

  it('reproduces the hand-computed fixture month (SPEC §5.1–§5.3, WF-7)', async () => {
    for (const [granularity, period] of [
      ['month', '2025-06-01'],
      ['quarter', '2025-04-01'],
    ]) {
      const body = await get(`/api/kpis/summary?${range}&granularity=${granularity}&groupBy=dealer`);
      expect(body.rows).toHaveLength(1);
      const row = body.rows[0] as KpiRow;
      expect(row).toMatchObject({
        period,
        key: dealerId,
        repairCallbackRate: 0.625,
        salesCallbackRate: 0.5,
        coverage: 0.7,
        callbackValidity: 0.7,
        monthValid: false,
        satisfactionScore: 76.67,
        meetsTarget: false,
        firstTimeResolution: 0.5,
        closureHoursMean: 74,
        closureHoursMedian: 74,
        overdue: 1,
      });
      expect(row.surveyValidity).toBeCloseTo(4 / 7, 10);
      expect(row.satisfactionRate).toBeCloseTo(5 / 6, 10);
    }
    expect(body0(await get(`/api/kpis/summary?${range}&granularity=week&groupBy=dealer`))).toBeGreaterThan(3);
  });

  it('groups by department, advisor and agent without losing counts', async () => {
    const dept = await get(`/api/kpis/summary?${range}&groupBy=department`);
    const keys = dept.rows.map((r: KpiRow) => r.key).sort();
    expect(keys).toEqual(['after_sales', 'sales']);
    const sales = dept.rows.find((r: KpiRow) => r.key === 'sales');
    expect(sales.salesCallbackRate).toBe(0.5);
    const agent = await get(`/api/kpis/summary?${range}&groupBy=agent`);
    expect(agent.rows.find((r: KpiRow) => r.key === gm.me.user.id)?.counts.responses).toBe(6);
  });

  it('trend and factors come from the aggregates and agree with the summary; aggregates equal a recompute', async () => {
    const trend = await get(`/api/kpis/trend?${range}&granularity=month`);
    expect(trend.points).toEqual([
      { period: '2025-06-01', responses: 6, score: 76.67, satisfactionRate: 5 / 6, meetsTarget: false },
    ]);
    expect(trend.target).toBe(90);
    expect((await get(`/api/kpis/factors?${range}`)).rows).toEqual([]);
    expect(await diffMonthlyAggregates(t.database.db)).toEqual({ onlyStored: [], onlyRecomputed: [] });
  });

  it('drills from the Pareto, the ranking and the heat map into exactly the rows counted', async () => {
    const pareto = await get(`/api/kpis/dissatisfaction-pareto?${range}`);
    expect(pareto.rows).toEqual([
      {
        reason: 'q1',
        label: '您对本次服务满意吗?',
        labelEn: 'Are you satisfied with the service?',
        count: 1,
        cumulative: 1,
      },
    ]);
    const drill = await get(`/api/kpis/drill?${range}&kind=responses&reason=q1`);
    expect(drill.total).toBe(1);
    expect(drill.rows[0].score).toBe(0);
    const ranking = await get(`/api/kpis/staff-ranking?${range}&role=agent`);
    expect(ranking.rows).toEqual([
      expect.objectContaining({ key: gm.me.user.id, responses: 6, rank: 1, dissatisfied: 1 }),
    ]);
    const staffDrill = await get(`/api/kpis/drill?${range}&kind=responses&staffRole=agent&staffKey=${gm.me.user.id}`);
    expect(staffDrill.total).toBe(6);
    const heat = await get(`/api/kpis/overdue-heatmap?${range}`);
    expect(heat.cells).toEqual([[24, 0, 1]]);
    const cases = await get(
      `/api/kpis/drill?${range}&kind=cases&department=after_sales&overdueOnly=true&granularity=day&period=${heat.days[24]}`,
    );
    expect(cases.total).toBe(1);
    const tasks = await get(`/api/kpis/drill?${range}&kind=tasks`);
    expect(tasks.total).toBe(13);
    expect(tasks.rows[0].phone).toBe('138****5678');
  });

  it('keeps tenancy and permissions: other dealers 404, agents 403, analysts see the benchmark', async () => {
    const hz = await t.login('hz_agent');
    const hzDealer = hz.me.currentDealerId as string;
    const cross = await t.as(gm, 'GET', `/api/kpis/summary?dealerId=${hzDealer}`);
    expect(cross.statusCode).toBe(404);
    expect((await t.as(hz, 'GET', '/api/kpis/summary')).statusCode).toBe(403);
    const analyst = await t.login('group_analyst');
    const bench = await get(`/api/kpis/benchmark?${range}`, analyst);
    const sh = bench.dealers.find((d: { dealerId: string }) => d.dealerId === dealerId);
    expect(sh).toMatchObject({ score: 76.67, rank: 1, responses: 6 });
    expect(bench.national).toBe(76.67);
    const own = await get(`/api/kpis/benchmark?${range}`);
    expect(own.dealers.map((d: { dealerId: string }) => d.dealerId)).toEqual([dealerId]);
    expect(own.national).toBe(76.67);
  });
});

const body0 = (b: { rows: unknown[] }) => b.rows.length;
