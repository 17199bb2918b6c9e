import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasPermission, type Role } from '../../core/permissions';
import { MENU } from '../../web/layout/menu';
import { loginAs, menuKeys, submitLogin, useBrowserSession } from './helpers';

/** The side menu a role must see: every entry of the one menu table whose permission the role holds. */
const expectedMenu = (role: Role) =>
  MENU.filter((e) => hasPermission([role], e.permission)).map((e) => `menu-${e.key}`);

/**
 * The web shell in a real headless Chromium against a real `manyi serve` with demo data:
 * sign-in, the role-aware side menu, the 中文 / English switch, errors a user can run into.
 */

const { openPage } = useBrowserSession();

/** Retrying text assertion: the UI renders asynchronously (lazy pages, queries, language loads). */
async function expectText(locator: Locator, expected: string | RegExp): Promise<void> {
  await expect
    .poll(async () => ((await locator.count()) > 0 ? ((await locator.first().textContent()) ?? '').trim() : null), {
      timeout: 15_000,
    })
    .toMatch(typeof expected === 'string' ? new RegExp(`^${escapeRegExp(expected)}$`) : expected);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Side-menu entries whose label does not fit (cut off with "…"). */
const cutMenuLabels = (page: Page) =>
  page
    .getByTestId('side-menu')
    .locator('li[data-testid^="menu-"]')
    .evaluateAll((items) => items.filter((li) => li.scrollWidth > li.clientWidth).map((li) => li.textContent));

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

async function expectPath(page: Page, pathname: string): Promise<void> {
  await expect.poll(() => new URL(page.url()).pathname, { timeout: 15_000 }).toBe(pathname);
}

describe('web shell (headless Chromium)', () => {
  it('cs_agent signs in, switches to English and back, and sees only the agent menu', async () => {
    const page = await openPage();
    await page.goto('/dashboard');
    // Not signed in: the app sends the visitor to the Chinese login form, remembering the target.
    await expectPath(page, '/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/dashboard');
    await expectText(page.getByTestId('page-title'), '登录');
    expect(await htmlLang(page)).toBe('zh-CN');

    await loginAs(page, 'cs_agent');
    await expectPath(page, '/dashboard');
    await expectText(page.getByTestId('page-title'), '客服专员工作台');
    await expectText(page.getByTestId('user-display-name'), '李晓梅');
    await expectText(page.getByTestId('dashboard-dealer'), /上海华晟东风标致4S店/);
    await expectText(page.getByTestId('menu-staff'), /员工名录/);
    expect(await menuKeys(page)).toEqual(expectedMenu('cs_agent'));
    expect(await menuKeys(page)).toEqual(expect.arrayContaining(['menu-workbench', 'menu-faq', 'menu-cases']));
    expect(await page.getByTestId('menu-users').count()).toBe(0);
    expect(await page.getByTestId('menu-audit').count()).toBe(0);
    expect(await page.getByTestId('menu-imports').count()).toBe(0);

    // To English: texts, the switch's own label and <html lang> change.
    await page.getByTestId('lang-switch').click();
    await expectText(page.getByTestId('page-title'), 'CS agent workbench');
    await expectText(page.getByTestId('menu-staff'), /Staff directory/);
    await expectText(page.getByTestId('menu-dealers'), /Dealers/);
    await expectText(page.getByTestId('dashboard-links'), /Callback workbench/);
    await expectText(page.getByTestId('lang-switch'), '中文');
    await expect.poll(() => htmlLang(page)).toBe('en');

    // A reload keeps English.
    await page.reload();
    await expectText(page.getByTestId('page-title'), 'CS agent workbench');
    await expect.poll(() => htmlLang(page)).toBe('en');

    // Back to Chinese, and a reload keeps Chinese.
    await page.getByTestId('lang-switch').click();
    await expectText(page.getByTestId('page-title'), '客服专员工作台');
    await expectText(page.getByTestId('menu-staff'), /员工名录/);
    await expectText(page.getByTestId('lang-switch'), 'English');
    await expect.poll(() => htmlLang(page)).toBe('zh-CN');
    await page.reload();
    await expectText(page.getByTestId('page-title'), '客服专员工作台');
    await expect.poll(() => htmlLang(page)).toBe('zh-CN');
    expect(await menuKeys(page)).toEqual(expectedMenu('cs_agent'));

    // Typing the address of a page the role lacks shows "no access", not the page.
    await page.goto('/users');
    await expectText(page.getByTestId('forbidden').locator('.ant-result-title'), '无权访问');
    expect(await page.getByTestId('users-table').count()).toBe(0);
  });

  it('dealer_admin: translated login error, users and audit menus, 404 page', async () => {
    const page = await openPage();
    await page.goto('/login');

    // A wrong password: the error is shown in the UI language, and follows a language switch.
    await submitLogin(page, 'dealer_admin', 'wrong-password-1');
    await expectText(page.getByTestId('login-error'), '用户名或密码错误');
    await page.getByTestId('lang-switch').click();
    await expectText(page.getByTestId('login-error'), 'Wrong username or password');
    await expectText(page.getByTestId('page-title'), 'Sign in');
    await page.getByTestId('lang-switch').click();
    await expectText(page.getByTestId('login-error'), '用户名或密码错误');
    expect(new URL(page.url()).pathname).toBe('/login');

    await loginAs(page, 'dealer_admin');
    await expectText(page.getByTestId('page-title'), '经销商管理控制台');
    expect(await menuKeys(page)).toEqual(expectedMenu('dealer_admin'));
    // The longest menu (the dealer admin's) fits in both languages: no label is cut off.
    expect(await cutMenuLabels(page)).toEqual([]);
    await page.getByTestId('lang-switch').click();
    await expectText(page.getByTestId('menu-customer-permissions'), 'Customer data permissions');
    expect(await cutMenuLabels(page)).toEqual([]);
    await page.getByTestId('lang-switch').click();
    await expectText(page.getByTestId('menu-customer-permissions'), /^\S+$/);

    await page.getByTestId('menu-users').click();
    await expectText(page.getByTestId('page-title'), '用户管理');
    await expectText(page.getByTestId('users-table'), /cs_agent/);
    expect(await page.getByTestId('user-create').count()).toBe(1);

    // The failed sign-in above is in the dealer's audit log.
    await page.getByTestId('menu-audit').click();
    await expectText(page.getByTestId('page-title'), '审计日志');
    const failedLogin = page
      .getByTestId('audit-table')
      .locator('tr', { hasText: 'auth.login' })
      .filter({ hasText: '失败' });
    await expect.poll(() => failedLogin.count(), { timeout: 15_000 }).toBeGreaterThan(0);

    // An unknown address: the 404 page, and its button leads home.
    await page.goto('/no-such-page');
    await expectText(page.getByTestId('not-found').locator('.ant-result-title'), '页面不存在');
    await page.getByTestId('not-found').getByRole('button', { name: '返回首页' }).click();
    await expectText(page.getByTestId('page-title'), '经销商管理控制台');
    await expectPath(page, '/dashboard');
  });

  it('the address the server prints (/) opens the app and leads to the login form', async () => {
    const page = await openPage();
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    await expectPath(page, '/login');
    await expectText(page.getByTestId('page-title'), '登录');
  });

  it('no page a role can open asks the API for something the role may not read (no 403 behind the scenes)', async () => {
    for (const role of ['cs_agent', 'service_advisor', 'quality'] as const) {
      const page = await openPage();
      const denied: string[] = [];
      page.on('response', (r) => {
        if (r.status() === 403 && new URL(r.url()).pathname.startsWith('/api/'))
          denied.push(`${new URL(page.url()).pathname} → ${r.request().method()} ${new URL(r.url()).pathname}`);
      });
      await loginAs(page, role);
      for (const entry of MENU.filter((e) => hasPermission([role], e.permission))) {
        await page.getByTestId(`menu-${entry.key}`).click();
        await expectPath(page, entry.path);
        await page.waitForLoadState('networkidle');
      }
      expect(denied, `${role}: requests refused with 403`).toEqual([]);
      await page.context().close();
    }
  });
});
