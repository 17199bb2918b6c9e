import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SMALL_CONTENT } from '../questionnaire-samples';
import { DEMO_PASSWORD, loginAs, useBrowserSession } from './helpers';

/**
 * Issue 6, the closed loop in a real browser across three roles (SPEC §4.7 WF-7): the CS agent opens a case from
 * a dissatisfied answer (tracking form, sent to the director at once), the after-sales director records the
 * result and returns the form, the agent makes the second callback, and the case is closed.
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

async function openCaseAsAgent(page: Page) {
  await loginAs(page, 'cs_agent');
  await page.getByTestId('menu-cases').click();
  await page.getByTestId('cases-tab-unhandled').click();
  await page.getByTestId('cases-unhandled').getByTestId('case-open').first().click();
  await expect.poll(() => page.getByTestId('case-preview').textContent()).toContain('售后服务总监');
  await page.getByTestId('case-problem').fill('客户反映保养后发动机仍有异响，要求售后总监给出处理方案。');
  await page.getByTestId('case-open-save').click();
  await expect.poll(() => page.getByTestId('case-title').textContent()).toContain('待部门处理');
  return page.url();
}

describe('dissatisfaction case across three roles (headless Chromium)', () => {
  it('agent opens the form, director replies and returns it, agent calls back: closed', async () => {
    const [sup, gm, agentApi] = [await apiAs('cs_supervisor'), await apiAs('gm'), await apiAs('cs_agent')];
    const created = await sup('/api/questionnaires', { code: 'E2E-CASE', content: SMALL_CONTENT });
    await gm(`/api/questionnaire-versions/${created.versionId}/approve`);
    await sup(`/api/questionnaire-versions/${created.versionId}/publish`);
    await agentApi('/api/responses', {
      versionId: created.versionId,
      answers: [
        { question: 'q1', value: 'dissatisfied' },
        { question: 'q2', value: '发动机异响' },
      ],
    });

    const agent = await openPage();
    const caseUrl = await openCaseAsAgent(agent);
    expect(await agent.getByTestId('case-event-forwarded').count()).toBe(1);

    const director = await openPage();
    await loginAs(director, 'aftersales_director');
    await expect.poll(() => director.getByTestId('case-widget-mine').textContent()).toContain('1');
    await director.getByTestId('menu-cases').click();
    await director.getByTestId('cases-table-mine').getByTestId('case-link').first().click();
    await director.getByTestId('case-step-text').fill('已安排技师复检并更换张紧器，电话告知客户');
    await director.getByTestId('case-do-reply').click();
    await expect.poll(() => director.getByTestId('case-title').textContent()).toContain('待回传');
    await director.getByTestId('case-do-return').click();
    await expect.poll(() => director.getByTestId('case-title').textContent()).toContain('待二次回访');

    await agent.goto('/cases?tab=second_callback');
    await agent.getByTestId('cases-table-second_callback').getByTestId('case-link').first().click();
    expect(agent.url()).toBe(caseUrl);
    await agent.getByTestId('case-step-text').fill('客户表示满意');
    await agent.getByTestId('case-satisfied').click();
    await expect.poll(() => agent.getByTestId('case-title').textContent()).toContain('已关闭');
    const kinds = await agent
      .getByTestId('case-timeline')
      .locator('[data-testid^="case-event-"]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')));
    expect(kinds).toEqual([
      'case-event-opened',
      'case-event-forwarded',
      'case-event-replied',
      'case-event-returned',
      'case-event-second_callback',
      'case-event-closed',
    ]);
  });
});
