import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { apiAs } from './demo-api';
import { loginAs, useBrowserSession } from './helpers';
import { recordsOf } from '../list-sheet';

/**
 * A list's Excel export and printable page in a real browser (issue 7): the CS agent logs two hotline calls, clicks
 * "导出 Excel" on the hotline page and opens the downloaded file (the calls, phones masked, a formula-like content as
 * text); once the dealer asks a reason above one row, the button asks for it and the export goes through. The page
 * prints on A4 without the menu, header and buttons.
 */
const { openPage } = useBrowserSession();

const rowsOf = async (file: string) => recordsOf(await readFile(file));

describe('list export and print (headless Chromium)', () => {
  it('the CS agent exports the hotline log to Excel, gives a reason when asked, and prints the page', async () => {
    const [agentApi, admin] = await Promise.all([apiAs(openPage, 'cs_agent'), apiAs(openPage, 'dealer_admin')]);
    const call = (callerName: string, callerPhone: string, content: string) =>
      agentApi.send('POST', '/api/hotline-calls', {
        line: '400',
        callerName,
        callerPhone,
        purpose: '咨询保养',
        category: 'enquiry',
        content,
      });
    await call('导出甲', '13912345678', '=1+1 询问首保费用');
    await call('导出乙', '13812349999', '询问保修期');

    const page = await openPage();
    await loginAs(page, 'cs_agent');
    await page.getByTestId('menu-hotline').click();
    await page.waitForURL(/\/hotline$/);
    await page.getByText('导出乙').first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('hotline-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^热线来电登记-.*\.xlsx$/);
    const file = await rowsOf((await download.path()) as string);
    expect(file.title).toContain('热线来电登记');
    const mine = file.rows.filter((r) => String(r['来电人']).startsWith('导出'));
    expect(mine.map((r) => r['来电人']).sort()).toEqual(['导出乙', '导出甲']);
    expect(mine.map((r) => r['电话']).sort()).toEqual(['138****9999', '139****5678']);
    expect(mine.find((r) => r['来电人'] === '导出甲')!['来电内容']).toBe("'=1+1 询问首保费用");
    const listed = (await agentApi.get('/api/hotline-calls')) as { items: unknown[] };
    expect(file.rows.length).toBe(listed.items.length);

    // Above the dealer's row count the export asks for a reason, then downloads.
    await admin.send('PUT', '/api/report-settings', { monthlyDueDay: 10, exportReasonRows: 1 });
    await page.getByTestId('hotline-export').click();
    await page.getByTestId('export-reason').fill('季度热线质量复核');
    const [second] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-reason-ok').click()]);
    expect((await rowsOf((await second.path()) as string)).rows.length).toBe(listed.items.length);
    const audit = (await admin.get('/api/audit?action=export.personal-data')) as { items: { details: unknown }[] };
    expect(JSON.stringify(audit.items)).toContain('季度热线质量复核');

    // The printable page: no menu, header or buttons; the table stays.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('side-menu').isVisible()).toBe(false);
    expect(await page.getByTestId('hotline-export').isVisible()).toBe(false);
    expect(await page.getByTestId('app-name').isVisible()).toBe(false);
    expect(await page.getByText('导出乙').first().isVisible()).toBe(true);
    // The actions column has nothing to print.
    expect(await page.getByRole('columnheader', { name: '操作' }).isVisible()).toBe(false);
    expect(await page.getByRole('columnheader', { name: '来电人' }).isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    expect(pdf.length).toBeGreaterThan(10_000);
    await page.emulateMedia({ media: 'screen' });
    expect(await page.getByTestId('side-menu').isVisible()).toBe(true);
  });
});
