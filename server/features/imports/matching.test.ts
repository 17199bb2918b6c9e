import { beforeAll, describe, expect, it } from 'vitest';
import { vinCheckDigit } from '../../../core/rules/vin';
import { useTestApp, type Session } from '../../../tests/harness';
import { multipart } from '../../../tests/multipart';
import { TEST_DB_KIND } from '../../../tests/test-db';
import { CHUNK_ROWS } from './import-runner';

const vin = (n: number) => {
  const v = `LDC953940N${String(n).padStart(7, '0')}`;
  return `${v.slice(0, 8)}${vinCheckDigit(v)}${v.slice(9)}`;
};
/** GB 11643 examples with valid check characters. */
const ID_A = '11010519491231002X';
const ID_B = '440524198001010013';

/**
 * docs/import.md "Matching": the same customer in different exports, with different identifying data, is one
 * customer (ID number → mobile + name → name + vehicle), while two ID numbers are always two people.
 */
describe(`customer matching across files on ${TEST_DB_KIND}`, () => {
  const t = useTestApp();
  let admin: Session;
  beforeAll(async () => {
    admin = await t.login('dealer_admin');
  });

  async function importFile(kind: string, content: string) {
    const body = multipart({ kind }, { name: `${kind}.csv`, content });
    const up = await t.app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, ...body.headers },
      payload: body.payload,
    });
    expect(up.statusCode, up.body).toBe(201);
    const { run, suggestedMapping } = up.json();
    await t.as(admin, 'POST', `/api/imports/${run.id}/start`, { mapping: suggestedMapping });
    for (let i = 0; i < 200; i++) {
      const r = (await t.as(admin, 'GET', `/api/imports/${run.id}`)).json();
      if (!['queued', 'running'].includes(r.status)) return r;
      await new Promise((res) => setTimeout(res, 50));
    }
    throw new Error('import did not finish');
  }
  const customersNamed = (name: string) =>
    t.database.db.selectFrom('customers').select(['id', 'idCardLast4']).where('name', '=', name).execute();

  it('finds the customer of a customer list again by mobile + name, then by name + VIN', async () => {
    await importFile('customers', `客户姓名,手机,身份证号\n张三,13912340001,${ID_A}\n`);
    const [zhang] = await customersNamed('张三');
    expect(zhang?.idCardLast4).toBe('002X');
    const ros = await importFile(
      'repair-orders',
      `维修委托书号,结算日期,客户姓名,手机,VIN\nRO-M1,2026-11-01,张三,13912340001,${vin(1)}\n`,
    );
    expect(ros).toMatchObject({ inserted: 1, rejected: 0 });
    const sales = await importFile(
      'vehicle-sales',
      `购车日期,VIN,客户姓名,手机\n2026-10-01,${vin(1)},张三,13800000002\n`,
    );
    expect(sales).toMatchObject({ inserted: 1, rejected: 0 });
    expect(await customersNamed('张三')).toEqual([zhang]);
    const phones = await t.database.db
      .selectFrom('customerPhones')
      .select('phone')
      .where('customerId', '=', zhang!.id)
      .orderBy('phone')
      .execute();
    expect(phones.map((p) => p.phone)).toEqual(['13800000002', '13912340001']);
    const linked = await t.database.db.selectFrom('sales').select('customerId').where('vin', '=', vin(1)).execute();
    expect(linked).toEqual([{ customerId: zhang!.id }]);
  });

  it('keeps two ID numbers apart even with the same mobile and name, and joins rows of one file', async () => {
    const file = `客户姓名,手机,身份证号\n李四,13912340009,${ID_A}\n李四,13912340009,${ID_B}\n王五,13912340010,\n王五,13912340010,\n`;
    await importFile('customers', file);
    const li = await customersNamed('李四');
    expect(li.map((c) => c.idCardLast4).sort()).toEqual(['0013', '002X']);
    expect(await customersNamed('王五')).toHaveLength(1);
  });

  it('rejects a repeated RO number in a later chunk of the same file, wherever it is in the file', async () => {
    const saved = { ...CHUNK_ROWS };
    CHUNK_ROWS.pglite = 2;
    CHUNK_ROWS.postgres = 2;
    try {
      const rows = ['RO-D1', 'RO-D2', 'RO-D3', 'RO-D1', 'RO-D4'].map(
        (ro, i) => `${ro},2026-11-0${i + 1},赵六,1391234002${i},${vin(2)}`,
      );
      const r = await importFile('repair-orders', `维修委托书号,结算日期,客户姓名,手机,VIN\n${rows.join('\n')}\n`);
      expect(r).toMatchObject({ processedRows: 5, inserted: 4, rejected: 1 });
      const rejects = await t.database.db
        .selectFrom('importRejects')
        .select(['rowNo', 'reason'])
        .where('runId', '=', r.id)
        .execute();
      expect(rejects).toEqual([{ rowNo: 5, reason: 'duplicate of row 2 in this file' }]);
      expect(await customersNamed('赵六')).toHaveLength(1);
    } finally {
      Object.assign(CHUNK_ROWS, saved);
    }
  });

  it('rejects a repeated sale (VIN + sale date) in a later chunk, and the rejected row changes no customer', async () => {
    const saved = { ...CHUNK_ROWS };
    CHUNK_ROWS.pglite = 2;
    CHUNK_ROWS.postgres = 2;
    try {
      const rows = [
        `2026-10-01,${vin(31)},钱七,13912340031`,
        `2026-10-02,${vin(31)},钱七,13912340031`,
        `2026-10-03,${vin(32)},孙八,13912340032`,
        `2026-10-01,${vin(31)},周九,13912340039`,
        `2026-10-04,${vin(33)},吴十,13912340033`,
      ];
      const r = await importFile('vehicle-sales', `购车日期,VIN,客户姓名,手机\n${rows.join('\n')}\n`);
      expect(r).toMatchObject({ processedRows: 5, inserted: 4, rejected: 1 });
      const rejects = await t.database.db
        .selectFrom('importRejects')
        .select(['rowNo', 'reason'])
        .where('runId', '=', r.id)
        .execute();
      expect(rejects).toEqual([{ rowNo: 5, reason: 'duplicate of row 2 in this file' }]);
      expect(await customersNamed('周九')).toEqual([]);
      expect(await customersNamed('吴十')).toHaveLength(1);
    } finally {
      Object.assign(CHUNK_ROWS, saved);
    }
  });
});
