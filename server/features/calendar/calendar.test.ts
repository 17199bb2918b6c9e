import { beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays, deadlineAfter, isWorkingDay } from '../../../core/rules/calendar';
import { useTestApp, type Session } from '../../../tests/harness';
import { TEST_DB_KIND } from '../../../tests/test-db';
import { getDealerCalendar } from './calendar.service';

// SPEC §4.1 "'Working day (工作日)' uses a per-dealer working calendar (CONFIG)"; §9.2 C8.
describe(`working calendar API on ${TEST_DB_KIND}`, () => {
  const t = useTestApp();
  let admin: Session;
  let agent: Session;
  let sh: string;
  let hz: string;
  const dealer = async (code: string) =>
    (await t.database.db.selectFrom('dealers').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    admin = await t.login('dealer_admin');
    agent = await t.login('cs_agent');
    sh = await dealer('SH001');
    hz = await dealer('HZ002');
  });

  it("starts from the statutory calendar and the dealer's business hours", async () => {
    const res = await t.as(agent, 'GET', '/api/calendar/overrides');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.timeZone).toBe('Asia/Shanghai');
    expect(body.hoursSource).toBe('dealer');
    expect(body.overrides).toEqual([]);
    expect(body.statutoryYears.last).toBeGreaterThanOrEqual(2026);
    const preview = (await t.as(agent, 'GET', '/api/calendar/preview?from=2024-09-30&workingDays=1')).json();
    expect(preview.result).toBe('2024-10-08');
    expect(preview.days.find((d: { date: string }) => d.date === '2024-10-01')).toMatchObject({
      working: false,
      kind: 'holiday',
      name: '国庆节',
    });
  });

  it('lets the dealer admin set exceptions and hours, which every deadline then uses', async () => {
    const before = await getDealerCalendar(t.database.db, sh);
    expect(isWorkingDay(before, '2026-10-07')).toBe(false);
    const put = await t.as(admin, 'PUT', '/api/calendar/overrides', {
      overrides: [
        { date: '2026-10-07', working: true, note: '国庆值班' },
        { date: '2026-12-31', working: false, note: '年终盘点' },
      ],
      hours: { start: '09:00', end: '18:00' },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().hoursSource).toBe('calendar');
    const cal = await getDealerCalendar(t.database.db, sh);
    expect(isWorkingDay(cal, '2026-10-07')).toBe(true);
    // 2027 is beyond the library's data: Monday–Friday until the dealer (or an upgrade) adds the holidays.
    expect(addWorkingDays(cal, '2026-12-30', 1)).toBe('2027-01-01');
    const due = deadlineAfter(cal, new Date('2026-09-30T17:30:00+08:00'), { workingDays: 1 });
    expect(due.toISOString()).toBe('2026-10-07T09:30:00.000Z'); // 17:30 Shanghai on the duty day
    const other = await getDealerCalendar(t.database.db, hz);
    expect(isWorkingDay(other, '2026-10-07')).toBe(false);
    const audit = await t.database.db
      .selectFrom('auditLog')
      .select('action')
      .where('action', '=', 'calendar.update')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses other roles, duplicate dates and impossible hours', async () => {
    const body = { overrides: [], hours: null };
    expect((await t.as(agent, 'PUT', '/api/calendar/overrides', body)).statusCode).toBe(403);
    const dup = await t.as(admin, 'PUT', '/api/calendar/overrides', {
      overrides: [
        { date: '2026-05-06', working: true },
        { date: '2026-05-06', working: false },
      ],
      hours: null,
    });
    expect(dup.statusCode).toBe(400);
    const hours = await t.as(admin, 'PUT', '/api/calendar/overrides', {
      overrides: [],
      hours: { start: '18:00', end: '09:00' },
    });
    expect(hours.statusCode).toBe(400);
    const badDate = await t.as(admin, 'PUT', '/api/calendar/overrides', {
      overrides: [{ date: '2026-02-30', working: true }],
      hours: null,
    });
    expect(badDate.statusCode).toBe(400);
    expect((await t.as(agent, 'GET', '/api/calendar/preview?from=2026-13-01')).statusCode).toBe(400);
    // Nothing changed: the exceptions saved above are still there.
    expect((await t.as(agent, 'GET', '/api/calendar/overrides')).json().overrides).toHaveLength(2);
  });
});
