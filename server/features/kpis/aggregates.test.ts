import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { WORKED_EXAMPLES } from '../../../core/rules/scoring-examples';
import { useTestApp, type Session } from '../../../tests/harness';
import { TEST_DB_KIND } from '../../../tests/test-db';
import { diffMonthlyAggregates, findMonthlyFactors } from './aggregates.queries';

/**
 * The incremental KPI aggregates follow every response insert in the same transaction and equal a full
 * recompute (issue 7: "prove the aggregates equal a full recompute").
 */
describe(`KPI aggregates on ${TEST_DB_KIND}`, () => {
  const t = useTestApp();
  let cs: Session;
  let gm: Session;
  let agent: Session;
  let dealerId: string;
  beforeAll(async () => {
    [cs, gm, agent] = [await t.login('cs_supervisor'), await t.login('gm'), await t.login('cs_agent')];
    dealerId = agent.me.currentDealerId as string;
  });

  async function publish(content: unknown): Promise<string> {
    const id = (await t.as(cs, 'POST', '/api/questionnaires', { content })).json().versionId as string;
    expect((await t.as(gm, 'POST', `/api/questionnaire-versions/${id}/approve`)).statusCode).toBe(200);
    expect((await t.as(cs, 'POST', `/api/questionnaire-versions/${id}/publish`)).statusCode).toBe(200);
    return id;
  }

  it('adds each submitted response to its month, line, channel and factors, equal to a recompute', async () => {
    const expected = new Map<string, { n: number; sum: number }>();
    for (const example of WORKED_EXAMPLES) {
      const id = await publish(example.content);
      for (let i = 0; i < 3; i++) {
        const res = await t.as(agent, 'POST', '/api/responses', { versionId: id, answers: example.answers });
        expect(res.statusCode, res.body).toBe(201);
        const body = res.json();
        const line = (example.content as { businessLine: string }).businessLine;
        const key = `${line}/${body.channel ?? ''}`;
        const e = expected.get(key) ?? { n: 0, sum: 0 };
        expected.set(key, { n: e.n + 1, sum: e.sum + (body.score === null ? 0 : Number(body.score)) });
      }
    }
    const month = (
      await sql<{
        m: string;
      }>`select to_char(date_trunc('month', now() at time zone 'Asia/Shanghai'), 'YYYY-MM-DD') as m`.execute(
        t.database.db,
      )
    ).rows[0]!.m;
    const rows = await findMonthlyFactors(t.database.db, dealerId, month, month);
    const totals = rows.filter((r) => r.factor === '_total');
    expect(totals.reduce((a, r) => a + r.responses, 0)).toBe(WORKED_EXAMPLES.length * 3);
    const sum = totals.reduce((a, r) => a + Number(r.scoreSum), 0);
    expect(sum).toBeCloseTo(
      [...expected.values()].reduce((a, e) => a + e.sum, 0),
      2,
    );
    expect(await diffMonthlyAggregates(t.database.db)).toEqual({ onlyStored: [], onlyRecomputed: [] });
    const chart = (await t.as(gm, 'GET', `/api/kpis/factors?from=${month}`)).json() as {
      rows: { factor: string; name: { zh: string; en: string } | null; n: number }[];
    };
    expect(chart.rows.length).toBeGreaterThan(0);
    // The chart names each factor as the dealer's questionnaire does, not by its code.
    for (const r of chart.rows) expect(r.name?.zh, r.factor).toBeTruthy();
  });

  it('uses the dealer’s local month: 23:30 UTC on the last day is the next month in Shanghai', async () => {
    const before = await findMonthlyFactors(t.database.db, dealerId, '2026-01-01', '2026-12-01');
    const version = (
      await sql<{ id: string; templateId: string }>`
        select id, template_id as "templateId" from questionnaire_versions
        where dealer_id = ${dealerId} and status = 'published' limit 1`.execute(t.database.db)
    ).rows[0]!;
    await sql`
      insert into survey_responses (dealer_id, version_id, template_id, channel, submitted_at, score, satisfied)
      values (${dealerId}, ${version.id}, ${version.templateId}, 'phone', '2026-03-31T23:30:00Z', 60, false)`.execute(
      t.database.db,
    );
    const after = await findMonthlyFactors(t.database.db, dealerId, '2026-01-01', '2026-12-01');
    const april = after.filter((r) => r.month.startsWith('2026-04') && r.factor === '_total');
    const aprilBefore = before.filter((r) => r.month.startsWith('2026-04') && r.factor === '_total');
    expect(april.reduce((a, r) => a + r.dissatisfied, 0)).toBe(aprilBefore.reduce((a, r) => a + r.dissatisfied, 0) + 1);
    expect(after.filter((r) => r.month.startsWith('2026-03'))).toEqual(
      before.filter((r) => r.month.startsWith('2026-03')),
    );
    expect(await diffMonthlyAggregates(t.database.db, dealerId)).toEqual({ onlyStored: [], onlyRecomputed: [] });
  });
});
