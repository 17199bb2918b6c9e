import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Session } from '../../../tests/harness';
import { TEST_DB_KIND } from '../../../tests/test-db';
import { signBody, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../../integrations/sms/webhook';
import { startWorker } from '../../jobs/worker';
import { sendSurveySms } from './survey-links.jobs';
import { customers, openTask, publishQuestionnaire, tokenOf } from './test-kit';

interface Received {
  headers: Record<string, string | string[] | undefined>;
  raw: string;
}

/** The SMS webhook adapter against a real local HTTP server, through the job worker. */
describe(`survey link by SMS (webhook provider) on ${TEST_DB_KIND}`, () => {
  const t = useTestApp({ encryptionKey: randomBytes(32).toString('base64') });
  const SECRET = 'gateway-shared-secret-0123456789';
  const received: Received[] = [];
  let answer = 200;
  let server: Server;
  let url: string;
  let agent: Session;
  let lead: Session;
  let admin: Session;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      req.on('end', () => {
        received.push({ headers: req.headers, raw });
        res.writeHead(answer, { 'content-type': 'application/json' }).end('{"code":"OK"}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
    await publishQuestionnaire(t, 'LINK-SMS', { channel: 'mobile_link' });
    agent = await t.login('cs_agent');
    lead = await t.login('cs_lead');
    admin = await t.login('dealer_admin');
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('keeps the webhook secret encrypted and refuses unsafe gateway addresses', async () => {
    const bad = await t.as(admin, 'PUT', '/api/message-provider', {
      kind: 'webhook',
      url: 'http://example.com/x',
      secret: SECRET,
    });
    expect(bad.statusCode).toBe(400);
    const res = await t.as(admin, 'PUT', '/api/message-provider', {
      kind: 'webhook',
      url,
      secret: SECRET,
      senderName: '上海一店',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'webhook', url, secretHint: '…6789', configured: true });
    expect(res.body).not.toContain(SECRET);
    const row = await t.database.db.selectFrom('messageProviders').selectAll().executeTakeFirstOrThrow();
    expect(row.secretEnc).not.toContain(SECRET);
  });

  it('sends the link signed to the gateway through the job worker, then forgets the text', async () => {
    const [c] = await customers(t, 'SH001', 1, 'sms');
    const taskId = await openTask(t, lead, c!.id, 'LINK-SMS');
    const res = await t.as(agent, 'POST', `/api/callbacks/tasks/${taskId}/link/send`, {});
    expect(res.statusCode, res.body).toBe(200);
    const sent = res.json();
    expect(sent.sms).toMatchObject({ status: 'pending', providerKind: 'webhook' });
    expect(sent.sms.phoneHint).toMatch(/^139\*{4}\d{4}$/);

    const worker = startWorker(t.database, t.config, { pollMs: 3_600_000 });
    await worker.runOnce();
    await worker.stop();
    expect(received).toHaveLength(1);
    const { headers, raw } = received[0]!;
    expect(headers[SIGNATURE_HEADER]).toBe(signBody(SECRET, String(headers[TIMESTAMP_HEADER]), raw));
    const body = JSON.parse(raw) as { to: string; text: string; sender: string; idempotencyKey: string };
    expect(body.to).toMatch(/^139\d{8}$/);
    expect(body.sender).toBe('【上海一店】');
    expect(body.text).toContain(sent.url);
    expect(headers['idempotency-key']).toBe(body.idempotencyKey);

    const row = await t.database.db
      .selectFrom('outboundSms')
      .selectAll()
      .where('id', '=', sent.sms.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'sent', bodyEnc: null, attempts: 1 });
    const page = await t.app.inject({ method: 'GET', url: `/api/public/s/${tokenOf(sent.url)}` });
    expect(page.statusCode).toBe(200);
    const list = (await t.as(agent, 'GET', `/api/survey-links?taskId=${taskId}`)).json();
    expect(list.items[0]).toMatchObject({ sentVia: 'sms', status: 'live', openedCount: 1 });
    expect(list.sms[0]).toMatchObject({ status: 'sent' });
  });

  it('retries on a 5xx, gives up on a 4xx, and never sends a link replaced meanwhile', async () => {
    const [c] = await customers(t, 'SH001', 1, 'sms2');
    const taskId = await openTask(t, lead, c!.id, 'LINK-SMS');
    const ctx = { db: t.database.db, config: t.config, dealerId: '', attempt: 1, maxAttempts: 5, log: () => {} };
    const send = async () => (await t.as(agent, 'POST', `/api/callbacks/tasks/${taskId}/link/send`, {})).json();
    const status = async (id: string) =>
      await t.database.db
        .selectFrom('outboundSms')
        .select(['status', 'attempts'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();

    const a = await send();
    ctx.dealerId = (
      await t.database.db
        .selectFrom('outboundSms')
        .select('dealerId')
        .where('id', '=', a.sms.id)
        .executeTakeFirstOrThrow()
    ).dealerId;
    answer = 503;
    await expect(sendSurveySms({ smsId: a.sms.id }, ctx)).rejects.toThrow(/503/);
    expect(await status(a.sms.id)).toEqual({ status: 'pending', attempts: 1 });
    answer = 400;
    await sendSurveySms({ smsId: a.sms.id }, ctx);
    expect(await status(a.sms.id)).toEqual({ status: 'failed', attempts: 2 });

    answer = 200;
    const b = await send();
    await send();
    const before = received.length;
    await sendSurveySms({ smsId: b.sms.id }, ctx);
    expect(received.length).toBe(before);
    expect((await status(b.sms.id)).status).toBe('failed');
  });
});
