/**
 * Retakes the user guide's screenshots (docs/guide/images) from a running demo server, so the pictures
 * follow the product instead of drifting from it.
 *
 *   npm start                                   # a demo server (embedded database, demo data)
 *   npx tsx scripts/guide-screenshots.ts        # MANYI_URL=http://127.0.0.1:3000 by default
 *   npx tsx scripts/guide-screenshots.ts gm-dashboard workbench   # only these pictures
 *
 * Each shot signs in as the role the guide page is written for, opens the page in Chinese on a 1440×900
 * window and waits for the element that shows the page has its data. Pages that need a specific record
 * (a customer, a task) pick the first one the demo offers.
 */
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';

const BASE = process.env.MANYI_URL ?? 'http://127.0.0.1:3000';
const PASSWORD = process.env.MANYI_DEMO_PASSWORD ?? 'Manyi@2026';
const OUT = path.resolve(import.meta.dirname, '../docs/guide/images');

interface Shot {
  name: string;
  user: string;
  path: string;
  /** A selector that is visible once the page shows its data. */
  ready: string;
  /** Optional steps after the page is ready (open a tab, take the next call…). */
  act?: (page: Page) => Promise<void>;
}

const SHOTS: Shot[] = [
  { name: 'dashboard-cs-agent', user: 'cs_agent', path: '/dashboard', ready: '[data-testid="side-menu"]' },
  { name: 'gm-dashboard', user: 'gm', path: '/dashboard', ready: '[data-testid="kpi-cards"]' },
  { name: 'registers', user: 'cs_lead', path: '/registers', ready: '.ant-table-row' },
  { name: 'reports', user: 'gm', path: '/reports', ready: '.ant-tabs' },
  { name: 'callback-queue', user: 'cs_lead', path: '/callback-queue', ready: '.ant-table-row' },
  { name: 'callback-rules', user: 'cs_supervisor', path: '/callback-rules', ready: 'form' },
  {
    name: 'cases',
    user: 'cs_agent',
    path: '/cases',
    ready: '.ant-tabs',
    act: async (page) => {
      await page.getByRole('tab', { name: /待立案/ }).click(); // the demo's dissatisfied answers waiting for a case
      await page.locator('.ant-table-row').first().waitFor({ timeout: 15_000 });
    },
  },
  { name: 'benchmark', user: 'group_analyst', path: '/benchmark', ready: '.ant-table' },
  { name: 'users-dealer-admin', user: 'dealer_admin', path: '/users', ready: '.ant-table-row' },
  { name: 'audit', user: 'cs_supervisor', path: '/audit', ready: '.ant-table-row' },
  { name: 'calendar', user: 'dealer_admin', path: '/calendar', ready: '.ant-picker-calendar, .ant-table' },
  {
    name: 'workbench',
    user: 'cs_agent',
    path: '/workbench',
    ready: '[data-testid="side-menu"]',
    act: async (page) => {
      // A call is only offered inside the dealer's calling hours; outside them the old picture is kept.
      await page.getByTestId('wb-next').click();
      await page.waitForLoadState('networkidle');
      if (await page.getByTestId('wb-idle').isVisible())
        throw new Error("no call offered (outside the demo dealer's calling hours?): picture kept");
    },
  },
];

async function signIn(page: Page, user: string) {
  await page.goto(`${BASE}/login`);
  await page.evaluate(() => localStorage.setItem('manyi.lang', 'zh-CN'));
  await page.getByTestId('login-username').fill(user);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('side-menu').waitFor({ timeout: 30_000 });
}

const only = new Set(process.argv.slice(2));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
let failed = 0;
try {
  for (const shot of SHOTS.filter((s) => only.size === 0 || only.has(s.name))) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    try {
      await signIn(page, shot.user);
      await page.goto(`${BASE}${shot.path}`);
      await page.locator(shot.ready).first().waitFor({ timeout: 30_000 });
      await shot.act?.(page);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(800); // chart animations settle
      await page.screenshot({ path: path.join(OUT, `${shot.name}.png`) });
      process.stdout.write(`ok   ${shot.name}\n`);
    } catch (e) {
      failed++;
      process.stdout.write(`FAIL ${shot.name}: ${(e as Error).message.split('\n')[0]}\n`);
    } finally {
      await context.close();
    }
  }
} finally {
  await browser.close();
}
process.exitCode = failed ? 1 : 0;
