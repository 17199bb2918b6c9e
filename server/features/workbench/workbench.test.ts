import { beforeAll, describe, expect, it } from 'vitest';
import { PRESET_SCRIPTS } from '../../../core/rules/call-script';
import { useTestApp, type Session } from '../../../tests/harness';
import { TEST_DB_KIND } from '../../../tests/test-db';
import { insertRepairOrders, insertSales, seedCustomers } from '../callbacks/callbacks.fixtures';

/** The workbench extras (SPEC §8.7): the order in full, the filled call script (§7.6), per-dealer scripts. */
describe(`workbench on ${TEST_DB_KIND}`, () => {
  const t = useTestApp();
  let agent: Session;
  let roTask: string;
  let saleTask: string;
  let dealerName: string;

  beforeAll(async () => {
    const db = t.database.db;
    const dealer = await db
      .selectFrom('dealers')
      .select(['id', 'name'])
      .where('code', '=', 'SH001')
      .executeTakeFirstOrThrow();
    dealerName = dealer.name;
    const [a, b] = await seedCustomers(db, dealer.id, 2, 'wb');
    await db.updateTable('customers').set({ gender: 'male' }).where('id', '=', a!.id).execute();
    await db.updateTable('vehicles').set({ model: '凯美瑞' }).where('id', '=', b!.vehicleId).execute();
    await insertRepairOrders(db, dealer.id, 'wb', [
      { customer: a!, settledOn: '2026-11-20', advisorName: '李顾问', repairType: '保养' },
    ]);
    await db.updateTable('repairOrders').set({ amountFen: 123456 }).where('dealerId', '=', dealer.id).execute();
    await insertSales(db, dealer.id, 'wb', [{ customer: b!, saleDate: '2026-11-18', consultantName: '陈销售' }]);
    const ro = await db
      .selectFrom('repairOrders')
      .select('id')
      .where('dealerId', '=', dealer.id)
      .executeTakeFirstOrThrow();
    const sale = await db.selectFrom('sales').select('id').where('dealerId', '=', dealer.id).executeTakeFirstOrThrow();
    const task = async (type: string, sourceKind: string, sourceId: string, c: { id: string; vehicleId: string }) =>
      (
        await db
          .insertInto('callbackTasks')
          .values({
            ...{ dealerId: dealer.id, type, sourceKind, sourceId, customerId: c.id, vehicleId: c.vehicleId },
            ...{ anchorKind: 'settlement', anchorDate: '2026-11-20', dueStart: '2026-11-20', dueEnd: '2030-01-01' },
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    roTask = await task('AS_PHONE', 'repair_order', ro.id, a!);
    saleTask = await task('SALES_PHONE', 'sale', sale.id, b!);
    agent = await t.login('cs_agent');
  });

  it('fills the SPEC §7.6 greeting with dealer, agent, customer and title, visit date and repair type', async () => {
    const res = await t.as(agent, 'GET', `/api/workbench/tasks/${roTask}/context`);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    expect(c.line).toBe('after_sales');
    expect(c.order).toMatchObject({ kind: 'repair_order', date: '2026-11-20', amount: 1234.56, staffName: '李顾问' });
    expect(c.script.greeting).toContain(`我是${dealerName}客户关系顾问${c.agentName}`);
    expect(c.script.greeting).toContain('您是测试客户wb0先生吗？2026年11月20日您的车到我处进行过保养维修');
    // The script is spoken in Chinese; the gender goes along for the UI's own honorific (Mr. in English).
    expect(c).toMatchObject({ customerTitle: '先生', customerGender: 'male' });
    expect(c.script.hints.join('')).toContain('千万别问');
  });

  it('uses the sales script for a sale, with model and purchase date', async () => {
    const c = (await t.as(agent, 'GET', `/api/workbench/tasks/${saleTask}/context`)).json();
    expect(c.line).toBe('sales');
    expect(c.order).toMatchObject({ kind: 'sale', date: '2026-11-18', staffName: '陈销售', model: '凯美瑞' });
    expect(c.script.greeting).toContain('先生/女士吗？感谢您2026年11月18日在我店购买凯美瑞');
    expect(c).toMatchObject({ customerTitle: '先生/女士', customerGender: null });
  });

  it("answers 404 for another dealer's task and counts the remaining queue", async () => {
    const hz = await t.login('hz_agent');
    const res = await t.as(hz, 'GET', `/api/workbench/tasks/${roTask}/context`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('测试客户');
    expect((await t.as(agent, 'GET', '/api/workbench/today')).json().remaining).toBe(2);
    expect((await t.as(hz, 'GET', '/api/workbench/today')).json().remaining).toBe(0);
  });

  it('saves a dealer script, refuses the "never ask" question, and the workbench uses the saved one', async () => {
    const sup = await t.login('cs_supervisor');
    const bad = await t.as(sup, 'PUT', '/api/call-scripts/after_sales', {
      ...PRESET_SCRIPTS.after_sales,
      closing: '请问您的车辆还有什么问题吗？',
    });
    expect(bad.statusCode).toBe(400);
    const body = { ...PRESET_SCRIPTS.after_sales, greeting: '您好，{customer}{title}，我是{dealer}的{agent}。' };
    const saved = await t.as(sup, 'PUT', '/api/call-scripts/after_sales', body);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ line: 'after_sales', preset: false });
    const c = (await t.as(agent, 'GET', `/api/workbench/tasks/${roTask}/context`)).json();
    expect(c.script.greeting).toBe(`您好，测试客户wb0先生，我是${dealerName}的${c.agentName}。`);
    const list = (await t.as(sup, 'GET', '/api/call-scripts')).json();
    expect(list.items.map((s: { line: string; preset: boolean }) => [s.line, s.preset])).toEqual([
      ['after_sales', false],
      ['sales', true],
    ]);
    expect((await t.as(agent, 'PUT', '/api/call-scripts/sales', PRESET_SCRIPTS.sales)).statusCode).toBe(403);
  });
});
