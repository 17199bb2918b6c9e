import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Session } from '../../../tests/harness';
import { startRobot, startSmtp, type LocalRobot, type LocalSmtp } from '../../../tests/local-servers';
import { TEST_DB_KIND } from '../../../tests/test-db';
import { startWorker } from '../../jobs/worker';
import { getIdCrypto } from '../customers/keys';
import { notify } from './notify';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => boolean | Promise<boolean>, timeoutMs = 25_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await sleep(50);
  }
  throw new Error('timed out waiting');
}

describe(`notifications on ${TEST_DB_KIND}`, () => {
  const t = useTestApp({ wecomHosts: ['127.0.0.1'] });
  let smtp: LocalSmtp;
  let robot: LocalRobot;
  let dealerId: string;
  let lead: Session;
  let admin: Session;
  const userId = async (username: string) =>
    (await t.database.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow())
      .id;

  async function giveEmail(username: string, email: string) {
    const id = await userId(username);
    const r = await t.database.db.updateTable('staff').set({ email }).where('userId', '=', id).executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0)
      await t.database.db
        .insertInto('staff')
        .values({ dealerId, name: username, department: 'other', position: '测试', userId: id, email })
        .execute();
  }
  const send = (input: Omit<Parameters<typeof notify>[1], 'dealerId'>) =>
    t.database.db.transaction().execute((tx) => notify(tx, { dealerId, ...input }));

  beforeAll(async () => {
    smtp = await startSmtp();
    robot = await startRobot();
    t.config.smtpUrl = smtp.url;
    dealerId = (
      await t.database.db.selectFrom('dealers').select('id').where('code', '=', 'SH001').executeTakeFirstOrThrow()
    ).id;
    lead = await t.login('cs_lead');
    admin = await t.login('dealer_admin');
    await giveEmail('cs_lead', 'cs_lead@sh001.example.cn');
    await giveEmail('gm', 'gm@sh001.example.cn');
  });
  afterAll(async () => {
    await smtp?.close();
    await robot?.close();
  });

  it('puts a notification in the inbox of every user of the role, once per dedupe key', async () => {
    for (let i = 0; i < 2; i++)
      await send({
        event: 'case.overdue',
        recipients: { roles: ['cs_lead'] },
        title: '工单超时',
        body: '工单 C-1 已超过处理时限',
        link: '/cases/c-1',
        dedupeKey: 'case:c-1:overdue',
      });
    const inbox = (await t.as(lead, 'GET', '/api/notifications')).json();
    const mine = inbox.items.filter((n: { title: string }) => n.title === '工单超时');
    expect(mine).toHaveLength(1);
    expect(inbox.unread).toBeGreaterThanOrEqual(1);
    const agent = await t.login('cs_agent');
    expect((await t.as(agent, 'GET', '/api/notifications')).json().items).toEqual([]);
    expect((await t.as(agent, 'POST', `/api/notifications/${mine[0].id}/read`)).statusCode).toBe(404);
    expect((await t.as(lead, 'POST', `/api/notifications/${mine[0].id}/read`)).statusCode).toBe(200);
    const unread = (await t.as(lead, 'GET', '/api/notifications?unread=true')).json();
    expect(unread.items.map((n: { id: string }) => n.id)).not.toContain(mine[0].id);
    await t.as(lead, 'POST', '/api/notifications/read-all');
    expect((await t.as(lead, 'GET', '/api/notifications')).json().unread).toBe(0);
  });

  it('lets a user choose channels; role defaults need notifications:manage', async () => {
    const mine = [{ event: 'case.overdue', inbox: true, email: true, wecom: false }];
    const res = await t.as(lead, 'PUT', '/api/notifications/preferences', { mine });
    expect(res.statusCode).toBe(200);
    expect(res.json().mine).toEqual(mine);
    expect(res.json().hasEmail).toBe(true);
    const roles = [{ role: 'gm', event: 'case.escalated', inbox: true, email: true, wecom: true }];
    const denied = await t.as(lead, 'PUT', '/api/notifications/preferences', { mine, roles });
    expect(denied.statusCode).toBe(403);
    const ok = await t.as(admin, 'PUT', '/api/notifications/preferences', { mine: [], roles });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().roles).toEqual(roles);
  });

  it('e-mails through a real SMTP server, exactly once even when the job runs again', async () => {
    await send({
      event: 'case.overdue',
      recipients: { roles: ['cs_lead'] },
      title: '工单 C-2 超时提醒',
      body: '请尽快处理客户王先生的投诉。',
      link: '/cases/c-2',
      dedupeKey: 'case:c-2:overdue',
    });
    const worker = startWorker(t.database, t.config, { pollMs: 50 });
    try {
      await until(() => smtp.accepted.some((m) => m.subject === '工单 C-2 超时提醒'));
      const job = await t.database.db
        .selectFrom('jobs')
        .select(['id', 'doneAt'])
        .where('name', '=', 'notifications.send-email')
        .executeTakeFirstOrThrow();
      await until(
        async () =>
          (await t.database.db.selectFrom('jobs').select('doneAt').where('id', '=', job.id).executeTakeFirstOrThrow())
            .doneAt !== null,
      );
      // Replay the job as if a crash had lost its "done" mark: it must not mail again.
      await t.database.db.updateTable('jobs').set({ doneAt: null }).where('id', '=', job.id).execute();
      worker.wake();
      await until(
        async () =>
          (await t.database.db.selectFrom('jobs').select('doneAt').where('id', '=', job.id).executeTakeFirstOrThrow())
            .doneAt !== null,
      );
    } finally {
      await worker.stop();
    }
    const mails = smtp.accepted.filter((m) => m.subject === '工单 C-2 超时提醒');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toContain('cs_lead@sh001.example.cn');
    expect(mails[0]!.text).toContain('请尽快处理客户王先生的投诉。');
    expect(mails[0]!.text).toContain('/cases/c-2');
    const out = await t.database.db
      .selectFrom('outboundMessages')
      .select(['status', 'sentAt'])
      .where('channel', '=', 'email')
      .execute();
    expect(out.map((o) => o.status)).toEqual(['sent']);
  });

  it('stores a WeCom webhook encrypted and never returns it in full', async () => {
    const res = await t.as(admin, 'POST', '/api/wecom-robots', { name: '管理群', webhookUrl: robot.url, events: [] });
    expect(res.statusCode).toBe(201);
    expect(res.body).not.toContain('robotkey');
    expect(res.json().urlHint).toMatch(/…9z8y$/);
    expect((await t.as(admin, 'GET', '/api/wecom-robots')).body).not.toContain('robotkey');
    const row = await t.database.db
      .selectFrom('wecomRobots')
      .selectAll()
      .where('name', '=', '管理群')
      .executeTakeFirstOrThrow();
    expect(row.webhookUrlEnc).not.toContain('robotkey');
    expect(getIdCrypto(t.config).decrypt(row.webhookUrlEnc)).toBe(robot.url);
    const elsewhere = await t.as(admin, 'POST', '/api/wecom-robots', {
      name: '外部',
      webhookUrl: 'https://evil.example.com/cgi-bin/webhook/send?key=x',
    });
    expect(elsewhere.statusCode).toBe(400);
    const unknownEvent = await t.as(admin, 'POST', '/api/wecom-robots', {
      name: '未知事件',
      webhookUrl: robot.url,
      events: ['case.overdue', 'root'],
    });
    expect(unknownEvent.statusCode).toBe(400);
    expect(unknownEvent.body).toContain('events');
    expect(await t.database.db.selectFrom('wecomRobots').select('id').where('name', '=', '未知事件').execute()).toEqual(
      [],
    );
  });

  it('posts WeCom digests: batched, under the rate limit, retried, with no full phone or ID number', async () => {
    robot.refuseNext = 1; // the first post is refused (45009) and retried with back-off
    for (let i = 0; i < 25; i++)
      await send({
        event: 'case.escalated',
        recipients: { roles: ['gm'] },
        title: `工单 E-${i} 升级`,
        body: `客户 1381234${String(5600 + i)} 身份证 31010119900101123X 来电投诉`,
        dedupeKey: `case:e-${i}:escalated`,
      });
    const worker = startWorker(t.database, t.config, { pollMs: 50, backoffMs: () => 200 });
    try {
      await until(
        () =>
          robot.posts
            .map((p) => p.content)
            .join('')
            .split('升级').length -
            1 >=
          25,
        40_000,
      );
    } finally {
      await worker.stop();
    }
    expect(robot.refuseNext).toBe(0);
    const all = robot.posts.map((p) => p.content).join('\n');
    for (let i = 0; i < 25; i++) expect(all.split(`工单 E-${i} 升级`)).toHaveLength(2); // exactly once each
    expect(robot.posts.length).toBeLessThanOrEqual(4);
    expect(all).not.toMatch(/1381234\d{4}/);
    expect(all).not.toContain('31010119900101123X');
    expect(all).toContain('138****');
  }, 60_000);
});
