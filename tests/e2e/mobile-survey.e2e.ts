import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SMALL_CONTENT } from '../questionnaire-samples';
import { DEMO_PASSWORD, ROOT, useBrowserSession } from './helpers';

/**
 * Issue 5 on a phone (SPEC §1.5 P-GEN, §8.3): an agent creates a mobile survey link; the customer opens it
 * on a phone-sized screen, reads the privacy notice first, answers and submits; reopening the link shows
 * "already used", a forged link shows "invalid" — and the page never loads the staff application.
 */

const { openPage } = useBrowserSession();
const SHOTS = process.env.MANYI_SCREENSHOTS === '1';
const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: path.join(ROOT, 'docs/guide/images', name), fullPage: true });
};

type Json = Record<string, unknown>;

async function apiAs(username: string) {
  const page = await openPage();
  const login = await page.request.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(login.status(), await login.text()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const check = async (res: Awaited<ReturnType<Page['request']['get']>>, what: string) => {
    if (!res.ok()) throw new Error(`${what}: ${res.status()} ${(await res.text()).slice(0, 300)}`);
    return (await res.json()) as Json;
  };
  return {
    get: async (url: string) => check(await page.request.get(url), `GET ${url}`),
    post: async (url: string, body: unknown = {}) =>
      check(await page.request.post(url, { data: body, headers: { 'x-csrf-token': csrfToken } }), `POST ${url}`),
  };
}

/** The demo DMS data is imported in the background after start: wait for a customer of SH001. */
async function someCustomer(agent: Awaited<ReturnType<typeof apiAs>>) {
  const deadline = Date.now() + 150_000;
  for (;;) {
    const r = (await agent.get(`/api/customers?q=${encodeURIComponent('王')}`)) as { items: { id: string }[] };
    if (r.items[0]) return r.items[0].id;
    if (Date.now() > deadline) throw new Error('no demo customer was imported');
    await new Promise((res) => setTimeout(res, 3000));
  }
}

describe('mobile survey link (headless Chromium, phone viewport)', () => {
  it('privacy notice first, answer, submit, then "already used"; forged links are refused', async () => {
    const [sup, gm, lead, agent] = [
      await apiAs('cs_supervisor'),
      await apiAs('gm'),
      await apiAs('cs_lead'),
      await apiAs('cs_agent'),
    ];
    const created = await sup.post('/api/questionnaires', {
      code: 'LINK-E2E',
      content: {
        ...SMALL_CONTENT,
        channel: 'mobile_link',
        name: { zh: '售后服务满意度', en: 'After-sales satisfaction' },
      },
    });
    await gm.post(`/api/questionnaire-versions/${String(created.versionId)}/approve`);
    await sup.post(`/api/questionnaire-versions/${String(created.versionId)}/publish`);
    const customerId = await someCustomer(agent);
    const task = await lead.post('/api/callbacks/tasks', {
      type: 'PERIODIC_SURVEY',
      customerId,
      questionnaireCode: 'LINK-E2E',
    });
    const link = await agent.post(`/api/callbacks/tasks/${String(task.id)}/link`);
    const url = String(link.url);

    const phone = await openPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    const scripts: string[] = [];
    phone.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await phone.goto(url);
    const notice = phone.getByTestId('m-privacy');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('不再联系我');
    expect(await phone.getByTestId('side-menu').count()).toBe(0);
    expect(scripts.some((s) => /\/assets\/(main|index)-/.test(s))).toBe(false);
    await shot(phone, 'mobile-survey-notice.png');

    await phone.getByTestId('m-start').click();
    await phone.getByTestId('m-submit').click();
    await expect.poll(() => phone.getByTestId('m-q-q1').getAttribute('class')).toContain('bad');
    await phone.getByTestId('m-q-q1').getByText('非常满意', { exact: true }).click();
    await phone.getByTestId('m-q-q3').getByText('是', { exact: true }).click();
    await shot(phone, 'mobile-survey-form.png');
    await phone.getByTestId('m-submit').click();
    await expect.poll(() => phone.getByTestId('m-status-ok').textContent()).toContain('感谢');

    await phone.reload();
    await expect.poll(() => phone.getByTestId('m-status-error').textContent()).toContain('已经提交过');
    await shot(phone, 'mobile-survey-used.png');
    await phone.goto(url.replace(/\/s\/.+$/, `/s/${'A'.repeat(43)}`));
    await expect.poll(() => phone.getByTestId('m-status-error').textContent()).toContain('链接无效');

    const done = await agent.get(`/api/callbacks/tasks/${String(task.id)}`);
    expect(done.status).toBe('SUCCESS');
  });
});
