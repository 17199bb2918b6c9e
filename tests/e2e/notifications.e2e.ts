import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loginAs, menuKeys, ROOT, useBrowserSession } from './helpers';

/**
 * Issue 6 foundations in a real browser: the dealer admin previews a deadline across the National Day
 * holiday and saves an exception on the working calendar, adds a WeCom group robot whose URL is never shown
 * again, and sets notification channels; every user has the inbox bell.
 */

const { openPage } = useBrowserSession();
const SHOTS = process.env.MANYI_SCREENSHOTS === '1';
const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: path.join(ROOT, 'docs/guide/images', name), fullPage: true });
};
const SECRET_KEY = 'e2e-secret-key-0000-1111-2222-abcd';

describe('working calendar, WeCom robots and notifications (headless Chromium)', () => {
  it('the dealer admin previews a deadline and saves a calendar exception', async () => {
    const page = await openPage();
    await loginAs(page, 'dealer_admin');
    expect(await menuKeys(page)).toEqual(expect.arrayContaining(['menu-calendar', 'menu-wecom-robots']));
    await page.getByTestId('menu-calendar').click();
    await page.locator('input[type="date"]').last().fill('2024-09-30');
    await expect.poll(() => page.getByTestId('preview-result').textContent()).toContain('2024-10-08');
    await page.getByTestId('override-add').click();
    await page.getByTestId('override-date').last().fill('2026-12-31');
    await page.getByTestId('calendar-save').click();
    await page.getByText('已保存').first().waitFor();
    await shot(page, 'calendar.png');
  });

  it('adds a WeCom robot whose webhook URL is not shown again', async () => {
    const page = await openPage();
    await loginAs(page, 'dealer_admin');
    await page.getByTestId('menu-wecom-robots').click();
    await page.getByTestId('robot-add').click();
    const form = page.getByTestId('robot-form');
    await form.locator('input').first().fill('售后管理群');
    await form
      .locator('input[type="password"]')
      .fill(`https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${SECRET_KEY}`);
    await page.getByTestId('robot-save').click();
    const table = page.getByTestId('robots-table');
    await expect.poll(() => table.textContent()).toContain('售后管理群');
    expect(await table.textContent()).toContain('…abcd');
    expect(await page.content()).not.toContain(SECRET_KEY);
    await shot(page, 'wecom-robots.png');
  });

  it('an agent has the inbox bell and sets their own notification channels', async () => {
    const page = await openPage();
    await loginAs(page, 'cs_agent');
    expect(await menuKeys(page)).not.toContain('menu-wecom-robots');
    await page.getByTestId('inbox-bell').click();
    await page.getByTestId('inbox-list').waitFor();
    await page.getByRole('link', { name: '通知设置' }).click();
    await page.getByTestId('prefs-mine').waitFor();
    expect(await page.getByTestId('prefs-roles').count()).toBe(0); // role defaults: dealer admin only
    await page.getByRole('button', { name: '添加一行' }).click();
    await page.getByTestId('prefs-save').click();
    await page.getByText('已保存').first().waitFor();
    await shot(page, 'notification-preferences.png');
  });
});
