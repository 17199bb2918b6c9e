import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fillField as fill, loginAs, useBrowserSession } from './helpers';

/**
 * Issue 6 configuration in a real browser (SPEC §4.7, §5.7, §9.2 C5–C10): the dealer admin saves a new
 * closed-loop rules version (form cut-off 16:30; a wrong time is refused first and the refusal is shown)
 * and a new penalty-rules version from the SAMPLE preset, and finds both in the version history.
 */

const { openPage } = useBrowserSession();

async function pickOption(page: Page, testId: string, label: string) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-item-option', { hasText: label }).first().click();
}

describe('closed-loop and penalty rules pages (headless Chromium)', () => {
  it(
    'the dealer admin saves new versions of both rule sets and sees them in the history',
    { timeout: 240_000 },
    async () => {
      const page = await openPage();
      page.setDefaultTimeout(30_000);
      await loginAs(page, 'dealer_admin');

      await page.getByTestId('menu-case-rules').click();
      await fill(page, 'cr-formCutoff', '25:00');
      await page.getByTestId('cr-save').click();
      await expect.poll(() => page.getByTestId('rules-error').textContent()).toContain('formCutoff');

      await fill(page, 'cr-formCutoff', '16:30');
      await fill(page, 'cr-note', 'e2e 截止16:30');
      await page.getByTestId('cr-save').click();
      const caseRow = page.getByTestId('cr-history').locator('tr', { hasText: 'e2e 截止16:30' });
      await expect.poll(() => caseRow.count()).toBe(1);
      expect(await caseRow.textContent()).toContain('16:30');

      await page.getByTestId('menu-penalty-rules').click();
      await pickOption(page, 'pr-preset', '示例');
      await fill(page, 'pr-after_sales-3', '200');
      await fill(page, 'pr-note', 'e2e 示例金额');
      await page.getByTestId('pr-save').click();
      const penaltyRow = page.getByTestId('pr-history').locator('tr', { hasText: 'e2e 示例金额' });
      await expect.poll(() => penaltyRow.count()).toBe(1);
      const text = (await penaltyRow.textContent()) ?? '';
      expect(text).toContain('SAMPLE');
      expect(text).toContain('¥200');
    },
  );
});
