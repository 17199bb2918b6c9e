import { hasPermission, type Role } from '../../core/permissions';
import type { TestApp } from '../harness';

/** Route samples and fixture data for the callback engine (issue 5, SPEC §3.5–§3.6, §4.6). */

export interface CallbacksFixture {
  /** An SH001 task nobody claims ("next" skips it: its window starts tomorrow). */
  cbTask: string;
  /** Open tasks consumed one per sample by the routes that move a task on. */
  cbAttemptPool: string[];
  cbResponsePool: string[];
  cbAssignPool: string[];
  cbAfterSalesHandoffs: string[];
  cbSalesHandoffs: string[];
}
type Sample = (
  f: CallbacksFixture & { qPublished: string; shCustomer: string },
  role: Role,
) => { url: string; body?: unknown; ok: number };

const NONE = '00000000-0000-4000-8000-000000000000';
const pop = (pool: string[], role: Role, p: Parameters<typeof hasPermission>[1]) =>
  hasPermission([role], p) ? (pool.pop() ?? NONE) : NONE;

export const CALLBACK_SAMPLES: Record<string, Sample> = {
  'POST /api/callbacks/next': () => ({ url: '/api/callbacks/next', ok: 200 }),
  'GET /api/callbacks/mine': () => ({ url: '/api/callbacks/mine', ok: 200 }),
  'GET /api/callbacks/tasks/:id': (f) => ({ url: `/api/callbacks/tasks/${f.cbTask}`, ok: 200 }),
  'POST /api/callbacks/tasks/:id/attempts': (f, role) => ({
    url: `/api/callbacks/tasks/${pop(f.cbAttemptPool, role, 'callbacks:work')}/attempts`,
    body: { outcome: 'no_answer', note: '无人接听' },
    ok: 200,
  }),
  'POST /api/callbacks/tasks/:id/response': (f, role) => ({
    url: `/api/callbacks/tasks/${pop(f.cbResponsePool, role, 'callbacks:work')}/response`,
    body: { versionId: f.qPublished, answers: [{ question: 'q1', value: 'very_satisfied' }] },
    ok: 200,
  }),
  'POST /api/callbacks/tasks/:id/release': (f) => ({ url: `/api/callbacks/tasks/${f.cbTask}/release`, ok: 200 }),
  'POST /api/callbacks/tasks': (f) => ({
    url: '/api/callbacks/tasks',
    body: { type: 'SPECIAL_MAJOR_COMPLAINT', customerId: f.shCustomer, note: '重大抱怨客户回访' },
    ok: 201,
  }),
  'GET /api/callbacks/queue': () => ({ url: '/api/callbacks/queue?limit=20', ok: 200 }),
  'GET /api/callbacks/queue/export.xlsx': () => ({
    url: '/api/callbacks/queue/export.xlsx?overdue=true&reason=%E9%98%9F%E5%88%97%E5%A4%8D%E6%A0%B8',
    ok: 200,
  }),
  'GET /api/callbacks/agents': () => ({ url: '/api/callbacks/agents', ok: 200 }),
  'POST /api/callbacks/tasks/:id/assign': (f, role) => ({
    url: `/api/callbacks/tasks/${pop(f.cbAssignPool, role, 'callbacks:lead')}/assign`,
    body: { userId: null },
    ok: 200,
  }),
  'POST /api/callbacks/generate': () => ({ url: '/api/callbacks/generate', ok: 200 }),
  'GET /api/callbacks/rules': (_f, role) => ({
    url: '/api/callbacks/rules',
    ok: hasPermission([role], 'callbacks:work') || hasPermission([role], 'callbacks:configure') ? 200 : 403,
  }),
  'PUT /api/callbacks/rules': () => ({
    url: '/api/callbacks/rules',
    body: { effectiveFrom: '2026-01-01', presetKey: 'P-AYT', note: '采用 P-AYT 预设' },
    ok: 200,
  }),
  'GET /api/callbacks/handoffs': () => ({ url: '/api/callbacks/handoffs?open=true', ok: 200 }),
  'POST /api/callbacks/handoffs/:id/fix': (f, role) => ({
    url: `/api/callbacks/handoffs/${
      role === 'sales_consultant' || role === 'sales_director'
        ? (f.cbSalesHandoffs.pop() ?? NONE)
        : (f.cbAfterSalesHandoffs.pop() ?? NONE)
    }/fix`,
    body: { note: '已与客户核实号码' },
    ok: 200,
  }),
};

export async function callbacksFixture(t: TestApp, customerId: string): Promise<CallbacksFixture> {
  const db = t.database.db;
  const dealerId = (await db.selectFrom('dealers').select('id').where('code', '=', 'SH001').executeTakeFirstOrThrow())
    .id;
  const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const task = async (status = 'PENDING') =>
    (
      await db
        .insertInto('callbackTasks')
        .values({
          dealerId,
          type: 'SECOND_CALLBACK',
          sourceKind: 'manual',
          sourceId: crypto.randomUUID(),
          customerId,
          anchorKind: 'created',
          anchorDate: '2026-01-05',
          dueStart: tomorrow,
          dueEnd: tomorrow,
          status,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const many = async (n: number) => Promise.all(Array.from({ length: n }, () => task()));
  const handoffs = async (kind: 'repair_order' | 'sale', n: number) => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const taskId = await task('CONTACT_INVALID');
      const h = await db
        .insertInto('contactHandoffs')
        .values({
          dealerId,
          taskId,
          customerId,
          department: kind === 'sale' ? 'sales' : 'after_sales',
          reason: 'attempt_limit',
          dueAt: new Date(Date.now() + 86_400_000),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      out.push(h.id);
    }
    return out;
  };
  return {
    cbTask: await task(),
    cbAttemptPool: await many(8),
    cbResponsePool: await many(8),
    cbAssignPool: await many(8),
    cbAfterSalesHandoffs: await handoffs('repair_order', 6),
    cbSalesHandoffs: await handoffs('sale', 6),
  };
}
