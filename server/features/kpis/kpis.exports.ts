import { DrillExportQuery, type KpiDrill } from '../../../core/contracts/kpis';
import type { ListExportDef } from '../exports/list-export';
import { drill } from './charts.service';

type DrillRow = KpiDrill['rows'][number];

/**
 * The rows behind a dashboard chart point as Excel (issue 7): the rows of `GET /api/kpis/drill` for the same
 * filter (the chart's reason as `factor`), read page by page; names and phones masked as on screen.
 */
export const DRILL_EXPORT: ListExportDef<typeof DrillExportQuery, DrillRow> = {
  path: '/api/kpis/drill',
  access: 'kpis:read',
  query: DrillExportQuery,
  entity: 'kpi-drill',
  title: { zh: '看板明细', en: 'Dashboard drill-down' },
  personal: true,
  filterLabels: {
    kind: { zh: '明细', en: 'rows' },
    from: { zh: '起', en: 'from' },
    to: { zh: '止', en: 'to' },
    businessLine: { zh: '业务线', en: 'business line' },
    granularity: { zh: '周期', en: 'granularity' },
    period: { zh: '期间', en: 'period' },
    factor: { zh: '不满意因素', en: 'factor' },
    staffKey: { zh: '人员', en: 'staff' },
    staffRole: { zh: '人员角色', en: 'staff role' },
    department: { zh: '部门', en: 'department' },
    overdueOnly: { zh: '仅超期', en: 'overdue only' },
    dissatisfiedOnly: { zh: '仅不满意', en: 'dissatisfied only' },
  },
  rows: async (db, actor, query) => {
    const { factor, ...rest } = query;
    return (await drill(db, actor, { ...rest, reason: factor })).rows;
  },
  columns: [
    // Phone tasks carry their anchor day only; responses and cases their local date and time.
    { header: { zh: '日期', en: 'Date' }, width: 11, type: 'date', value: (r) => r.at },
    {
      header: { zh: '时间', en: 'Time' },
      width: 17,
      type: 'datetime',
      value: (r) => (r.at.includes('T') ? r.at : null),
    },
    { header: { zh: '客户', en: 'Customer' }, width: 10, value: (r) => r.customer },
    { header: { zh: '电话', en: 'Phone' }, width: 14, value: (r) => r.phone, group: 'contact' },
    { header: { zh: '人员', en: 'Staff' }, width: 12, value: (r) => r.staff },
    { header: { zh: '状态', en: 'Status' }, width: 14, value: (r) => r.status },
    { header: { zh: '得分', en: 'Score' }, width: 8, type: 'number', value: (r) => r.score },
    { header: { zh: '明细', en: 'Detail' }, width: 40, value: (r) => r.detail },
  ],
};
