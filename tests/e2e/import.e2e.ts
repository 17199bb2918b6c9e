import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vinCheckDigit } from '../../core/rules/vin';
import { launchBrowser, loginAs, newPage, startServer, type ManyiServer } from './helpers';

/**
 * DMS import through the UI (issue 3): upload a repair-order CSV, map the one column the presets do not
 * know by hand, watch the progress bar finish, download the rejected row, then find a customer from the
 * file and see the repair order on their 360 page.
 */

let server: ManyiServer | undefined;
let browser: Browser | undefined;
let page: Page | undefined;
let tmpDir: string | undefined;

beforeAll(async () => {
  const [started, launched] = await Promise.allSettled([startServer(), launchBrowser()]);
  if (started.status === 'fulfilled') server = started.value;
  if (launched.status === 'fulfilled') browser = launched.value;
  if (started.status === 'rejected') throw started.reason;
  if (launched.status === 'rejected') throw launched.reason;
});

afterAll(async () => {
  await page
    ?.context()
    .close()
    .catch(() => undefined);
  await browser?.close();
  await server?.stop();
  if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
});

/** A valid Chinese VIN (check digit in position 9) from a 16-character body. */
function vin(body16: string): string {
  const draft = `${body16.slice(0, 8)}0${body16.slice(8)}`;
  return `${draft.slice(0, 8)}${vinCheckDigit(draft)}${draft.slice(9)}`;
}

function daysAgo(n: number): string {
  return new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
}

const CUSTOMER = '欧阳思远';
const RO_NUMBER = 'E2E-RO-0001';

/**
 * The headers of a common DMS export, except '单据编号' for the RO number: no preset knows it, so the user
 * must map it by hand. The third row has an impossible settlement date: it is rejected, the rest imports.
 */
const HEADERS = '单据编号,结算日期,客户姓名,手机,车牌号,VIN,车型,颜色,服务顾问,维修类型,结算金额,进厂里程';
const RO_COLUMN = 0;
const NAME_COLUMN = 2;
const ADVISOR_COLUMN = 8;

function writeCsv(dir: string): string {
  const lines = [
    HEADERS,
    `${RO_NUMBER},${daysAgo(3)},${CUSTOMER},13761234567,沪AK7M26,${vin('LDC913L2E5K2A047')},东风标致408,珍珠白,周建华,常规保养,688.00,15230`,
    `E2E-RO-0002,${daysAgo(2)},上官婉清,13961234568,沪BD2F31,${vin('LDC613P2E8K1B053')},东风标致4008,曜石黑,周建华,一般维修,1250.50,40211`,
    `E2E-RO-0003,2026-13-45,司马光明,13861234569,沪CK8H72,${vin('LDC713R2E9K3C065')},东风标致508L,钛金灰,周建华,钣金喷漆,3200,8800`,
  ];
  const file = path.join(dir, 'repair-orders.csv');
  fs.writeFileSync(file, `${lines.join('\n')}\n`, 'utf8');
  return file;
}

async function text(locator: Locator): Promise<string | null> {
  return (await locator.count()) > 0 ? ((await locator.first().textContent()) ?? '').trim() : null;
}

async function expectText(locator: Locator, expected: string | RegExp, timeout = 15_000): Promise<void> {
  await expect.poll(() => text(locator), { timeout }).toMatch(expected);
}

/**
 * OK on the open dialog, then wait until it has closed: the demo import may still run in the background on the
 * embedded database's one connection, so a save can take a while, and the dialog covers the menu until then.
 */
async function submitModal(p: Page): Promise<void> {
  await p.locator('.ant-modal:visible .ant-btn-primary').click();
  await expect.poll(() => p.locator('.ant-modal-wrap:visible').count(), { timeout: 60_000 }).toBe(0);
}

describe('DMS import (headless Chromium)', () => {
  it('dealer_admin imports a repair-order CSV, maps a column by hand and opens a customer from it', async () => {
    if (!server || !browser) throw new Error('beforeAll did not start the server and browser');
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'manyi-import-e2e-'));
    const csvFile = writeCsv(tmpDir);
    page = await newPage(browser, server.url);

    await loginAs(page, 'dealer_admin');
    await page.getByTestId('menu-imports').click();
    await expectText(page.getByTestId('page-title'), '数据导入');

    // Step 1: the kind, then the file.
    await page.getByTestId('import-kind').getByText('维修工单').click();
    await page.getByTestId('import-file').setInputFiles(csvFile);

    // Step 2: the presets matched everything but '单据编号'; the required RO number is missing.
    const mappingTable = page.getByTestId('mapping-table');
    await mappingTable.waitFor();
    await expectText(mappingTable.locator('tr.ant-table-row').first(), /单据编号.*E2E-RO-0001/);
    await expectText(page.getByTestId('mapping-missing'), /工单号/);
    expect(await page.getByTestId('import-start').isDisabled()).toBe(true);
    await expectText(page.getByTestId(`mapping-select-${NAME_COLUMN}`), '客户名称');
    await expectText(page.getByTestId(`mapping-select-${ADVISOR_COLUMN}`), '服务顾问');

    await page.getByTestId(`mapping-select-${RO_COLUMN}`).click();
    await page.keyboard.type('工单号');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '工单号' }).first().click();
    await expectText(page.getByTestId(`mapping-select-${RO_COLUMN}`), /工单号/);
    await expect.poll(() => page?.getByTestId('mapping-missing').count()).toBe(0);
    expect(await page.getByTestId('mapping-save').isChecked()).toBe(true);
    await page.getByTestId('import-start').click();

    // Step 3: the bar runs to completion and shows the counts.
    await expectText(page.getByTestId('import-status'), '已完成', 60_000);
    await expect.poll(() => page?.getByTestId('import-progress').getAttribute('data-percent')).toBe('100');
    await expectText(page.getByTestId('import-rows'), /3 \/ 3/);
    await expectText(page.getByTestId('import-count-inserted'), /新增\s*2/);
    await expectText(page.getByTestId('import-count-rejected'), /拒绝\s*1/);
    await expectText(page.getByTestId('import-counts'), /未变化/);

    // The rejected row downloads as Excel through a plain link (the session cookie authorises it).
    const download = page.getByTestId('import-rejects-download');
    const href = await download.getAttribute('href');
    expect(href).toMatch(/^\/api\/imports\/[0-9a-f-]{36}\/rejects\.xlsx$/);
    const res = await page.context().request.get(href ?? '');
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('spreadsheetml');
    expect((await res.body()).subarray(0, 2).toString()).toBe('PK');

    // The run heads the recent-imports list (the demo's own imports, SH001-…, come after it).
    await expectText(
      page.getByTestId('import-recent').locator('tr.ant-table-row').first(),
      /^repair-orders\.csv.*已完成/,
    );

    // A customer from the file, found on 客户查询, and the repair order on their timeline.
    await page.getByTestId('menu-customers').click();
    await expectText(page.getByTestId('page-title'), '客户查询');
    const search = page.getByTestId('customer-search').locator('input');
    await search.fill(CUSTOMER);
    await search.press('Enter');
    const results = page.getByTestId('customers-table');
    await expectText(results.locator('tbody'), /欧阳思远.*137\*\*\*\*4567.*沪AK7M26/);
    await results.getByRole('link', { name: CUSTOMER }).click();

    await expectText(page.getByTestId('customer-name'), CUSTOMER);
    await expect.poll(() => new URL(page?.url() ?? '').pathname).toMatch(/^\/customers\/[0-9a-f-]{36}$/);
    await expectText(page.getByTestId('timeline-repair_order'), new RegExp(`维修工单.*${RO_NUMBER}`));
    await expectText(page.getByTestId('customer-vehicles'), /沪AK7M26/);
    await expectText(page.getByTestId('customer-contact'), /137\*\*\*\*4567/);

    // 客户信息修正: file one from the 360 page, then fix it on the corrections page (the admin manages all).
    await page.getByTestId('file-correction').click();
    await page.getByTestId('correction-field').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '地址' }).first().click();
    await page.getByTestId('correction-value').fill('上海市嘉定区安亭镇墨玉路 888 号');
    await page.getByTestId('correction-found-how').fill('回访时客户告知');
    await submitModal(page);
    await page.getByTestId('menu-corrections').click();
    await expectText(page.getByTestId('page-title'), '客户信息修正');
    const row = page.getByTestId('corrections-table').locator('tr.ant-table-row', { hasText: CUSTOMER });
    await expectText(row, /地址.*墨玉路 888 号.*待修正/);
    await row.getByTestId('correction-resolve').click();
    await page.getByTestId('correction-note').fill('已按客户告知修改');
    await submitModal(page);
    await page.getByTestId('correction-filter').getByText('待确认').click();
    await expectText(
      page.getByTestId('corrections-table').locator('tr.ant-table-row', { hasText: CUSTOMER }),
      /已修正待确认/,
    );
  });
});
