import { describe, expect, it } from 'vitest';
import { loginAs, useBrowserSession } from './helpers';

/**
 * Issue 5 (FAQ, SPEC §3.11) in a real browser: a CS agent searches the demo FAQ in Chinese, sees the
 * matching article first with the match highlighted, and opens its answer.
 */

const { openPage } = useBrowserSession();

describe('FAQ knowledge base (headless Chromium)', () => {
  it('a CS agent finds 刹车异响 and reads the answer', async () => {
    const page = await openPage();
    await loginAs(page, 'cs_agent');
    await page.getByTestId('menu-faq').click();
    await page.getByTestId('faq-search').locator('input').fill('刹车异响');
    await page.getByTestId('faq-search').locator('input').press('Enter');
    // The demo articles are seeded right after start: poll until the search finds them.
    const first = page.getByTestId('faq-result').first();
    await expect
      .poll(async () => {
        if ((await page.getByTestId('faq-result').count()) === 0) {
          await page.getByTestId('faq-search').locator('input').press('Enter');
          return '';
        }
        return first.textContent();
      })
      .toContain('制动时有异响（刹车异响）怎么办？');
    expect(await first.locator('mark').first().textContent()).toBe('异响');
    await first.click();
    await expect.poll(() => page.getByTestId('faq-article-answer').textContent()).toContain('刹车片');
    expect(await page.getByTestId('faq-edit').count()).toBe(0); // agents read, managers edit
  });
});
