import { ForumQuery, type ForumItem } from '../../../core/contracts/hotline';
import type { ListExportDef } from '../exports/list-export';
import { labels } from '../exports/list-xlsx';
import { listItems } from './forum.service';

/**
 * 网络论坛监控 as Excel (issue 7): the rows of `GET /api/forum-items` with the same filter. The posts are public
 * pages, not customer records, so no export reason is asked.
 */
export const FORUM_EXPORT: ListExportDef<typeof ForumQuery, ForumItem> = {
  path: '/api/forum-items',
  access: 'forum:monitor',
  query: ForumQuery,
  entity: 'forum-items',
  title: { zh: '网络论坛监控', en: 'Forum monitoring' },
  personal: false,
  filterLabels: {
    status: { zh: '状态', en: 'status' },
    sentiment: { zh: '倾向', en: 'sentiment' },
    site: { zh: '平台', en: 'site' },
  },
  rows: async (db, actor, query) => (await listItems(db, actor, query)).items,
  columns: [
    { header: { zh: '发现时间', en: 'Found' }, width: 17, type: 'datetime', value: (r) => r.foundAt },
    { header: { zh: '平台', en: 'Site' }, width: 12, value: (r) => r.site },
    { header: { zh: '标题', en: 'Title' }, width: 30, value: (r) => r.title },
    { header: { zh: '链接', en: 'Link' }, width: 30, value: (r) => r.url },
    { header: { zh: '摘要（问题或建议）', en: 'Excerpt' }, width: 40, value: (r) => r.excerpt },
    {
      header: { zh: '倾向', en: 'Sentiment' },
      width: 8,
      value: (r) => r.sentiment,
      labels: labels(
        { positive: '正面', neutral: '中性', negative: '负面' },
        { positive: 'Positive', neutral: 'Neutral', negative: 'Negative' },
      ),
    },
    {
      header: { zh: '重要程度', en: 'Importance' },
      width: 9,
      value: (r) => r.importance,
      labels: labels({ low: '低', normal: '一般', high: '高' }, { low: 'Low', normal: 'Normal', high: 'High' }),
    },
    {
      header: { zh: '状态', en: 'Status' },
      width: 9,
      value: (r) => r.status,
      labels: labels(
        { new: '新发现', forwarded: '已转交', handled: '已处理', ignored: '已忽略' },
        { new: 'New', forwarded: 'Forwarded', handled: 'Handled', ignored: 'Ignored' },
      ),
    },
    { header: { zh: '转交责任人', en: 'Forwarded to' }, width: 10, value: (r) => r.forwardedTo?.name ?? null },
    { header: { zh: '处理时间', en: 'Handled' }, width: 17, type: 'datetime', value: (r) => r.handledAt },
    { header: { zh: '备注', en: 'Note' }, width: 24, value: (r) => r.note },
    {
      header: { zh: '已转抱怨单', en: 'Complaint slip' },
      width: 9,
      type: 'bool',
      value: (r) => r.complaintId !== null,
    },
    { header: { zh: '记录人', en: 'Recorded by' }, width: 10, value: (r) => r.createdBy },
  ],
};
