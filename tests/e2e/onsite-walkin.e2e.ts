import { describe, expect, it } from 'vitest';
import { SMALL_CONTENT } from '../questionnaire-samples';
import { loginAs, useBrowserSession } from './helpers';
import { apiAs } from './demo-api';

/**
 * Issue 5, SPEC WF-1 / §3.13 on the counter tablet: a customer whose repair order is not imported yet agrees to the
 * on-site survey; the agent takes it under the customer's name, and the answers are in the after-sales on-site
 * register (AYT-JL-客服-02) at once, without a callback task.
 */

const { openPage } = useBrowserSession();

describe('on-site survey for a walk-in customer (headless Chromium)', () => {
  it('consent, name, answers, submit; the response is in the on-site register', { timeout: 240_000 }, async () => {
    const [sup, gm] = [await apiAs(openPage, 'cs_supervisor'), await apiAs(openPage, 'gm')];
    const created = (await sup.send('POST', '/api/questionnaires', {
      code: 'AYT-JL-客服-01',
      content: { ...SMALL_CONTENT, channel: 'on_site', name: { zh: '售后现场调查', en: 'After-sales on-site' } },
    })) as { versionId: string };
    await gm.send('POST', `/api/questionnaire-versions/${created.versionId}/approve`);
    await sup.send('POST', `/api/questionnaire-versions/${created.versionId}/publish`);

    const page = await openPage();
    page.setDefaultTimeout(30_000);
    await loginAs(page, 'cs_agent');
    await page.getByTestId('menu-onsite').click();
    await page.getByTestId('onsite-walkin').click();
    await page.getByTestId('walkin-consent-yes').click();

    // The name is required: submit stays off until it is given.
    expect(await page.getByTestId('walkin-submit').isDisabled()).toBe(true);
    const name = `散客${Date.now().toString(36).slice(-4)}`;
    await page.getByTestId('walkin-name').fill(name);
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/api/onsite/walk-in')) posts.push(r.url());
    });
    await page.getByTestId('walkin-submit').click();
    // A mandatory question left open is pointed out at the question and nothing is sent.
    await page.getByTestId('survey-q-q1').locator('.ant-form-item-explain-error').waitFor();
    expect(posts).toEqual([]);
    await page.getByTestId('survey-q-q1').getByText('满意', { exact: true }).click();
    await page.getByTestId('survey-q-q3').getByText('是', { exact: true }).click();
    await page.getByTestId('walkin-submit').click();
    await expect.poll(() => page.locator('.ant-result-title').textContent()).toContain('已提交');
    expect(posts).toHaveLength(1);

    await page.getByTestId('menu-registers').click();
    await page.getByTestId('register-tab-aftersales-onsite').click();
    const row = page.getByTestId('register-table-aftersales-onsite').locator('tr', { hasText: name });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('满意');
  });
});
