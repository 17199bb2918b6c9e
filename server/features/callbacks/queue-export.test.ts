import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { QueueItem } from '../../../core/contracts/callbacks';
import { useTestApp } from '../../../tests/harness';
import { TEST_DB_KIND } from '../../../tests/test-db';
import { ok, setupQueue, type QueueKit } from './queue-kit';
import { exportAudits, INJECT, setExportReasonRows, sheetOf, TITLE_ROWS } from '../../../tests/list-sheet';

/**
 * 回访队列 as Excel (issue 7): the file holds the rows of `GET /api/callbacks/queue` for the same filter (read past
 * the export's page size), text that would run as a formula stored as text, a reason above the dealer's row count
 * (audited), and only the dealer's own tasks.
 */

describe(`callback queue export on ${TEST_DB_KIND}`, () => {
  const t = useTestApp();
  let k: QueueKit;
  const list = async (filter: string) =>
    (await ok(await t.as(k.lead, 'GET', `/api/callbacks/queue?limit=200${filter}`))) as {
      items: QueueItem[];
      total: number;
    };

  beforeAll(async () => {
    k = await setupQueue(t, 40, 'xq');
    const db = t.database.db;
    await db.updateTable('customers').set({ name: INJECT }).where('id', '=', k.customers[0]!.id).execute();
    // Another dealer's task, named so it would show.
    const hz = (await db.selectFrom('dealers').select('id').where('code', '=', 'HZ002').executeTakeFirstOrThrow()).id;
    const other = await db
      .insertInto('customers')
      .values({ dealerId: hz, matchKey: 'x:queue-export', name: '杭州客户' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql`insert into callback_tasks (dealer_id, type, source_kind, source_id, anchor_kind, anchor_date, due_start,
                due_end, status, customer_id, contact_phone)
              select ${hz}, type, source_kind, source_id, anchor_kind, anchor_date, due_start, due_end, status,
                     ${other.id}, contact_phone
              from callback_tasks where dealer_id = ${k.dealerId} limit 1`.execute(db);
  }, 120_000);

  it('holds the JSON queue rows for the same filter, formulas as text, labels in the user language', async () => {
    for (const filter of ['', '&type=AS_PHONE', '&status=PENDING&overdue=true', `&q=${encodeURIComponent('=HYPER')}`]) {
      const json = await list(filter);
      expect(json.total, filter).toBeGreaterThan(0);
      const res = await t.as(k.lead, 'GET', `/api/callbacks/queue/export.xlsx?${filter.slice(1)}`);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const { rows, col, ws } = await sheetOf(res.rawPayload);
      expect(rows.length).toBe(json.total);
      expect(col('来源单号')).toEqual(json.items.map((i) => i.sourceNumber));
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: TITLE_ROWS });
      for (const r of rows) r.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula));
      expect(col('客户').map(String)).not.toContain('杭州客户');
    }
    expect((await list(`&q=${encodeURIComponent('=HYPER')}`)).total).toBe(1);
    const all = await sheetOf((await t.as(k.lead, 'GET', '/api/callbacks/queue/export.xlsx')).rawPayload);
    expect(all.rows.length).toBeGreaterThanOrEqual(40);
    expect(all.col('客户').map(String)).toContain(`'${INJECT}`);
    expect(new Set(all.col('状态'))).toContain('待回访');
    expect(all.col('回访期限止')[0]).toBeInstanceOf(Date);
    expect(['是', '否']).toContain(all.col('超期')[0]);
    const bad = await t.as(k.lead, 'GET', '/api/callbacks/queue/export.xlsx?status=NOPE');
    expect(bad.statusCode).toBe(400);
    const agent = await t.login('cs_agent');
    expect((await t.as(agent, 'GET', '/api/callbacks/queue/export.xlsx')).statusCode).toBe(403);
  });

  it('asks for a reason above the row count, stores nothing then, and audits the export with it', async () => {
    const db = t.database.db;
    await setExportReasonRows(db, k.dealerId, 5);
    const audits = () => exportAudits(db, k.dealerId, 'callback-queue');
    try {
      const before = (await audits()).length;
      const refused = await t.as(k.lead, 'GET', '/api/callbacks/queue/export.xlsx');
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toMatchObject({ error: { code: 'EXPORT_REASON_REQUIRED' } });
      expect((await audits()).length).toBe(before);
      const json = await list('');
      const res = await t.as(
        k.lead,
        'GET',
        `/api/callbacks/queue/export.xlsx?reason=${encodeURIComponent('排班复核')}`,
      );
      expect(res.statusCode).toBe(200);
      const after = await audits();
      expect(after.length).toBe(before + 1);
      expect(after.map((a) => a.details)).toContainEqual({ rows: json.total, phones: 'masked', reason: '排班复核' });
      expect(after.map((a) => a.actorUsername)).toContain('cs_lead');
      // At or below the row count no reason is needed.
      const few = await t.as(k.lead, 'GET', `/api/callbacks/queue/export.xlsx?q=${encodeURIComponent('=HYPER')}`);
      expect(few.statusCode).toBe(200);
    } finally {
      await db.deleteFrom('reportSettings').where('dealerId', '=', k.dealerId).execute();
    }
  });
});
