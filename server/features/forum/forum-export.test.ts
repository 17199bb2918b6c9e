import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Session } from '../../../tests/harness';
import { TEST_DB_KIND } from '../../../tests/test-db';
import { INJECT, sheetOf, TITLE_ROWS } from '../../../tests/list-sheet';

/**
 * 网络论坛监控 as Excel (issue 7): the file holds the rows of `GET /api/forum-items` for the same filter, labels in
 * the user's language, text that would run as a formula stored as text, and only the dealer's own posts.
 */

describe(`forum monitoring export on ${TEST_DB_KIND}`, () => {
  const t = useTestApp();
  let agent: Session;
  let hz: Session;

  beforeAll(async () => {
    agent = await t.login('cs_agent');
    hz = await t.login('hz_agent');
    const post = async (s: Session, body: object) => {
      const res = await t.as(s, 'POST', '/api/forum-items', body);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
    };
    await post(agent, {
      site: '汽车之家',
      url: 'https://club.autohome.com.cn/bbs/thread/1.html',
      title: INJECT,
      excerpt: '等了三个小时',
      sentiment: 'negative',
      importance: 'high',
    });
    await post(agent, {
      site: '懂车帝',
      url: 'https://www.dongchedi.com/p/2',
      title: '服务很好',
      sentiment: 'positive',
    });
    await post(hz, {
      site: '汽车之家',
      url: 'https://club.autohome.com.cn/bbs/thread/3.html',
      title: '杭州店',
      sentiment: 'negative',
    });
  });

  it('holds the JSON rows for the same filter, labels in the language, formulas as text, own dealer only', async () => {
    for (const filter of ['', 'sentiment=negative', 'site=懂车帝', 'status=new']) {
      const json = (await t.as(agent, 'GET', `/api/forum-items?${encodeURI(filter)}`)).json() as {
        items: { title: string; url: string }[];
      };
      expect(json.items.length, filter).toBeGreaterThan(0);
      const res = await t.as(agent, 'GET', `/api/forum-items/export.xlsx?${encodeURI(filter)}`);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const { rows, col, ws } = await sheetOf(res.rawPayload);
      expect(rows.length).toBe(json.items.length);
      expect(col('链接')).toEqual(json.items.map((i) => i.url));
      expect(col('标题').map(String)).not.toContain('杭州店');
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: TITLE_ROWS });
      for (const r of rows) r.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula));
    }
    const neg = await sheetOf((await t.as(agent, 'GET', '/api/forum-items/export.xlsx?sentiment=negative')).rawPayload);
    expect(neg.col('标题').map(String)).toContain(`'${INJECT}`);
    expect(new Set(neg.col('倾向'))).toEqual(new Set(['负面']));
    expect(neg.col('重要程度')).toContain('高');
    expect(neg.col('发现时间')[0]).toBeInstanceOf(Date);
    expect(String(neg.ws.getCell(2, 1).value)).toContain('倾向=negative');
    const other = await sheetOf((await t.as(hz, 'GET', '/api/forum-items/export.xlsx')).rawPayload);
    expect(other.col('标题').map(String)).toEqual(['杭州店']);
  });

  it('refuses a bad filter and roles without forum monitoring', async () => {
    expect((await t.as(agent, 'GET', '/api/forum-items/export.xlsx?sentiment=angry')).statusCode).toBe(400);
    const sa = await t.login('service_advisor');
    expect((await t.as(sa, 'GET', '/api/forum-items/export.xlsx')).statusCode).toBe(403);
  });
});
