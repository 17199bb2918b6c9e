import { describe, expect, it } from 'vitest';
import { fillField as fill, loginAs, useBrowserSession } from './helpers';

/**
 * KPI thresholds in a real browser (SPEC §5.2, §5.3, C24 — versioned CONFIG): the CS supervisor finds the SPEC
 * preset in force, tries a back-dated version (refused at the field: a month already over keeps its verdict), then
 * saves 55 % / 65 % strictly above, target 92, from the first day of this month, and sees it in force and in the
 * history.
 */
const { openPage } = useBrowserSession();

describe('KPI thresholds page (headless Chromium)', () => {
  it(
    'the CS supervisor saves a new thresholds version; a back-dated one is refused',
    { timeout: 240_000 },
    async () => {
      const page = await openPage();
      page.setDefaultTimeout(30_000);
      await loginAs(page, 'cs_supervisor');
      await page.getByTestId('menu-kpi-thresholds').click();
      const current = page.getByTestId('thresholds-current');
      await expect.poll(() => current.textContent()).toContain('SPEC 预设');
      expect(await current.textContent()).toContain('≥ 50%');
      const earliest = await page.getByTestId('thresholds-effective').inputValue();
      expect(earliest).toMatch(/^\d{4}-\d{2}-01$/);

      await fill(page, 'thresholds-effective', '2020-01-01');
      await page.getByTestId('thresholds-save').click();
      const error = page.locator('.ant-form-item-explain-error', { hasText: `生效日期不能早于 ${earliest}` });
      await expect.poll(() => error.count()).toBe(1);

      await fill(page, 'thresholds-effective', earliest);
      await fill(page, 'thresholds-callback', '55');
      await fill(page, 'thresholds-survey', '65');
      await fill(page, 'thresholds-target', '92');
      await page.getByLabel('不含本数（>）').check();
      await page.getByLabel('说明').fill('e2e 提高要求');
      await page.getByTestId('thresholds-save').click();

      const row = page.getByTestId('thresholds-history').locator('tr', { hasText: 'e2e 提高要求' });
      await expect.poll(() => row.count()).toBe(1);
      const text = (await row.textContent()) ?? '';
      expect(text).toContain('> 55%');
      expect(text).toContain('> 65%');
      expect(text).toContain('> 92');
      expect(text).toContain('生效中');
      await expect.poll(() => current.textContent()).toContain('第 1 版');
      expect(await current.textContent()).toContain('> 65%');
    },
  );
});
