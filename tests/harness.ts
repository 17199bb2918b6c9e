import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../server/app';
import { loadConfig, type Config } from '../server/config';
import type { Database } from '../server/db/client';
import { seedDemo } from '../server/db/seed/demo';
import { freshDatabase } from './test-db';

export const DEMO_PASSWORD = 'Manyi@2026';

let ipCounter = 0;
/** Each test login comes from its own address, so the per-address login rate limit stays out of the way. */
const nextIp = () => `10.77.${Math.floor(++ipCounter / 250) % 250}.${(ipCounter % 250) + 1}`;

export interface Session {
  cookie: string;
  csrf: string;
  me: { user: { id: string }; currentDealerId: string | null; dealers: { id: string; code: string }[] };
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  login(username: string, password?: string, ip?: string): Promise<Session>;
  /** A request as a logged-in user: cookie and CSRF header added. */
  as(
    s: Session,
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ LOG_LEVEL: 'silent' }), ...overrides };
}

/** A real app on a fresh migrated database with the demo organisation, for one test file. */
export function useTestApp(overrides: Partial<Config> = {}): TestApp {
  const ctx = {} as TestApp;
  beforeAll(async () => {
    const database = await freshDatabase();
    const config = testConfig(overrides);
    await seedDemo(database.db, config);
    const app = await buildApp({ database, config, logger: false });
    await app.ready();
    Object.assign(ctx, {
      app,
      database,
      config,
      async login(username: string, password = DEMO_PASSWORD, ip = nextIp()) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username, password },
          remoteAddress: ip,
        });
        if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
        const cookie = res.cookies.find((c) => c.name === 'manyi_session');
        const me = res.json();
        return { cookie: `manyi_session=${cookie?.value}`, csrf: me.csrfToken, me };
      },
      as(s: Session, method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
        return app.inject({
          method: method as 'GET',
          url,
          headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...headers },
          ...(body === undefined ? {} : { payload: body as object }),
        });
      },
    });
  });
  afterAll(async () => {
    await ctx.app?.close();
    await ctx.database?.close();
  });
  return ctx;
}
