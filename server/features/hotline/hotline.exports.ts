import { HotlineQuery, type HotlineCall } from '../../../core/contracts/hotline';
import type { ListExportDef } from '../exports/list-export';
import { labels } from '../exports/list-xlsx';
import { listCalls } from './hotline.service';

/** The hotline log (400/800 来电登记) as Excel: the rows of `GET /api/hotline-calls`, phones masked (issue 7). */
export const HOTLINE_EXPORT: ListExportDef<typeof HotlineQuery, HotlineCall> = {
  path: '/api/hotline-calls',
  access: 'hotline:log',
  query: HotlineQuery,
  entity: 'hotline-calls',
  title: { zh: '热线来电登记', en: 'Hotline log' },
  personal: true,
  filterLabels: {
    category: { zh: '类别', en: 'category' },
    line: { zh: '热线', en: 'line' },
    overdue: { zh: '仅超期', en: 'overdue' },
    q: { zh: '搜索', en: 'search' },
  },
  rows: async (db, actor, query) => (await listCalls(db, actor, query)).items,
  columns: [
    { header: { zh: '来电时间', en: 'Call time' }, width: 17, type: 'datetime', value: (r) => r.startedAt },
    { header: { zh: '热线', en: 'Line' }, width: 7, value: (r) => r.line },
    { header: { zh: '响铃次数', en: 'Rings' }, width: 8, type: 'number', value: (r) => r.rings },
    { header: { zh: '非工作时间', en: 'After hours' }, width: 9, type: 'bool', value: (r) => r.afterHours },
    { header: { zh: '来电人', en: 'Caller' }, width: 10, value: (r) => r.callerName },
    { header: { zh: '电话', en: 'Phone' }, width: 14, value: (r) => r.callerPhone, group: 'contact' },
    {
      header: { zh: '类别', en: 'Category' },
      width: 10,
      value: (r) => r.category,
      labels: labels(
        { enquiry: '咨询', difficult: '疑难问题', grumble: '抱怨', complaint: '投诉' },
        { enquiry: 'Enquiry', difficult: 'Difficult problem', grumble: 'Grumble', complaint: 'Complaint' },
      ),
    },
    { header: { zh: '来电目的', en: 'Purpose' }, width: 16, value: (r) => r.purpose },
    { header: { zh: '来电内容', en: 'Content' }, width: 36, value: (r) => r.content },
    {
      header: { zh: '承诺回复时间', en: 'Promised reply' },
      width: 17,
      type: 'datetime',
      value: (r) => r.promisedReplyAt,
    },
    { header: { zh: '回复时间', en: 'Replied' }, width: 17, type: 'datetime', value: (r) => r.repliedAt },
    { header: { zh: '回复内容', en: 'Reply' }, width: 24, value: (r) => r.replyNote },
    { header: { zh: '是否守约', en: 'Promise kept' }, width: 8, type: 'bool', value: (r) => r.kept },
    { header: { zh: '超期', en: 'Overdue' }, width: 7, type: 'bool', value: (r) => r.overdue },
    { header: { zh: '接线人', en: 'Operator' }, width: 10, value: (r) => r.operator },
  ],
};
