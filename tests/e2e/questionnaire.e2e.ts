import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loginAs, useBrowserSession } from './helpers';

/**
 * Issue 4 in a real browser: a CS supervisor builds a 5-question questionnaire with one skip rule and
 * previews it; the GM approves (signs off) it; the supervisor publishes it.
 */

const { openPage } = useBrowserSession();

/**
 * Picks an option of the antd Select with this test id. The option is clicked by event, not by position: near
 * the foot of the growing builder the dropdown keeps moving while the page re-lays out, and a positional click
 * waited for it to stand still (a flaky timeout on a loaded machine). Then the choice must show in the Select.
 */
async function choose(page: Page, testId: string, label: string | RegExp): Promise<void> {
  await page.getByTestId(testId).click();
  const option = page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: label })
    .first();
  await option.waitFor();
  await option.dispatchEvent('click');
  await expect.poll(() => page.getByTestId(testId).textContent()).toMatch(label);
}

async function addQuestion(page: Page, index: number, type: string | null, text: string): Promise<void> {
  await page.getByTestId('builder-add').click();
  await page.getByTestId(`q-${index}`).waitFor();
  if (type) await choose(page, `q-${index}-type`, type);
  await page.getByTestId(`q-${index}-text-zh`).fill(text);
  await page.getByTestId(`q-${index}-text-en`).fill(`Question ${index + 1}`);
}

const status = (page: Page) => page.getByTestId('version-status').textContent();

describe('questionnaire builder (headless Chromium)', () => {
  let versionUrl = '';

  it('a CS supervisor builds a 5-question questionnaire with a skip rule and previews it', async () => {
    const page = await openPage();
    await loginAs(page, 'cs_supervisor');
    await page.getByTestId('menu-questionnaires').click();
    await page.getByTestId('questionnaire-create').click();
    await page.getByTestId('builder-name-zh').waitFor();
    versionUrl = new URL(page.url()).pathname + new URL(page.url()).search;
    expect(versionUrl).toMatch(/\/questionnaires\?version=/);
    await page.getByTestId('builder-name-zh').fill('售后电话回访(试用)');

    await addQuestion(page, 0, null, '您对本次维修服务是否满意?');
    await page.getByTestId('q-0-mandatory').click();
    await addQuestion(page, 1, '不满意原因追问', '请问您不满意的原因是什么?');
    await choose(page, 'q-1-showif-question', 'q1');
    await addQuestion(page, 2, '是/否', '是否按约定时间交车?');
    await addQuestion(page, 3, '文字', '您还有什么建议?');
    await addQuestion(page, 4, '日期', '方便再次回访的日期');
    await page.getByTestId('builder-save').click();
    await expect.poll(() => page.getByText('草稿已保存').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('builder-issues').count()).toBe(0);

    // The preview behaves like the real form: the reason appears only below "satisfied".
    const preview = page.getByTestId('builder-preview');
    expect(await preview.getByTestId('survey-q-q2').count()).toBe(0);
    await preview.getByTestId('preview-check').click();
    await expect.poll(() => preview.getByTestId('survey-q-q1').textContent()).toContain('此题必答');
    await preview.getByTestId('survey-q-q1').getByText('不满意').click();
    await preview.getByTestId('survey-q-q2').waitFor();
    await preview.getByTestId('survey-q-q1').getByText('非常满意').click();
    await expect.poll(() => preview.getByTestId('survey-q-q2').count()).toBe(0);
    await preview.getByTestId('preview-check').click();
    await expect.poll(() => preview.getByTestId('preview-result').textContent()).toContain('100');
    expect(await page.getByTestId('builder-approve').count()).toBe(0);
  });

  it('the GM approves it, and the supervisor publishes it', async () => {
    const gm = await openPage();
    await loginAs(gm, 'gm');
    await gm.goto(versionUrl);
    await gm.getByTestId('builder-approve').click();
    await gm.locator('.ant-popconfirm .ant-btn-primary').click();
    await expect.poll(() => status(gm)).toBe('已审批');
    await expect.poll(() => gm.getByTestId('approved-by').count()).toBe(1);
    expect(await gm.getByTestId('builder-publish').count()).toBe(0);

    const cs = await openPage();
    await loginAs(cs, 'cs_supervisor');
    await cs.goto(versionUrl);
    await cs.getByTestId('builder-publish').click();
    await expect.poll(() => status(cs)).toBe('已发布');
    expect(await cs.getByTestId('builder-save').count()).toBe(0);
    expect(await cs.getByTestId('q-0-text-zh').isDisabled()).toBe(true);
  });
});
