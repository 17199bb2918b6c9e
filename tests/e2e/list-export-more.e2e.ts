import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { apiAs, waitForDemoImports } from './demo-api';
import { loginAs, useBrowserSession } from './helpers';
import { recordsOf } from '../list-sheet';

/**
 * More lists' Excel export in a real browser (issue 7): the CS lead downloads the callback queue and the forum
 * monitor from their pages; each file holds the rows the JSON list answers, and the buttons do not print.
 */
const { openPage } = useBrowserSession();

const rowsOf = async (file: string) => recordsOf(await readFile(file));

describe('more list exports (headless Chromium)', () => {
  it('the CS lead exports the callback queue and the forum monitor', async () => {
    const lead = await apiAs(openPage, 'cs_lead');
    await lead.send('POST', '/api/forum-items', {
      site: '汽车之家',
      url: 'https://club.autohome.com.cn/bbs/thread/9.html',
      title: '=1+1 保养等太久',
      sentiment: 'negative',
    });
    const page = await openPage();
    page.setDefaultTimeout(30_000);
    await loginAs(page, 'cs_lead');

    // The demo orders are imported in the background after the server listens: the queue fills only then.
    await waitForDemoImports([lead]);
    await page.getByTestId('menu-callback-queue').click();
    await page.waitForURL(/\/callback-queue$/);
    // The demo dealer asks a reason above 200 rows of personal data; answer the dialog whenever it is asked.
    const download = page.waitForEvent('download');
    await page.getByTestId('queue-export').click();
    const reasonBox = page.getByTestId('export-reason');
    const asked = await Promise.race([download.then(() => false), reasonBox.waitFor().then(() => true)]);
    if (asked) {
      await reasonBox.fill('回访排班复核');
      await page.getByTestId('export-reason-ok').click();
    }
    const queueFile = await download;
    const listed = (await lead.get('/api/callbacks/queue?limit=1')) as { total: number };
    expect(asked).toBe(listed.total > 200);
    expect(queueFile.suggestedFilename()).toMatch(/^回访队列-.*\.xlsx$/);
    const queue = await rowsOf((await queueFile.path()) as string);
    expect(queue.title).toContain('回访队列');
    expect(queue.rows.length).toBe(listed.total);
    expect(queue.header).toEqual(expect.arrayContaining(['客户', '类型', '状态', '回访期限止']));

    await page.getByTestId('menu-forum').click();
    await page.waitForURL(/\/forum$/);
    const [forumFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('forum-export').click()]);
    const forum = await rowsOf((await forumFile.path()) as string);
    const items = (await lead.get('/api/forum-items?status=new')) as { items: unknown[] };
    expect(forum.rows.length).toBe(items.items.length);
    expect(forum.rows.map((r) => r['标题'])).toContain("'=1+1 保养等太久");
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('forum-export').isVisible()).toBe(false);
  });
});
