import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loginAs, useBrowserSession } from './helpers';

/**
 * Complaints in a real browser across four roles (SPEC WF-10 → WF-8, §5.7): a CS agent logs a hotline
 * complaint and turns it into a complaint slip naming the service advisor; the after-sales director proposes
 * a penalty by the rules and approves it; the service advisor sees why and appeals; the director forwards the
 * appeal; the GM upholds it with a signature — the slip and its penalty are void.
 */

const { openPage } = useBrowserSession();

/**
 * Picks an option of an antd Select by typing part of its label, and checks the Select shows it: the option
 * list may still be reloading (the staff list follows the department), so a missed pick is tried again.
 */
async function pick(page: Page, testId: string, text: string) {
  for (let attempt = 0; ; attempt++) {
    await page.getByTestId(testId).click();
    await page.keyboard.type(text);
    await page.locator('.ant-select-item-option').filter({ hasText: text }).first().click();
    await page.keyboard.press('Escape');
    const shown = await page.getByTestId(testId).textContent();
    if (shown?.includes(text) || attempt === 2) break;
    await page.waitForTimeout(500);
  }
  await expect.poll(() => page.getByTestId(testId).textContent()).toContain(text);
}

async function agentLogsComplaint(page: Page): Promise<string> {
  await loginAs(page, 'cs_agent');
  await page.getByTestId('menu-hotline').click();
  await page.getByTestId('hotline-category').getByText('投诉').click();
  await page.getByTestId('hotline-caller').fill('陈女士');
  await page.getByTestId('hotline-phone').fill('13912345678');
  await page.getByTestId('hotline-purpose').fill('投诉服务顾问未告知维修项目');
  await page.getByTestId('hotline-content').fill('保养时被加做项目，服务顾问事先没有说明，要求退款');
  await page.getByTestId('hotline-save').click();
  await page.getByTestId('hotline-table').getByTestId('hotline-to-complaint').first().click();
  await page.waitForURL(/\/complaints\/[0-9a-f-]{36}$/);
  await page.getByTestId('complaint-attribute').click();
  await pick(page, 'attr-department', '售后服务部');
  await pick(page, 'attr-staff', '张伟');
  await page.getByTestId('attr-ok').click();
  await expect.poll(() => page.getByTestId('complaint-detail').textContent()).toContain('张伟（服务顾问）');
  return page.url();
}

describe('complaint → penalty → appeal → GM ruling (headless Chromium)', () => {
  it('an upheld appeal voids the complaint and its approved penalty', async () => {
    const agent = await openPage();
    const complaintUrl = await agentLogsComplaint(agent);

    const director = await openPage();
    await loginAs(director, 'aftersales_director');
    await director.goto(complaintUrl);
    await director.getByTestId('complaint-propose').click();
    await director.getByTestId('penalty-reason').fill('未按流程向客户说明维修项目');
    await director.getByTestId('penalty-propose-ok').click();
    await director.getByTestId('penalty-approve').click();
    await director.getByTestId('penalty-note').fill('情况属实，按规定处罚');
    await director.getByTestId('penalty-decision-ok').click();
    await expect.poll(() => director.getByTestId('penalty-table').textContent()).toContain('已生效');
    expect(await director.getByTestId('penalty-table').textContent()).toContain('¥50');

    const advisor = await openPage();
    await loginAs(advisor, 'service_advisor');
    await advisor.getByTestId('menu-my-penalties').click();
    await expect.poll(() => advisor.getByTestId('penalty-table').textContent()).toContain('赵建国'); // who decided
    await advisor.getByTestId('my-appeal').first().click();
    await advisor.getByTestId('appeal-reason').fill('加做项目是客户当场同意的，有签字的工单为证');
    await advisor.getByTestId('appeal-form-ok').click();
    await expect.poll(() => advisor.getByTestId('appeal-table').textContent()).toContain('待部门主管');

    await director.getByTestId('menu-appeals').click();
    await director.getByTestId('appeal-forward').first().click();
    await director.getByTestId('appeal-forward-note').fill('工单确有客户签字，请总经理裁决');
    await director.getByTestId('appeal-forward-form-ok').click();
    await expect.poll(() => director.getByTestId('appeal-table').textContent()).toContain('待总经理裁决');

    const gm = await openPage();
    await loginAs(gm, 'gm');
    await gm.getByTestId('menu-appeals').click();
    await gm.getByTestId('appeal-rule').first().click();
    await gm.getByTestId('appeal-statement').fill('工单有客户签字，申诉成立，抱怨单作废');
    await gm.getByTestId('appeal-signature').fill('吴海涛');
    await gm.getByTestId('appeal-rule-form-ok').click();
    await expect.poll(() => gm.getByTestId('appeal-table').textContent()).toContain('申诉成立');

    await gm.goto(complaintUrl);
    await expect.poll(() => gm.getByTestId('page-title').textContent()).toContain('已作废');
    expect(await gm.getByTestId('penalty-table').textContent()).toContain('已作废');
    expect(await gm.getByTestId('complaint-timeline').textContent()).toContain('总经理裁决：申诉成立');
  });
});
