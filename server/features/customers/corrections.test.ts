import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../tests/harness';
import { TEST_DB_KIND } from '../../../tests/test-db';

describe(`customer-information corrections (WF-14) on ${TEST_DB_KIND}`, () => {
  const t = useTestApp();
  let customerId: string;
  let dealerId: string;
  beforeAll(async () => {
    dealerId = (
      await t.database.db.selectFrom('dealers').select('id').where('code', '=', 'SH001').executeTakeFirstOrThrow()
    ).id;
    const c = await t.database.db
      .insertInto('customers')
      .values({ dealerId, matchKey: 'm:13900000001:陈明', name: '陈明', address: '上海市黄浦区' })
      .returning('id')
      .executeTakeFirstOrThrow();
    customerId = c.id;
    await t.database.db
      .insertInto('customerPhones')
      .values({ dealerId, customerId, phone: '13900000001', kind: 'mobile', isPrimary: true })
      .execute();
  });

  it('goes from the agent to the department manager and back to CS, with the change in the field history', async () => {
    const agent = await t.login('cs_agent');
    const filed = await t.as(agent, 'POST', '/api/corrections', {
      customerId,
      field: 'address',
      proposedValue: '上海市浦东新区世纪大道100号',
      foundHow: '电话回访时客户说明已搬家',
      department: 'after_sales',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const c = filed.json();
    expect(c).toMatchObject({ status: 'open', currentValue: '上海市黄浦区', overdue: false });
    expect(new Date(c.dueAt).getTime() - new Date(c.raisedAt).getTime()).toBeCloseTo(24 * 3_600_000, -4);
    expect((await t.as(agent, 'POST', `/api/corrections/${c.id}/resolve`, { apply: true, note: 'x' })).statusCode).toBe(
      403,
    );
    const director = await t.login('aftersales_director');
    const resolved = await t.as(director, 'POST', `/api/corrections/${c.id}/resolve`, {
      apply: true,
      note: '已与客户核实',
    });
    expect(resolved.json().status).toBe('corrected');
    const customer = await t.database.db
      .selectFrom('customers')
      .select('address')
      .where('id', '=', customerId)
      .executeTakeFirstOrThrow();
    expect(customer.address).toBe('上海市浦东新区世纪大道100号');
    const history = await t.database.db
      .selectFrom('customerChanges')
      .selectAll()
      .where('customerId', '=', customerId)
      .execute();
    expect(history).toContainEqual(
      expect.objectContaining({
        field: 'address',
        oldValue: '上海市黄浦区',
        newValue: '上海市浦东新区世纪大道100号',
        source: `correction:${c.id}`,
      }),
    );
    const supervisor = await t.login('cs_supervisor');
    const confirmed = await t.as(supervisor, 'POST', `/api/corrections/${c.id}/confirm`, { accepted: true });
    expect(confirmed.json().status).toBe('confirmed');
    expect((await t.as(supervisor, 'POST', `/api/corrections/${c.id}/confirm`, { accepted: true })).statusCode).toBe(
      409,
    );
  });

  it('refuses an invalid proposed phone number and flags requests past their 24 hours', async () => {
    const agent = await t.login('cs_agent');
    const bad = await t.as(agent, 'POST', '/api/corrections', {
      customerId,
      field: 'mobile',
      proposedValue: '12345',
      foundHow: '回访',
      department: 'sales',
    });
    expect(bad.statusCode).toBe(400);
    const ok = await t.as(agent, 'POST', '/api/corrections', {
      customerId,
      field: 'mobile',
      proposedValue: '139 1111 2222',
      foundHow: '回访时号码为空号',
      department: 'sales',
    });
    expect(ok.json().proposedValue).toBe('139****2222');
    await t.database.db
      .updateTable('correctionRequests')
      .set({ dueAt: new Date(Date.now() - 1000) })
      .where('id', '=', ok.json().id)
      .execute();
    const overdue = (await t.as(agent, 'GET', '/api/corrections?status=overdue')).json().items;
    expect(overdue.map((x: { id: string }) => x.id)).toEqual([ok.json().id]);
    expect(overdue[0].overdue).toBe(true);
  });
});
