import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SMALL_CONTENT } from '../questionnaire-samples';
import { DEMO_PASSWORD, loginAs, ROOT, useBrowserSession } from './helpers';

/**
 * Issue 7 "Must show": the GM opens the dashboard, clicks a point of a chart (the first bar of the Pareto of
 * dissatisfaction reasons) and sees the rows behind it. The monthly report's Excel download belongs to the
 * reports feature (server/features/reports) and is tested there.
 */
const { openPage } = useBrowserSession();

async function apiAs(username: string) {
  const page = await openPage();
  const login = await page.request.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(login.status(), await login.text()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async (url: string, body: unknown = {}) => {
    const res = await page.request.post(url, { data: body, headers: { 'x-csrf-token': csrfToken } });
    if (!res.ok()) throw new Error(`POST ${url}: ${res.status()} ${(await res.text()).slice(0, 300)}`);
    return (await res.json()) as { id: string; versionId: string };
  };
}

/** Clicks bar `index` of series 0 of a chart, where ECharts draws it. */
async function clickPoint(page: Page, testId: string, index: number) {
  const chart = page.getByTestId(testId);
  await expect.poll(() => chart.getAttribute('data-ready')).toBe('true');
  await chart.scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  const box = (await chart.locator('[data-chart]').boundingBox())!;
  // The bar's layout (x, y, width, height in chart pixels) from the series data of the live instance.
  const [x, y] = await chart.locator('[data-chart]').evaluate((el, i) => {
    type Layout = { x: number; y: number; width: number; height: number };
    type Chart = { getModel(): { getSeriesByIndex(n: number): { getData(): { getItemLayout(k: number): Layout } } } };
    const l = (el as unknown as { __chart: Chart }).__chart.getModel().getSeriesByIndex(0).getData().getItemLayout(i);
    return [l.x + l.width / 2, l.y + l.height / 2];
  }, index);
  expect(Number.isFinite(x) && Number.isFinite(y), `point at ${x},${y}`).toBe(true);
  await page.mouse.click(box.x + x!, box.y + y!);
}

describe('GM dashboard (headless Chromium)', () => {
  it('shows the KPIs and drills from the Pareto bar into the responses behind it', async () => {
    const [sup, gm, agent] = [await apiAs('cs_supervisor'), await apiAs('gm'), await apiAs('cs_agent')];
    const created = await sup('/api/questionnaires', { code: 'E2E-KPI', content: SMALL_CONTENT });
    await gm(`/api/questionnaire-versions/${created.versionId}/approve`);
    await sup(`/api/questionnaire-versions/${created.versionId}/publish`);
    for (const value of ['dissatisfied', 'dissatisfied', 'very_satisfied'])
      await agent('/api/responses', {
        versionId: created.versionId,
        answers: [
          { question: 'q1', value },
          ...(value === 'dissatisfied' ? [{ question: 'q2', value: '等待时间太长' }] : []),
        ],
      });

    const page = await openPage();
    await loginAs(page, 'gm');
    await expect.poll(() => page.getByTestId('kpi-cards').textContent()).toContain('%');
    const pareto = await page.request.get('/api/kpis/dissatisfaction-pareto');
    const first = ((await pareto.json()) as { rows: { reason: string; count: number }[] }).rows[0]!;
    expect(first.count).toBeGreaterThanOrEqual(2);
    await clickPoint(page, 'kpi-chart-pareto', 0);
    await expect.poll(() => page.getByTestId('kpi-drill-row').count()).toBe(first.count);
    expect(await page.getByTestId('kpi-drill').textContent()).toContain(String(first.count));
    if (process.env.MANYI_SCREENSHOTS === '1')
      await page.screenshot({ path: path.join(ROOT, 'docs/guide/images', 'gm-dashboard.png'), fullPage: true });
  });
});
