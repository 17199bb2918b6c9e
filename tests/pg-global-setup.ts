import pg from 'pg';

export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** Checks the PostgreSQL server once before the `pg` project runs; says loudly when it cannot. */
export default async function setup() {
  const url = process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const r = await client.query<{ v: string }>("select current_setting('server_version') as v");
    process.stdout.write(
      `\n[pg] data-layer tests run on PostgreSQL ${r.rows[0]?.v} at ${url.replace(/:[^:@/]*@/, ':***@')}\n`,
    );
    process.env.MANYI_PG_AVAILABLE = '1';
  } catch (e) {
    const msg = `[pg] PostgreSQL at ${url} is not reachable (${e instanceof Error ? e.message : String(e)})`;
    if (process.env.CI) throw new Error(`${msg}; CI requires it`, { cause: e });
    process.stdout.write(`\n${msg}: the pg project's tests are SKIPPED. Set TEST_DATABASE_URL to run them.\n`);
    process.env.MANYI_PG_AVAILABLE = '0';
  } finally {
    await client.end().catch(() => {});
  }
}
