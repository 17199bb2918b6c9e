import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs } from './demo-api';
import { loginAs, useBrowserSession } from './helpers';

/**
 * Report settings in a real browser (CONFIG, SPEC §3.12, §4.15): the dealer admin opens them from the reports page,
 * a bad due day or address is refused at its field (the browser's check, and the server's for an address only the
 * server refuses) with nothing stored; valid values are saved. The GM has no settings button; the CS team lead
 * generates a monthly report from the reports page.
 */
const { openPage } = useBrowserSession();

/** The text input inside an antd control found by its test id (the id may sit on the input or its wrapper). */
async function inputOf(page: Page, testId: string) {
  const own = page.getByTestId(testId);
  return (await own.evaluate((el) => el.tagName)) === 'INPUT' ? own : own.locator('input').first();
}

/** Removes the last address tag with Backspace, again until it is really gone (a key can land before focus). */
async function removeTag(page: Page, card: Locator, input: Locator, text: string) {
  const tag = card.locator('.ant-select-selection-item', { hasText: text });
  for (let i = 0; i < 5 && (await tag.count()) > 0; i++) {
    await input.click();
    await page.keyboard.press('Backspace');
    await expect
      .poll(() => tag.count(), { timeout: 2_000 })
      .toBe(0)
      .catch(() => undefined);
  }
  expect(await tag.count()).toBe(0);
}

const savedRecipients = (res: { url(): string; request(): { method(): string } }) =>
  res.url().endsWith('/api/report-recipients/daily_sales') && res.request().method() === 'PUT';

describe('report settings (headless Chromium)', () => {
  it('the dealer admin sets the due day and the recipients; bad values are refused at their field', async () => {
    const admin = await apiAs(openPage, 'dealer_admin');
    const page = await openPage();
    await loginAs(page, 'dealer_admin');
    await page.getByTestId('menu-reports').click();
    await page.getByTestId('report-settings-open').click();
    await page.waitForURL(/\/reports\/settings$/);

    // Due day: 29 is refused in the browser (nothing sent), 5 is saved.
    const general = page.getByTestId('report-settings-general');
    const dueDay = await inputOf(page, 'report-settings-due-day');
    await dueDay.fill('29');
    await page.getByTestId('report-settings-save').click();
    await general.getByText('请填写 1 到 28 之间的整数').waitFor();
    expect(await admin.get('/api/report-settings')).toEqual({ monthlyDueDay: 10, exportReasonRows: 200 });
    await dueDay.fill('5');
    await (await inputOf(page, 'report-settings-reason-rows')).fill('50');
    const [savedSettings] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/report-settings') && r.request().method() === 'PUT'),
      page.getByTestId('report-settings-save').click(),
    ]);
    expect(savedSettings.status()).toBe(200);
    expect(await admin.get('/api/report-settings')).toEqual({ monthlyDueDay: 5, exportReasonRows: 50 });

    // Recipients of the sales daily report.
    const card = page.getByTestId('report-recipients-daily_sales');
    const emails = await inputOf(page, 'report-recipients-emails-daily_sales');
    const before = await admin.get('/api/report-recipients');
    await emails.click();
    await page.keyboard.type('bad-address,');
    await page.getByTestId('report-recipients-save-daily_sales').click();
    await card.getByText('以下邮箱地址无效：bad-address').waitFor();
    // An address the browser lets through but the server refuses: the server's refusal lands on the same field.
    await removeTag(page, card, emails, 'bad-address');
    await page.keyboard.type('ops@dealer.c,');
    const [refused] = await Promise.all([
      page.waitForResponse(savedRecipients),
      page.getByTestId('report-recipients-save-daily_sales').click(),
    ]);
    expect(refused.status()).toBe(400);
    await card.getByText('以下邮箱地址无效：ops@dealer.c').waitFor();
    expect(await admin.get('/api/report-recipients')).toEqual(before);

    await removeTag(page, card, emails, 'ops@dealer.c');
    await page.keyboard.type('gm.copy@dealer.cn,');
    await page.getByTestId('report-recipients-roles-daily_sales').click();
    await page.locator('.ant-select-item-option', { hasText: '销售总监' }).first().click();
    await page.keyboard.press('Escape');
    await (await inputOf(page, 'report-recipients-time-daily_sales')).fill('17:30');
    const [saved] = await Promise.all([
      page.waitForResponse(savedRecipients),
      page.getByTestId('report-recipients-save-daily_sales').click(),
    ]);
    expect(saved.status(), await saved.text()).toBe(200);
    const after = (await admin.get('/api/report-recipients')) as { items: { kind: string }[] };
    expect(after.items.find((r) => r.kind === 'daily_sales')).toEqual({
      kind: 'daily_sales',
      roles: ['gm', 'sales_director'],
      emails: ['gm.copy@dealer.cn'],
      sendTime: '17:30',
    });
  });

  it('the GM sees no settings; the team lead generates the monthly report from the reports page', async () => {
    const gm = await openPage();
    await loginAs(gm, 'gm');
    await gm.getByTestId('menu-reports').click();
    await gm.getByTestId('report-tab-monthly_aftersales').waitFor();
    expect(await gm.getByTestId('report-settings-open').count()).toBe(0);

    const page = await openPage();
    await loginAs(page, 'cs_lead');
    await page.getByTestId('menu-reports').click();
    await page.getByTestId('report-tab-monthly_aftersales').click();
    const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 7);
    await page.getByTestId('report-period').fill(month);
    const [generated] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/reports') && r.request().method() === 'POST'),
      page.getByTestId('report-generate').click(),
    ]);
    expect(generated.status(), await generated.text()).toBe(201);
    await page.getByTestId(`report-open-${month}`).click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('page-title').textContent()).toContain(month);
  });
});
