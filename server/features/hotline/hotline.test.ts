import { beforeAll, describe, expect, it } from 'vitest';
import { type Session, useTestApp } from '../../../tests/harness';
import { TEST_DB_KIND } from '../../../tests/test-db';
import { startWorker } from '../../jobs/worker';
import { runPromiseDue } from './hotline.jobs';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe(`hotline log and forum monitoring (WF-10, WF-18) on ${TEST_DB_KIND}`, () => {
  const t = useTestApp();
  let agent: Session;
  beforeAll(async () => {
    agent = await t.login('cs_agent');
  });

  const call = (extra: Record<string, unknown> = {}) =>
    t.as(agent, 'POST', '/api/hotline-calls', {
      line: '400',
      callerName: '陈女士',
      callerPhone: '13912345678',
      purpose: '投诉维修延期',
      category: 'complaint',
      content: '车辆维修承诺周五交车，至今未交车，也无人通知',
      ...extra,
    });

  it('logs a call, masks the number in the list, and records whether the promised reply was kept', async () => {
    const res = await call({ promisedReplyAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ callerPhone: '13912345678', kept: null, overdue: false, operator: '李晓梅' });
    const list = (await t.as(agent, 'GET', '/api/hotline-calls')).json().items;
    expect(list[0].callerPhone).toBe('139****5678');
    const replied = await t.as(agent, 'POST', `/api/hotline-calls/${res.json().id}/reply`, {
      note: '已回电说明交车时间',
    });
    expect(replied.json()).toMatchObject({ kept: true });
    expect((await t.as(agent, 'POST', `/api/hotline-calls/${res.json().id}/reply`, { note: '再次' })).statusCode).toBe(
      409,
    );
  });

  it('fires the promised-reply timer once when the promise passes unanswered (durable job)', async () => {
    const promisedAt = new Date(Date.now() + 800);
    const res = await call({ promisedReplyAt: promisedAt.toISOString() });
    const id = res.json().id as string;
    const job = await t.database.db
      .selectFrom('jobs')
      .selectAll()
      .where('name', '=', 'hotline.promise-due')
      .where('dedupeKey', 'like', `hotline:${id}:%`)
      .executeTakeFirstOrThrow();
    expect(new Date(job.runAt).getTime()).toBe(promisedAt.getTime());
    const w = startWorker(t.database, t.config, { pollMs: 50 });
    try {
      for (let i = 0; i < 100 && (await t.as(agent, 'GET', `/api/hotline-calls/${id}`)).json().kept !== false; i++)
        await sleep(100);
    } finally {
      await w.stop();
    }
    const ctx = {
      db: t.database.db,
      config: t.config,
      dealerId: job.dealerId,
      jobId: job.id,
      attempt: 2,
      maxAttempts: 10,
      leaseMs: 60_000,
      log: () => {},
    };
    await runPromiseDue({ callId: id, promisedAt: promisedAt.toISOString() }, ctx); // a retried job: no effect
    const after = (await t.as(agent, 'GET', `/api/hotline-calls/${id}`)).json();
    expect(after).toMatchObject({ kept: false, overdue: true });
    const notes = await t.database.db
      .selectFrom('notifications')
      .select(['userId', 'title'])
      .where('event', '=', 'hotline.promise-overdue')
      .execute();
    expect(notes.map((n) => n.userId)).toContain(agent.me.user.id);
    expect(new Set(notes.map((n) => n.userId)).size).toBe(notes.length); // once per recipient
    const audits = await t.database.db
      .selectFrom('auditLog')
      .select('action')
      .where('action', '=', 'hotline.promise-overdue')
      .where('entityId', '=', id)
      .execute();
    expect(audits).toHaveLength(1);
    const overdue = (await t.as(agent, 'GET', '/api/hotline-calls?overdue=true')).json().items;
    expect(overdue.map((c: { id: string }) => c.id)).toEqual([id]);
  });

  it('turns a hotline complaint into a complaint slip, once', async () => {
    const id = (await call({ line: '800' })).json().id;
    const made = await t.as(agent, 'POST', `/api/hotline-calls/${id}/complaint`, {});
    expect(made.statusCode, made.body).toBe(201);
    const c = (await t.as(agent, 'GET', `/api/complaints/${made.json().complaintId}`)).json();
    expect(c).toMatchObject({ source: 'hotline_800', level: 'complaint', customerName: '陈女士' });
    expect((await t.as(agent, 'POST', `/api/hotline-calls/${id}/complaint`, {})).statusCode).toBe(409);
  });

  it('records forum posts, forwards them to the responsible person and registers complaints', async () => {
    const item = await t.as(agent, 'POST', '/api/forum-items', {
      site: '汽车之家',
      url: 'https://club.autohome.com.cn/bbs/thread/1.html',
      title: '上海某4S店保养乱收费',
      excerpt: '保养时被加收了不必要的项目',
      sentiment: 'negative',
      importance: 'high',
    });
    expect(item.statusCode, item.body).toBe(201);
    const director = await t.database.db
      .selectFrom('staff')
      .innerJoin('users', 'users.id', 'staff.userId')
      .select(['staff.id', 'users.id as userId'])
      .where('users.username', '=', 'aftersales_director')
      .executeTakeFirstOrThrow();
    const fwd = await t.as(agent, 'PATCH', `/api/forum-items/${item.json().id}`, { forwardedToStaffId: director.id });
    expect(fwd.json()).toMatchObject({ status: 'forwarded', forwardedTo: { id: director.id } });
    const inbox = await t.database.db
      .selectFrom('notifications')
      .select('event')
      .where('userId', '=', director.userId)
      .where('event', '=', 'forum.forwarded')
      .execute();
    expect(inbox).toHaveLength(1);
    const made = await t.as(agent, 'POST', `/api/forum-items/${item.json().id}/complaint`, { level: 'major' });
    const c = (await t.as(agent, 'GET', `/api/complaints/${made.json().complaintId}`)).json();
    expect(c).toMatchObject({ source: 'forum', level: 'major', customerName: '汽车之家网友' });
    const hz = await t.login('hz_agent');
    expect((await t.as(hz, 'PATCH', `/api/forum-items/${item.json().id}`, { status: 'handled' })).statusCode).toBe(404);
    expect((await t.as(hz, 'GET', '/api/forum-items')).json().items).toHaveLength(0);
  });
});
