import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loginAs, useBrowserSession } from './helpers';
import { apiAs, openCallingHoursAllDay, waitForDemoImports, waitForTasks } from './demo-api';

/**
 * Issue 5, the lead's side in a real browser (SPEC §4.1, §4.6 WF-5): the lead opens the callback queue,
 * reassigns a task to an agent and sees it assigned; the dealer admin saves the callback rules as a new
 * version effective tomorrow and finds it in the history. The set-up (through the API) opens the calling
 * hours all day and waits for the demo data to produce tasks; the agent then holds one call, so the lead
 * sees them among "who is on what" and can pick them.
 */

const { openPage } = useBrowserSession();

/** Picks the option with this text in an antd Select (the dropdown renders in a portal). */
/** Picks an option and checks it took (the agents' labels may re-render while their counts refresh). */
async function pick(page: Page, testId: string, text: string) {
  for (let attempt = 0; ; attempt++) {
    await page.getByTestId(testId).click();
    await page.locator('.ant-select-item-option', { hasText: text }).first().click();
    const shown = await page.getByTestId(testId).textContent();
    if (shown?.includes(text) || attempt === 2) break;
  }
}

describe('callback queue and rules (headless Chromium)', () => {
  it(
    'the lead reassigns a task to an agent; the admin saves rules effective tomorrow',
    { timeout: 480_000 },
    async () => {
      const [sup, lead, agent] = [
        await apiAs(openPage, 'cs_supervisor'),
        await apiAs(openPage, 'cs_lead'),
        await apiAs(openPage, 'cs_agent'),
      ];
      await openCallingHoursAllDay(sup);
      await waitForTasks(lead, 1, 240_000);
      await waitForDemoImports([lead, await apiAs(openPage, 'hz_admin'), await apiAs(openPage, 'cd_admin')]);
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
