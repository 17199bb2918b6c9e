import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { vinCheckDigit } from '../core/rules/vin';
import { manyi, spawnManyi, startServe } from '../tests/cli-runner';
import { TEST_DB_KIND } from '../tests/test-db';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'manyi-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const TABLES = ['dealer_groups', 'regions', 'dealers', 'users', 'staff', 'audit_log', 'sessions'];
async function tableDump(dataDir: string) {
  const db = await PGlite.create({ dataDir: path.join(dataDir, 'pgdata') });
  const out: Record<string, string> = {};
  for (const t of TABLES) {
    const r = await db.query<{ j: string }>(
      `select coalesce(json_agg(x order by x::text)::text, '[]') as j from ${t} x`,
    );
    out[t] = r.rows[0]?.j ?? '';
  }
  await db.close();
  return out;
}

describe.skipIf(TEST_DB_KIND !== 'pglite')('manyi CLI on an embedded database', { timeout: 180_000 }, () => {
  const dataDir = path.join(tmp, 'data');
  const env = { MANYI_DATA_DIR: dataDir };

  it('shows help, and refuses bad arguments with a clear message and a non-zero exit', () => {
    expect(manyi(['--help'], env).stdout).toContain('seed-demo');
    expect(manyi(['user', 'add', '--help'], env).stdout).toContain('--role');
    const bogus = manyi(['frobnicate'], env);
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toMatch(/unknown command/);
    const noRole = manyi(['user', 'add', 'bob', '--password', 'Initial1234'], env);
    expect(noRole.code).toBe(2);
    expect(noRole.stderr).toMatch(/--role/);
  });

  it('migrates, seeds demo data once, and manages users', () => {
    expect(manyi(['migrate'], env).code).toBe(0);
    expect(manyi(['seed-demo'], env).stdout).toContain('Seeded 3 dealers');
    const again = manyi(['seed-demo'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already has an organisation');
    expect(
      manyi(
        [
          'user',
          'add',
          'bob',
          '--role',
          'cs_agent',
          '--password',
          'Initial1234',
          '--dealer',
          'SH001',
          '--name',
          '鲍勃',
        ],
        env,
      ).code,
    ).toBe(0);
    const badRole = manyi(
      ['user', 'add', 'eve', '--role', 'overlord', '--password', 'Initial1234', '--dealer', 'SH001'],
      env,
    );
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('Invalid --role');
    expect(
      manyi(['user', 'add', 'eve', '--role', 'cs_agent', '--password', 'short', '--dealer', 'SH001'], env).code,
    ).toBe(2);
    expect(
      manyi(['user', 'add', 'eve', '--role', 'cs_agent', '--password', 'Initial1234', '--dealer', 'NOPE'], env).stderr,
    ).toContain('No dealer with code NOPE');
    expect(manyi(['user', 'passwd', 'bob', '--password', 'Second12345'], env).code).toBe(0);
    expect(manyi(['user', 'disable', 'bob'], env).stdout).toContain('Disabled bob');
    expect(manyi(['user', 'disable', 'nobody'], env).code).toBe(1);
    expect(manyi(['audit', 'verify'], env).stdout).toMatch(/Audit log intact: \d+ rows/);
  });

  it('backs up a stopped database and restores it into a fresh directory with every row', async () => {
    const file = path.join(tmp, 'offline.tar.gz');
    expect(manyi(['backup', file], env).code).toBe(0);
    const restored = path.join(tmp, 'restored-offline');
    const r = manyi(['restore', file], { MANYI_DATA_DIR: restored });
    expect(r.code, r.stderr).toBe(0);
    expect(await tableDump(restored)).toEqual(await tableDump(dataDir));
    const intoFull = manyi(['restore', file], { MANYI_DATA_DIR: restored });
    expect(intoFull.code).toBe(1);
    expect(intoFull.stderr).toContain('already holds a database');
    const junk = path.join(tmp, 'junk.tar.gz');
    fs.writeFileSync(junk, 'not a backup');
    expect(manyi(['restore', junk], { MANYI_DATA_DIR: path.join(tmp, 'junk-dir') }).code).toBe(1);
  });

  it('locks the directory against a second server, backs up the live one, and stops cleanly', async () => {
    const server = startServe(env);
    const url = await server.url;
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'dealer_admin', password: 'Manyi@2026' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const created = await fetch(`${url}/api/staff`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ name: '在线备份', department: 'sales', position: '销售顾问' }),
    });
    expect(created.status).toBe(201);

    const second = manyi(['serve'], { ...env, PORT: '0' });
    expect(second.code).not.toBe(0);
    expect(second.stderr).toContain('is in use by another Manyi process');

    const file = path.join(tmp, 'live.tar.gz');
    const b = manyi(['backup', file], env);
    expect(b.stdout, b.stderr).toContain('Backup of the running server');
    const restored = path.join(tmp, 'restored-live');
    expect(manyi(['restore', file], { MANYI_DATA_DIR: restored }).code).toBe(0);
    const dump = await tableDump(restored);
    expect(dump.staff).toContain('在线备份');

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'manyi.lock'))).toBe(false);
    expect(await tableDump(dataDir)).toEqual(dump);
  });

  it('leaves whole chunks when an import is killed half-way, and the rerun completes it without duplicates', async () => {
    const rows = 40_000;
    const file = path.join(tmp, 'killed.csv');
    const lines = ['维修委托书号,结算日期,客户姓名,手机,VIN'];
    for (let i = 0; i < rows; i++) {
      const v = `LDC953940N${String(i % 5000).padStart(7, '0')}`;
      lines.push(
        `KILL${String(i).padStart(6, '0')},2026-10-01,客户${i % 5000},139${String(i % 5000).padStart(8, '0')},${v.slice(0, 8)}${vinCheckDigit(v)}${v.slice(9)}`,
      );
    }
    fs.writeFileSync(file, lines.join('\n'));
    const first = spawnManyi(['import', '--dealer', 'SH001', '--kind', 'repair-orders', file], env);
    // Rows done > 0 (the progress line is "\r  <done> / <total> rows"; "0 / 40,000 rows" is not progress yet).
    for (let i = 0; i < 600 && !/\r {2}[1-9][\d,]* (\/ [\d,]+ )?rows/.test(first.output()); i++)
      await new Promise((r) => setTimeout(r, 100));
    first.child.kill('SIGKILL');
    await first.exited;
    await new Promise((r) => setTimeout(r, 11_000)); // the crashed process's lock goes stale
    const db = await PGlite.create({ dataDir: path.join(dataDir, 'pgdata') });
    const partial = Number(
      (await db.query<{ n: number }>("select count(*)::int as n from repair_orders where ro_number like 'KILL%'"))
        .rows[0]?.n,
    );
    await db.close();
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(rows);
    expect(partial % 1000).toBe(0);
    const rerun = manyi(['import', '--dealer', 'SH001', '--kind', 'repair-orders', file], env);
    expect(rerun.stdout, rerun.stderr).toContain(`${(rows - partial).toLocaleString('en-US')} inserted`);
    expect(rerun.stdout).toContain(`${partial.toLocaleString('en-US')} unchanged`);
    const after = await PGlite.create({ dataDir: path.join(dataDir, 'pgdata') });
    const total = (
      await after.query<{ n: number; d: number }>(
        "select count(*)::int as n, count(distinct ro_number)::int as d from repair_orders where ro_number like 'KILL%'",
      )
    ).rows[0];
    await after.close();
    expect(total).toEqual({ n: rows, d: rows });
  });
});
