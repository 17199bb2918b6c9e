import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_PASSWORD } from './helpers';

/** An API client signed in as a demo user (its own browser context: cookie jar and CSRF token). */
export interface Api {
  get(url: string): Promise<unknown>;
  send(method: 'POST' | 'PUT', url: string, body?: unknown): Promise<unknown>;
}

export async function apiAs(openPage: () => Promise<Page>, username: string): Promise<Api> {
  const page = await openPage();
  const login = await page.request.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(login.status(), await login.text()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const check = async (res: Awaited<ReturnType<Page['request']['get']>>, what: string) => {
    if (!res.ok()) throw new Error(`${what}: ${res.status()} ${(await res.text()).slice(0, 300)}`);
    return res.json() as Promise<unknown>;
  };
  return {
    get: async (url) => check(await page.request.get(url), `GET ${url}`),
    send: async (method, url, body = {}) =>
      check(
        await page.request.fetch(url, { method, data: body, headers: { 'x-csrf-token': csrfToken } }),
        `${method} ${url}`,
      ),
  };
}

/** A new callback-rules version effective today with calling hours all day, so no flow depends on the clock. */
export async function openCallingHoursAllDay(sup: Api) {
  const current = (await sup.get('/api/callbacks/rules')) as { current: { rules: Record<string, unknown> } };
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  await sup.send('PUT', '/api/callbacks/rules', {
    effectiveFrom: today,
    rules: { ...current.current.rules, callingHours: { days: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '23:59' } },
    note: 'e2e: calling hours all day',
  });
}

/** Waits until the background demo import has produced more than `atLeast` pending tasks; returns their number. */
export async function waitForTasks(lead: Api, atLeast: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await lead.send('POST', '/api/callbacks/generate');
    const q = (await lead.get('/api/callbacks/queue?status=PENDING&limit=1')) as { total: number };
    if (q.total > atLeast) return q.total;
    if (Date.now() > deadline) throw new Error('no callback tasks were generated from the demo data');
    await new Promise((r) => setTimeout(r, 3000));
  }
}

/**
 * Waits until the background demo import of every demo dealer has finished: on the embedded database all
 * requests share one connection, so a running import would slow every click of the flow.
 */
export async function waitForDemoImports(admins: Api[]) {
  const deadline = Date.now() + 240_000;
  const done = async (a: Api) => {
    const runs = ((await a.get('/api/imports')) as { items: { status: string }[] }).items;
    return runs.length >= 2 && runs.every((r) => !['uploaded', 'queued', 'running'].includes(r.status));
  };
  for (const a of admins) {
    while (!(await done(a))) {
      if (Date.now() > deadline) throw new Error('the demo import did not finish');
      await new Promise((r) => setTimeout(r, 3000));
    }
  }
}
