import ExcelJS from 'exceljs';
import fs from 'node:fs';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { useTestApp, type Session } from '../../../tests/harness';
import { multipart } from '../../../tests/multipart';
import { TEST_DB_KIND } from '../../../tests/test-db';
import { vinCheckDigit } from '../../../core/rules/vin';

const HEADER = '维修委托书号,结算日期,客户姓名,手机,车牌号,VIN,车型,服务顾问,维修类型,结算金额,进厂里程';
/** Real-format Chinese VINs (WMI L…) with a correct ISO 3779 check digit. */
const vin = (n: number) => {
  const v = `LDC953940N${String(n).padStart(7, '0')}`;
  return `${v.slice(0, 8)}${vinCheckDigit(v)}${v.slice(9)}`;
};
const VINS = [vin(11), vin(25), vin(39), vin(43)];
function roRow(i: number, amount = '560.00') {
  return `RO2026${String(i).padStart(5, '0')},2026-11-0${(i % 9) + 1},张${'伟芳娜敏静'[i % 5]},1391234${String(5000 + i).padStart(4, '0')},沪A${String(10000 + i)},${VINS[i % 4]},东风标致408,张伟,常规保养,${amount},${12000 + i}`;
}

describe(`DMS import on ${TEST_DB_KIND}`, () => {
  const t = useTestApp({ importMaxBytes: 5 * 1024 * 1024 });
  let admin: Session;
  beforeAll(async () => {
    admin = await t.login('dealer_admin');
  });

  async function upload(kind: string, name: string, content: Buffer | string) {
    const body = multipart({ kind }, { name, content });
    return t.app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, ...body.headers },
      payload: body.payload,
    });
  }
  async function importFile(kind: string, name: string, content: Buffer | string) {
    const up = await upload(kind, name, content);
    expect(up.statusCode, up.body).toBe(201);
    const { run, suggestedMapping } = up.json();
    const started = await t.as(admin, 'POST', `/api/imports/${run.id}/start`, { mapping: suggestedMapping });
    expect(started.statusCode, started.body).toBe(202);
    for (let i = 0; i < 200; i++) {
      const r = (await t.as(admin, 'GET', `/api/imports/${run.id}`)).json();
      if (!['queued', 'running'].includes(r.status)) return r;
      await new Promise((res) => setTimeout(res, 50));
    }
    throw new Error('import did not finish');
  }
  const counts = async () => {
    const n = async (table: 'customers' | 'vehicles' | 'repairOrders' | 'customerPhones') =>
      Number(
        (
          await t.database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      customers: await n('customers'),
      vehicles: await n('vehicles'),
      ros: await n('repairOrders'),
      phones: await n('customerPhones'),
    };
  };

  it('imports a UTF-8 CSV and a second import of the same export changes nothing', async () => {
    const file = `\ufeff${HEADER}\n${Array.from({ length: 40 }, (_, i) => roRow(i)).join('\n')}\n`;
    const first = await importFile('repair-orders', 'ro.csv', file);
    expect(first).toMatchObject({ status: 'completed', processedRows: 40, inserted: 40, rejected: 0 });
    const after1 = await counts();
    expect(after1.ros).toBe(40);
    const second = await importFile('repair-orders', 'ro.csv', file);
    expect(second).toMatchObject({ status: 'completed', inserted: 0, updated: 0, unchanged: 40, rejected: 0 });
    expect(await counts()).toEqual(after1);
  });

  it('counts an overlapping export as unchanged, updated and inserted rows', async () => {
    const rows = [
      ...Array.from({ length: 30 }, (_, i) => roRow(i + 10, i === 0 ? '999.00' : '560.00')),
      ...Array.from({ length: 5 }, (_, i) => roRow(100 + i)),
    ];
    const r = await importFile('repair-orders', 'overlap.csv', `${HEADER}\n${rows.join('\n')}`);
    expect(r).toMatchObject({ inserted: 5, updated: 1, unchanged: 29, rejected: 0 });
  });

  it('reads a GBK CSV and a legacy .xls with correct Chinese text', async () => {
    const gbk = iconv.encode(`${HEADER}\n${roRow(200)}\n`, 'gbk');
    expect((await importFile('repair-orders', 'gbk.csv', gbk)).inserted).toBe(1);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([HEADER.split(','), roRow(201).split(',')]), '工单');
    const xls = XLSX.write(wb, { bookType: 'biff8', type: 'buffer' }) as Buffer;
    expect((await importFile('repair-orders', 'legacy.xls', xls)).inserted).toBe(1);
    const names = await t.database.db
      .selectFrom('repairOrders')
      .innerJoin('customers', (j) =>
        j
          .onRef('customers.id', '=', 'repairOrders.customerId')
          .onRef('customers.dealerId', '=', 'repairOrders.dealerId'),
      )
      .select(['repairOrders.roNumber', 'customers.name', 'repairOrders.repairType'])
      .where('roNumber', 'in', ['RO202600200', 'RO202600201'])
      .execute();
    expect(names.map((x) => x.name).sort()).toEqual(['张伟', '张芳'].sort());
    expect(names.every((x) => x.repairType === '常规保养')).toBe(true);
  });

  it('imports the good rows of a file with bad ones and explains each rejected row in an Excel file', async () => {
    const bad = [
      `RO-BAD-1,2026-02-30,李四,13912345678,沪A99999,${VINS[0]},408,张伟,保养,100,1000`,
      `RO-BAD-2,2026-11-01,李四,12345,沪A99998,${VINS[0]},408,张伟,保养,100,1000`,
      '=HYPERLINK("http://evil"),2026-11-01,李四,13912345678,沪A99997,NOTAVIN,408,张伟,保养,100,1000',
    ];
    const r = await importFile(
      'repair-orders',
      'mixed.csv',
      `${HEADER}\n${roRow(300)}\n${bad.join('\n')}\n${roRow(301)}`,
    );
    expect(r).toMatchObject({ inserted: 2, rejected: 3 });
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/imports/${r.id}/rejects.xlsx`,
      headers: { cookie: admin.cookie },
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const text = JSON.stringify(sheet.getSheetValues());
    expect(text).toContain('结算日期');
    expect(sheet.rowCount).toBe(4);
    const formulaCells: unknown[] = [];
    sheet.eachRow((row) =>
      row.eachCell((c) => {
        if (c.type === ExcelJS.ValueType.Formula) formulaCells.push(c.value);
      }),
    );
    expect(formulaCells).toEqual([]);
  });

  it('rejects an unreadable file whole with a clear message and stores nothing', async () => {
    const before = await counts();
    const runsBefore = (await t.as(admin, 'GET', '/api/imports')).json().items.length;
    const junk = await upload('repair-orders', 'orders.xlsx', Buffer.from('this is not a spreadsheet at all'));
    expect(junk.statusCode).toBe(422);
    expect(junk.json().error).toMatchObject({ code: 'IMPORT_FILE_REJECTED' });
    const wrongExt = await upload('repair-orders', 'orders.exe', Buffer.from('MZ'));
    expect(wrongExt.statusCode).toBe(422);
    expect(await counts()).toEqual(before);
    expect((await t.as(admin, 'GET', '/api/imports')).json().items.length).toBe(runsBefore);
    expect(fs.readdirSync(t.config.uploadDir).filter((f) => f.endsWith('.exe'))).toEqual([]);
  });

  it('shows the imported customer on their 360 page with masked phones, and audits a reveal', async () => {
    const agent = await t.login('cs_agent');
    const found = (await t.as(agent, 'GET', '/api/customers?q=13912345003')).json();
    expect(found.items.length).toBe(1);
    const c360 = (await t.as(agent, 'GET', `/api/customers/${found.items[0].id}`)).json();
    expect(c360.phones[0].display).toMatch(/^139\*\*\*\*\d{4}$/);
    expect(
      c360.timeline.some(
        (x: { type: string; title: string }) => x.type === 'repair_order' && x.title === 'RO202600003',
      ),
    ).toBe(true);
    const revealed = await t.as(agent, 'POST', `/api/customers/${c360.customer.id}/reveal`, {
      field: 'phone',
      phoneId: c360.phones[0].id,
    });
    expect(revealed.json().value).toMatch(/^139\d{8}$/);
    const audit = await t.database.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'customer.reveal')
      .execute();
    expect(audit.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit)).not.toContain(revealed.json().value);
    const quality = await t.login('quality');
    expect(
      (
        await t.as(quality, 'POST', `/api/customers/${c360.customer.id}/reveal`, {
          field: 'phone',
          phoneId: c360.phones[0].id,
        })
      ).statusCode,
    ).toBe(403);
  });

  it("keeps one dealer's customers away from another dealer", async () => {
    const hz = await t.login('hz_admin');
    const anyCustomer = await t.database.db.selectFrom('customers').select('id').executeTakeFirstOrThrow();
    expect((await t.as(hz, 'GET', `/api/customers/${anyCustomer.id}`)).statusCode).toBe(404);
    expect((await t.as(hz, 'GET', `/api/customers?q=${encodeURIComponent('张')}`)).json().items).toEqual([]);
  });
});
