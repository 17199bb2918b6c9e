import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../tests/harness';
import { TEST_DB_KIND } from '../../../tests/test-db';
import { verifyAuditChains } from './audit.service';

describe(`audit log on ${TEST_DB_KIND}`, () => {
  const t = useTestApp();

  it('records logins (success and failure), denials and changes, in per-dealer hash chains', async () => {
    const admin = await t.login('dealer_admin');
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'dealer_admin', password: 'wrong-one-123' },
    });
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'ghost', password: 'wrong-one-123' },
    });
    await t.as(await t.login('cs_agent'), 'GET', '/api/users');
    await t.as(admin, 'POST', '/api/staff', {
      name: '审计测试',
      department: 'sales',
      position: '销售顾问',
      phone: '13912345678',
    });
    const rows = await t.database.db.selectFrom('auditLog').select(['action', 'outcome', 'details']).execute();
    const has = (action: string, outcome: string) => rows.some((r) => r.action === action && r.outcome === outcome);
    expect(has('auth.login', 'success')).toBe(true);
    expect(has('auth.login', 'failure')).toBe(true);
    expect(has('permission.denied', 'denied')).toBe(true);
    expect(has('staff.create', 'success')).toBe(true);
    const staffRow = rows.find((r) => r.action === 'staff.create');
    expect(JSON.stringify(staffRow?.details)).toContain('139****5678');
    expect((await verifyAuditChains(t.database.db)).ok).toBe(true);
  });

  it('cannot be changed or deleted, not even in SQL as the application user', async () => {
    await expect(sql`update audit_log set action = 'x'`.execute(t.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(t.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(t.database.db)).rejects.toThrow(/append-only/);
  });

  it('names the first broken link when a row was changed behind its back', async () => {
    const victim = await t.database.db
      .selectFrom('auditLog')
      .select(['dealerId', 'seq'])
      .where('action', '=', 'staff.create')
      .executeTakeFirstOrThrow();
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(t.database.db);
    await sql`update audit_log set details = '{"name":"改过了"}' where dealer_id = ${victim.dealerId} and seq = ${victim.seq}`.execute(
      t.database.db,
    );
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(t.database.db);
    const result = await verifyAuditChains(t.database.db);
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toMatchObject({
      dealerId: victim.dealerId,
      seq: victim.seq,
      reason: 'row content does not match its hash',
    });
    const api = await t.as(await t.login('system_admin'), 'POST', '/api/audit/verify');
    expect(api.json()).toMatchObject({ ok: false, firstBroken: { seq: victim.seq } });
  });

  it('names a deleted row as missing', async () => {
    const first = await t.database.db
      .selectFrom('auditLog')
      .select(['dealerId', 'seq'])
      .where('seq', '=', 2)
      .orderBy('dealerId')
      .executeTakeFirstOrThrow();
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(t.database.db);
    await sql`delete from audit_log where dealer_id = ${first.dealerId} and seq = 2`.execute(t.database.db);
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(t.database.db);
    const result = await verifyAuditChains(t.database.db);
    expect(result.firstBroken?.reason).toMatch(/row 2 is missing|does not match/);
  });
});
