import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loginAs, useBrowserSession } from './helpers';

/**
 * The monthly report in a real browser (issue 7 "must show", SPEC §4.15): the CS team lead generates this month's
 * after-sales work report, opens it and downloads the Excel file; the file opens with exceljs and holds the same
 * numbers as the report's API (the KPI service numbers).
 */
const { openPage } = useBrowserSession();

describe('monthly report download (headless Chromium)', () => {
  it('downloads the monthly report as Excel with the right numbers', async () => {
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
    const id = page.url().split('/').pop() as string;
    const report = await page.evaluate(async (rid) => (await fetch(`/api/reports/${rid}`)).json(), id);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-export').click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile((await download.path()) as string)) as unknown as ArrayBuffer);
    const values = new Map<string, unknown>();
    wb.worksheets[0]!.eachRow((row) => values.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(values.get('问卷数')).toBe(report.data.kpi?.counts.responses ?? 0);
    expect(values.get('满意度得分') ?? null).toBe(report.data.kpi?.satisfactionScore ?? null);
    expect(download.suggestedFilename()).toContain('AYT-JL-客服-10');
  });
});
