import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, loginAs, useBrowserSession } from './helpers';

/**
 * Issue 5, the lead's side in a real browser (SPEC §4.1, §4.6 WF-5): the lead opens the callback queue,
 * reassigns a task to an agent and sees it assigned; the dealer admin saves the callback rules as a new
 * version effective tomorrow and finds it in the history. The set-up (through the API) opens the calling
 * hours all day and waits for the demo data to produce tasks; the agent then holds one call, so the lead
 * sees them among "who is on what" and can pick them.
 */

const { openPage } = useBrowserSession();

interface Api {
  get(url: string): Promise<unknown>;
  send(method: 'POST' | 'PUT', url: string, body?: unknown): Promise<unknown>;
}

async function apiAs(username: string): Promise<Api> {
  const page = await openPage();
  const login = await page.request.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(login.status(), await login.text()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const check = async (res: Awaited<ReturnType<Page['request']['get']>>, what: string) => {
    if (!res.ok()) throw new Error(`${what}: ${res.status()} ${(await res.text()).slice(0, 300)}`);
    return res.json() as Promise<unknown>;
  };
  return {
    get: async (url) => check(await page.request.get(url), `GET ${url}`),
    send: async (method, url, body = {}) =>
      check(
        await page.request.fetch(url, { method, data: body, headers: { 'x-csrf-token': csrfToken } }),
        `${method} ${url}`,
      ),
  };
}

async function openCallingHoursAllDay(sup: Api) {
  const current = (await sup.get('/api/callbacks/rules')) as { current: { rules: Record<string, unknown> } };
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  await sup.send('PUT', '/api/callbacks/rules', {
    effectiveFrom: today,
    rules: { ...current.current.rules, callingHours: { days: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '23:59' } },
    note: 'e2e: calling hours all day',
  });
}

/** Waits until the background demo import has produced at least two pending tasks for SH001. */
async function waitForTasks(lead: Api) {
  const deadline = Date.now() + 240_000;
  for (;;) {
    await lead.send('POST', '/api/callbacks/generate');
    const q = (await lead.get('/api/callbacks/queue?status=PENDING&limit=1')) as { total: number };
    if (q.total > 1) return;
    if (Date.now() > deadline) throw new Error('no callback tasks were generated from the demo data');
    await new Promise((r) => setTimeout(r, 3000));
  }
}

/**
 * Waits until the background demo import of every demo dealer has finished: on the embedded database all
 * requests share one connection, so a running import would slow every click of the flow below.
 */
async function waitForDemoImports(admins: Api[]) {
  const deadline = Date.now() + 240_000;
  const done = async (a: Api) => {
    const runs = ((await a.get('/api/imports')) as { items: { status: string }[] }).items;
    return runs.length >= 2 && runs.every((r) => !['uploaded', 'queued', 'running'].includes(r.status));
  };
  for (const a of admins) {
    while (!(await done(a))) {
      if (Date.now() > deadline) throw new Error('the demo import did not finish');
      await new Promise((r) => setTimeout(r, 3000));
    }
  }
}

/** Picks the option with this text in an antd Select (the dropdown renders in a portal). */
async function pick(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-item-option', { hasText: text }).first().click();
}

describe('callback queue and rules (headless Chromium)', () => {
  it(
    'the lead reassigns a task to an agent; the admin saves rules effective tomorrow',
    { timeout: 480_000 },
    async () => {
      const [sup, lead, agent] = [await apiAs('cs_supervisor'), await apiAs('cs_lead'), await apiAs('cs_agent')];
      await openCallingHoursAllDay(sup);
      await waitForTasks(lead);
      await waitForDemoImports([lead, await apiAs('hz_admin'), await apiAs('cd_admin')]);
      const next = (await agent.send('POST', '/api/callbacks/next')) as { task: { id: string } | null };
      expect(next.task).not.toBeNull();
      const me = (await agent.get('/api/auth/me')) as { user: { displayName: string } };
      const agentName = me.user.displayName;

      const page = await openPage();
      page.setDefaultTimeout(30_000);
      await loginAs(page, 'cs_lead');
      await page.getByTestId('menu-callback-queue').click();
      await expect.poll(() => page.getByTestId('queue-holders').textContent()).toContain(agentName);
      // A task nobody holds: the first pending row whose holder cell is empty.
      await pick(page, 'queue-status', '待回访');
      const rows = page.getByTestId('queue-table').locator('tbody tr.ant-table-row');
      await expect.poll(() => rows.count()).toBeGreaterThan(0);
      const row = rows.filter({ hasNotText: agentName }).first();
      const source = (await row.locator('td').nth(2).textContent())?.trim() ?? '';
      const customer = (await row.locator('td').first().textContent())?.trim() ?? '';
      await row.getByTestId('queue-reassign').click();
      await pick(page, 'assign-agent', agentName);
      await page.locator('.ant-modal-footer .ant-btn-primary').click();
      const reassigned = rows.filter({ hasText: customer }).filter({ hasText: source }).first();
      await expect.poll(() => reassigned.getByTestId('queue-assigned').textContent()).toBe(agentName);

      const admin = await openPage();
      admin.setDefaultTimeout(30_000);
      await loginAs(admin, 'dealer_admin');
      await admin.getByTestId('menu-callback-rules').click();
      const effective = await admin.getByTestId('rules-effective').inputValue();
      expect(effective).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      await admin.getByTestId('rules-note').fill('e2e 明日生效');
      await admin.getByTestId('rules-save').click();
      const history = admin.getByTestId('rules-history').locator('tr', { hasText: 'e2e 明日生效' });
      await expect.poll(() => history.count()).toBe(1);
      expect(await history.textContent()).toContain(effective);
    },
  );
});
