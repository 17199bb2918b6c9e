import { TASK_STATUS_LABELS, TASK_TYPE_LABELS } from '../../../core/labels';
import { QueueQuery, type QueueItem } from '../../../core/contracts/callbacks';
import type { ListExportDef } from '../exports/list-export';
import { labels } from '../exports/list-xlsx';
import { listQueue } from './callbacks.service';

/**
 * 回访队列 as Excel (issue 7): the rows of `GET /api/callbacks/queue` with the same filter, read page by page. The
 * rows name customers, so the export guard applies (a reason above the dealer's row count, audited).
 */
export const QUEUE_EXPORT: ListExportDef<typeof QueueQuery, QueueItem> = {
  path: '/api/callbacks/queue',
  access: 'callbacks:lead',
  query: QueueQuery,
  entity: 'callback-queue',
  title: { zh: '回访队列', en: 'Callback queue' },
  personal: true,
  filterLabels: {
    status: { zh: '状态', en: 'status' },
    type: { zh: '类型', en: 'type' },
    agent: { zh: '坐席', en: 'agent' },
    held: { zh: '处理中', en: 'held' },
    overdue: { zh: '仅超期', en: 'overdue' },
    q: { zh: '搜索', en: 'search' },
  },
  rows: async (db, actor, query) => (await listQueue(db, actor, query)).items,
  columns: [
    { header: { zh: '客户', en: 'Customer' }, width: 12, value: (r) => r.customerName },
    { header: { zh: '车牌', en: 'Plate' }, width: 11, value: (r) => r.plate },
    { header: { zh: '来源单号', en: 'Source no.' }, width: 16, value: (r) => r.sourceNumber },
    {
      header: { zh: '类型', en: 'Type' },
      width: 16,
      value: (r) => r.type,
      labels: labels(TASK_TYPE_LABELS.zh, TASK_TYPE_LABELS.en),
    },
    {
      header: { zh: '状态', en: 'Status' },
      width: 11,
      value: (r) => r.status,
      labels: labels(TASK_STATUS_LABELS.zh, TASK_STATUS_LABELS.en),
    },
    { header: { zh: '原因', en: 'Reason' }, width: 16, value: (r) => r.reason },
    { header: { zh: '基准日', en: 'Anchor date' }, width: 11, type: 'date', value: (r) => r.anchorDate },
    { header: { zh: '回访期限起', en: 'Due from' }, width: 11, type: 'date', value: (r) => r.dueStart },
    { header: { zh: '回访期限止', en: 'Due by' }, width: 11, type: 'date', value: (r) => r.dueEnd },
    { header: { zh: '超期', en: 'Overdue' }, width: 7, type: 'bool', value: (r) => r.overdue },
    { header: { zh: '拨打次数', en: 'Attempts' }, width: 8, type: 'number', value: (r) => r.attemptCount },
    { header: { zh: '下次拨打', en: 'Next attempt' }, width: 17, type: 'datetime', value: (r) => r.nextAttemptAt },
    { header: { zh: '预约时间', en: 'Appointment' }, width: 17, type: 'datetime', value: (r) => r.appointmentAt },
    { header: { zh: '分配给', en: 'Assigned to' }, width: 10, value: (r) => r.assignedName },
    { header: { zh: '处理人', en: 'Held by' }, width: 10, value: (r) => r.leaseName },
    { header: { zh: '处理至', en: 'Held until' }, width: 17, type: 'datetime', value: (r) => r.leaseExpiresAt },
  ],
};
