import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../tests/harness';
import { TEST_DB_KIND } from '../../../tests/test-db';

/**
 * Report recipients and settings (CONFIG): presets until set, the dealer admin changes them for his dealer only,
 * a bad address, an unknown role or an out-of-range number is refused at its field and nothing stored changes.
 */
describe(`report recipients and settings on ${TEST_DB_KIND}`, () => {
  const t = useTestApp();

  it('shows presets, refuses bad input at the field without storing, saves normalized values per dealer', async () => {
    const admin = await t.login('dealer_admin');
    const gm = await t.login('gm');
    const hz = await t.login('hz_admin');
    const list = async (s = admin) => (await t.as(s, 'GET', '/api/report-recipients')).json().items as unknown[];
    const before = await list();
    expect(before).toContainEqual({ kind: 'daily_sales', roles: ['gm'], emails: [], sendTime: '18:00' });
    expect(before).toHaveLength(5);

    const bad = [
      [{ roles: ['gm'], emails: ['ok@a.cn', 'not-an-address'], sendTime: '18:00' }, 'body.emails.1'],
      [{ roles: ['gm', 'ceo'], emails: [], sendTime: '18:00' }, 'body.roles.1'],
      [{ roles: ['system_admin'], emails: [], sendTime: '18:00' }, 'body.roles.0'],
      [{ roles: ['gm'], emails: [], sendTime: '24:00' }, 'body.sendTime'],
    ] as const;
    for (const [body, path] of bad) {
      const res = await t.as(admin, 'PUT', '/api/report-recipients/daily_sales', body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(res.json().error.details)).toContain(path);
    }
    expect(await list()).toEqual(before);
    expect((await t.as(gm, 'PUT', '/api/report-recipients/daily_sales', bad[0][0])).statusCode).toBe(403);

    const saved = await t.as(admin, 'PUT', '/api/report-recipients/daily_sales', {
      roles: ['gm', 'sales_director', 'gm'],
      emails: ['Boss@Dealer.cn', 'boss@dealer.cn', 'ops@dealer.cn'],
      sendTime: '17:30',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const expected = {
      kind: 'daily_sales',
      roles: ['gm', 'sales_director'],
      emails: ['Boss@Dealer.cn', 'ops@dealer.cn'],
      sendTime: '17:30',
    };
    expect(saved.json()).toEqual(expected);
    expect(await list(gm)).toContainEqual(expected);
    expect(await list(hz)).toContainEqual({ kind: 'daily_sales', roles: ['gm'], emails: [], sendTime: '18:00' });
  });

  it('keeps the due day within 1–28 and the export-reason rows ≥ 0', async () => {
    const admin = await t.login('dealer_admin');
    const get = async () => (await t.as(admin, 'GET', '/api/report-settings')).json();
    expect(await get()).toEqual({ monthlyDueDay: 10, exportReasonRows: 200 });
    for (const [body, field] of [
      [{ monthlyDueDay: 29, exportReasonRows: 200 }, 'monthlyDueDay'],
      [{ monthlyDueDay: 0, exportReasonRows: 200 }, 'monthlyDueDay'],
      [{ monthlyDueDay: 10, exportReasonRows: -1 }, 'exportReasonRows'],
      [{ monthlyDueDay: 10, exportReasonRows: 2.5 }, 'exportReasonRows'],
    ] as const) {
      const res = await t.as(admin, 'PUT', '/api/report-settings', body);
      expect(res.statusCode, res.body).toBe(400);
      expect(JSON.stringify(res.json().error.details)).toContain(field);
    }
    expect(await get()).toEqual({ monthlyDueDay: 10, exportReasonRows: 200 });
    const ok = await t.as(admin, 'PUT', '/api/report-settings', { monthlyDueDay: 5, exportReasonRows: 0 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await get()).toEqual({ monthlyDueDay: 5, exportReasonRows: 0 });
  });
});
