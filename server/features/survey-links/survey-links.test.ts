import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Session } from '../../../tests/harness';
import { TEST_DB_KIND } from '../../../tests/test-db';
import { PUBLIC_LIMITS } from './public.routes';
import { hashToken } from './tokens';
import { customers, GOOD_ANSWERS, openTask, publishQuestionnaire, tokenOf } from './test-kit';

/** Mobile survey links: "A forged, reused or expired mobile-link token gets a clear error page and stores nothing." */
describe(`mobile survey links on ${TEST_DB_KIND}`, () => {
  const t = useTestApp();
  let agent: Session;
  let lead: Session;
  let cust: Awaited<ReturnType<typeof customers>>;
  const CODE = 'LINK-01';

  beforeAll(async () => {
    await publishQuestionnaire(t, CODE, { channel: 'mobile_link' });
    agent = await t.login('cs_agent');
    lead = await t.login('cs_lead');
    cust = await customers(t, 'SH001', 9, 'lnk');
  });

  const newLink = async (taskId: string) => {
    const res = await t.as(agent, 'POST', `/api/callbacks/tasks/${taskId}/link`);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { url: string; qr: string; link: { id: string; status: string; expiresAt: string } };
  };
  const pub = (method: 'GET' | 'POST', url: string, payload?: unknown, ip = '10.9.0.1') =>
    t.app.inject({ method, url, remoteAddress: ip, ...(payload === undefined ? {} : { payload: payload as object }) });
  const counts = async () => {
    const r = await sql<{ responses: string; attempts: string; blocks: string }>`
      select (select count(*) from survey_responses) as responses, (select count(*) from call_attempts) as attempts,
             (select count(*) from callback_blocks) as blocks`.execute(t.database.db);
    return r.rows[0];
  };

  it('creates an unguessable link with a QR code, stores only its hash, and the page shows the first name only', async () => {
    await t.database.db.updateTable('customers').set({ name: '王小明' }).where('id', '=', cust[0]!.id).execute();
    const taskId = await openTask(t, lead, cust[0]!.id, CODE);
    const { url, qr, link } = await newLink(taskId);
    const token = tokenOf(url);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url).toMatch(/^http:\/\/[^/]+\/s\//);
    expect(qr.startsWith('data:image/svg+xml;base64,')).toBe(true);
    expect(link.status).toBe('live');
    const stored = await t.database.db
      .selectFrom('surveyLinks')
      .selectAll()
      .where('id', '=', link.id)
      .executeTakeFirstOrThrow();
    expect(stored.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);

    const page = await pub('GET', `/api/public/s/${token}`);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    const body = page.json();
    expect(body.dealerName).toBeTruthy();
    expect(body.firstName).toBe('小明');
    expect(body.privacyNotice).toContain(body.dealerName);
    expect(body.content.questions.map((q: { key: string }) => q.key)).toEqual(['q1', 'q2', 'q3']);
    expect(page.body).not.toMatch(/139\d{8}/);
    expect(page.body).not.toContain('王小明');
  });

  it('answers through the link once: the response is stored, the task is SUCCESS, the link is used', async () => {
    const taskId = await openTask(t, lead, cust[1]!.id, CODE);
    const token = tokenOf((await newLink(taskId)).url);
    const bad = await pub('POST', `/api/public/s/${token}`, { acceptedNotice: true, answers: [] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    const ok = await pub('POST', `/api/public/s/${token}`, { acceptedNotice: true, answers: GOOD_ANSWERS });
    expect(ok.statusCode, ok.body).toBe(200);
    const task = (await t.as(agent, 'GET', `/api/callbacks/tasks/${taskId}`)).json();
    expect(task.status).toBe('SUCCESS');
    const resp = await t.database.db
      .selectFrom('surveyResponses')
      .selectAll()
      .where('id', '=', task.responseId)
      .executeTakeFirstOrThrow();
    expect(resp.channel).toBe('mobile_link');
    expect(resp.taskId).toBe(taskId);

    const before = await counts();
    const again = await pub('POST', `/api/public/s/${token}`, { acceptedNotice: true, answers: GOOD_ANSWERS });
    expect(again.statusCode).toBe(410);
    expect(again.json().error.code).toBe('SURVEY_LINK_USED');
    expect((await pub('GET', `/api/public/s/${token}`)).json().error.code).toBe('SURVEY_LINK_USED');
    expect((await pub('POST', `/api/public/s/${token}/opt-out`)).json().error.code).toBe('SURVEY_LINK_USED');
    expect(await counts()).toEqual(before);
  });

  it('refuses forged, expired and replaced tokens with a clear code and stores nothing', async () => {
    const taskId = await openTask(t, lead, cust[2]!.id, CODE);
    const first = tokenOf((await newLink(taskId)).url);
    const second = await newLink(taskId);
    const before = await counts();
    const forged = [first.slice(0, 42) + (first.endsWith('A') ? 'B' : 'A'), 'x', "' or 1=1 --", 'A'.repeat(43)];
    for (const tok of forged) {
      const res = await pub('POST', `/api/public/s/${encodeURIComponent(tok)}`, {
        acceptedNotice: true,
        answers: GOOD_ANSWERS,
      });
      expect(res.statusCode, tok).toBe(404);
      expect(res.json().error.code).toBe('SURVEY_LINK_INVALID');
    }
    const replaced = await pub('POST', `/api/public/s/${first}`, { acceptedNotice: true, answers: GOOD_ANSWERS });
    expect(replaced.json().error).toMatchObject({ code: 'SURVEY_LINK_REVOKED', details: { reason: 'rotated' } });
    await t.database.db
      .updateTable('surveyLinks')
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where('id', '=', second.link.id)
      .execute();
    const token = tokenOf(second.url);
    for (const [m, path] of [
      ['GET', ''],
      ['POST', ''],
      ['POST', '/opt-out'],
    ] as const) {
      const res = await pub(
        m,
        `/api/public/s/${token}${path}`,
        m === 'POST' && !path ? { acceptedNotice: true, answers: GOOD_ANSWERS } : undefined,
      );
      expect(res.statusCode).toBe(410);
      expect(res.json().error.code).toBe('SURVEY_LINK_EXPIRED');
    }
    expect(await counts()).toEqual(before);
    const row = await t.database.db
      .selectFrom('surveyLinks')
      .selectAll()
      .where('id', '=', second.link.id)
      .executeTakeFirstOrThrow();
    expect(row.usedAt).toBeNull();
    expect(row.openedCount).toBe(0);
    const task = (await t.as(agent, 'GET', `/api/callbacks/tasks/${taskId}`)).json();
    expect(task.status).toBe('PENDING');
    const list = (await t.as(agent, 'GET', `/api/survey-links?taskId=${taskId}`)).json();
    expect(list.items.map((l: { status: string }) => l.status)).toEqual(['expired', 'revoked']);
  });

  it('a link of a task closed meanwhile (answered on the phone) no longer works', async () => {
    const taskId = await openTask(t, lead, cust[3]!.id, CODE);
    const token = tokenOf((await newLink(taskId)).url);
    await t.database.db.updateTable('callbackTasks').set({ status: 'SUCCESS' }).where('id', '=', taskId).execute();
    const res = await pub('GET', `/api/public/s/${token}`);
    expect(res.json().error).toMatchObject({ code: 'SURVEY_LINK_REVOKED', details: { reason: 'task_closed' } });
  });

  it('rate-limits the public API per address and per token', async () => {
    const taskId = await openTask(t, lead, cust[4]!.id, CODE);
    const token = tokenOf((await newLink(taskId)).url);
    const codes: number[] = [];
    for (let i = 0; i < PUBLIC_LIMITS.readPerToken + 2; i++)
      codes.push((await pub('GET', `/api/public/s/${token}`, undefined, `10.8.${i}.1`)).statusCode);
    expect(
      codes.slice(0, PUBLIC_LIMITS.readPerToken).every((c) => c === 200),
      codes.join(),
    ).toBe(true);
    expect(codes.slice(-1)[0]).toBe(429);
    const probe: number[] = [];
    for (let i = 0; i < PUBLIC_LIMITS.writePerIp + 2; i++)
      probe.push(
        (await pub('POST', `/api/public/s/${'Z'.repeat(42)}${i % 10}/opt-out`, undefined, '10.7.0.9')).statusCode,
      );
    expect(
      probe.slice(0, PUBLIC_LIMITS.writePerIp).every((c) => c === 404),
      probe.join(),
    ).toBe(true);
    const limited = await pub('POST', `/api/public/s/${'Y'.repeat(43)}/opt-out`, undefined, '10.7.0.9');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
  });

  it("a task naming no questionnaire takes its business line's published one; none → a clear 409", async () => {
    const res = await t.as(lead, 'POST', '/api/callbacks/tasks', {
      type: 'SPECIAL_6M_ABSENT',
      customerId: cust[6]!.id,
    });
    const made = await newLink(res.json().id);
    const page = await pub('GET', `/api/public/s/${tokenOf(made.url)}`);
    expect(page.json().content.channel).toBe('mobile_link');
    const other = await t.as(lead, 'POST', '/api/callbacks/tasks', {
      type: 'PERIODIC_SURVEY',
      customerId: cust[8]!.id,
    });
    const none = await t.as(agent, 'POST', `/api/callbacks/tasks/${other.json().id}/link`);
    expect(none.statusCode).toBe(409);
    expect(none.json().error.details.reason).toBe('no_questionnaire');
  });

  it("uses the dealer's settings: own privacy notice, public address and validity", async () => {
    const sup = await t.login('cs_supervisor');
    const before = (await t.as(sup, 'GET', '/api/survey-link-settings')).json();
    expect(before).toMatchObject({ privacyNotice: null, validHours: 72, publicBaseUrl: null });
    expect(before.defaultPrivacyNotice).toContain('不再联系我');
    const notice = '本店仅将问卷结果用于改进服务，您可随时选择不再联系我。保存期限按本店规定。';
    const saved = await t.as(sup, 'PUT', '/api/survey-link-settings', {
      privacyNotice: notice,
      validHours: 2,
      publicBaseUrl: 'https://survey.example.com/',
      smsTemplate: '',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const taskId = await openTask(t, lead, cust[7]!.id, CODE);
    const made = await newLink(taskId);
    expect(made.url).toMatch(/^https:\/\/survey\.example\.com\/s\/[A-Za-z0-9_-]{43}$/);
    const hours = (Date.parse(made.link.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(1.9);
    expect(hours).toBeLessThanOrEqual(2);
    expect((await pub('GET', `/api/public/s/${tokenOf(made.url)}`)).json().privacyNotice).toBe(notice);
    const reset = { privacyNotice: '', validHours: 72, publicBaseUrl: '', smsTemplate: '' };
    expect((await t.as(sup, 'PUT', '/api/survey-link-settings', reset)).json().privacyNotice).toBeNull();
    const bad = await t.as(sup, 'PUT', '/api/survey-link-settings', { ...reset, smsTemplate: '没有链接' });
    expect(bad.statusCode).toBe(400);
  });

  it("keeps dealers apart: another dealer's agent cannot create, send or list links of the task", async () => {
    const taskId = await openTask(t, lead, cust[5]!.id, CODE);
    const hz = await t.login('hz_agent');
    for (const res of [
      await t.as(hz, 'POST', `/api/callbacks/tasks/${taskId}/link`),
      await t.as(hz, 'POST', `/api/callbacks/tasks/${taskId}/link/send`, {}),
      await t.as(hz, 'GET', `/api/survey-links?taskId=${taskId}`),
    ]) {
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    expect(await t.database.db.selectFrom('surveyLinks').select('id').where('taskId', '=', taskId).execute()).toEqual(
      [],
    );
  });
});
