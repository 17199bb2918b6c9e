import type { Role } from '../../core/permissions';
import { PRESET_SCRIPTS } from '../../core/rules/call-script';
import type { TestApp } from '../harness';

/** Route samples and fixture data for the agent workbench and the registers (issue 5, SPEC §8.7, §3.13). */

export interface RegistersFixture {
  /** An open SH001 callback task (a second callback of a customer of its own). */
  wbTask: string;
}
type Sample = (f: RegistersFixture, role: Role) => { url: string; body?: unknown; ok: number };

const FILTER = '?from=2026-01-01&to=2030-12-31&satisfaction=dissatisfied&staff=%E6%9D%8E&limit=20';

export const REGISTER_SAMPLES: Record<string, Sample> = {
  'GET /api/workbench/tasks/:id/context': (f) => ({ url: `/api/workbench/tasks/${f.wbTask}/context`, ok: 200 }),
  'GET /api/workbench/today': () => ({ url: '/api/workbench/today', ok: 200 }),
  'GET /api/call-scripts': () => ({ url: '/api/call-scripts', ok: 200 }),
  'PUT /api/call-scripts/:line': () => ({ url: '/api/call-scripts/sales', body: PRESET_SCRIPTS.sales, ok: 200 }),
  'GET /api/registers/aftersales-onsite': () => ({ url: `/api/registers/aftersales-onsite${FILTER}`, ok: 200 }),
  'GET /api/registers/sales-callback': () => ({ url: `/api/registers/sales-callback${FILTER}`, ok: 200 }),
  'GET /api/registers/aftersales-phone': () => ({ url: `/api/registers/aftersales-phone${FILTER}`, ok: 200 }),
  'GET /api/registers/aftersales-onsite/export.xlsx': () => ({
    url: `/api/registers/aftersales-onsite/export.xlsx${FILTER}`,
    ok: 200,
  }),
  'GET /api/registers/sales-callback/export.xlsx': () => ({
    url: '/api/registers/sales-callback/export.xlsx',
    ok: 200,
  }),
  'GET /api/registers/aftersales-phone/export.xlsx': () => ({
    url: '/api/registers/aftersales-phone/export.xlsx?q=%E7%8E%8B',
    ok: 200,
  }),
};

export async function registersFixture(t: TestApp): Promise<RegistersFixture> {
  const db = t.database.db;
  const dealerId = (await db.selectFrom('dealers').select('id').where('code', '=', 'SH001').executeTakeFirstOrThrow())
    .id;
  const customer = await db
    .insertInto('customers')
    .values({ dealerId, matchKey: 'm:13900007777:赵工作台', name: '赵工作台', gender: 'female' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const today = new Date().toISOString().slice(0, 10);
  const task = await db
    .insertInto('callbackTasks')
    .values({
      dealerId,
      type: 'SECOND_CALLBACK',
      sourceKind: 'customer',
      sourceId: customer.id,
      customerId: customer.id,
      anchorKind: 'created',
      anchorDate: today,
      dueStart: today,
      dueEnd: today,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { wbTask: task.id };
}
