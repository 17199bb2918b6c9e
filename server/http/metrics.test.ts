import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../tests/harness';
import { TEST_DB_KIND } from '../../tests/test-db';

const countOf = (body: string, labels: string) =>
  Number(
    body
      .split('\n')
      .find((l) => l.startsWith(`manyi_http_request_duration_seconds_count{${labels}}`))
      ?.split(' ')[1] ?? 0,
  );

describe(`request metrics on ${TEST_DB_KIND}`, () => {
  const t = useTestApp();

  it('counts every answer by method, route pattern and status', async () => {
    const before = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    const agent = await t.login('cs_agent');
    for (let i = 0; i < 3; i++) await t.as(agent, 'GET', '/api/auth/me');
    await t.app.inject({ method: 'GET', url: '/api/auth/me' }); // no session: 401
    await t.as(agent, 'GET', '/api/callbacks/tasks/00000000-0000-7000-8000-000000000000'); // 404 on a pattern
    const after = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    const delta = (labels: string) => countOf(after, labels) - countOf(before, labels);
    expect(delta('method="GET",route="/api/auth/me",status="200"')).toBe(3);
    expect(delta('method="GET",route="/api/auth/me",status="401"')).toBe(1);
    expect(delta('method="GET",route="/api/callbacks/tasks/:id",status="404"')).toBe(1);
  });
});
