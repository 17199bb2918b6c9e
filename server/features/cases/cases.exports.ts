import { CaseListQuery, type CaseSummaryRow } from '../../../core/contracts/cases';
import type { ListExportDef } from '../exports/list-export';
import { labels } from '../exports/list-xlsx';
import { listCases } from './cases.service';

/** 不满意问题跟踪 lists (SPEC §4.7) as Excel: the rows of `GET /api/cases` with the same filter (issue 7). */
export const CASES_EXPORT: ListExportDef<typeof CaseListQuery, CaseSummaryRow> = {
  path: '/api/cases',
  access: 'cases:read',
  query: CaseListQuery,
  entity: 'cases',
  title: { zh: '不满意问题跟踪', en: 'Dissatisfaction cases' },
  personal: true,
  filterLabels: { filter: { zh: '列表', en: 'list' }, status: { zh: '状态', en: 'status' } },
  rows: async (db, actor, query) => (await listCases(db, actor, query)).items,
  columns: [
    { header: { zh: '表单号', en: 'Form no.' }, width: 16, value: (r) => r.formNo },
    { header: { zh: '登记时间', en: 'Created' }, width: 17, type: 'datetime', value: (r) => r.createdAt },
    {
      header: { zh: '回访方式', en: 'Channel' },
      width: 12,
      value: (r) => r.channel,
      labels: labels(
        { as_onsite: '售后现场', as_phone: '售后电话', sales_onsite: '销售现场', sales_phone: '销售电话' },
        {
          as_onsite: 'After-sales on-site',
          as_phone: 'After-sales phone',
          sales_onsite: 'Sales on-site',
          sales_phone: 'Sales phone',
        },
      ),
    },
    { header: { zh: '客户', en: 'Customer' }, width: 12, value: (r) => r.customerName },
    { header: { zh: '车牌', en: 'Plate' }, width: 11, value: (r) => r.plate },
    { header: { zh: '问题详细记录', en: 'Problem' }, width: 36, value: (r) => r.problem },
    {
      header: { zh: '严重程度', en: 'Severity' },
      width: 10,
      value: (r) => r.severity,
      labels: labels({ severe: '严重', minor: '不严重' }, { severe: 'Severe', minor: 'Not severe' }),
    },
    {
      header: { zh: '涉及部门', en: 'Department' },
      width: 12,
      value: (r) => r.department,
      labels: labels(
        { after_sales: '售后服务部', sales: '销售部', quality: '质量管理部', management: '管理层', other: '其他部门' },
        { after_sales: 'After-sales', sales: 'Sales', quality: 'Quality', management: 'Management', other: 'Other' },
      ),
    },
    {
      header: { zh: '状态', en: 'Status' },
      width: 12,
      value: (r) => r.status,
      labels: labels(
        {
          open: '待送达',
          awaiting_reply: '待部门处理',
          replied: '待回传',
          awaiting_second_callback: '待二次回访',
          closed: '已关闭',
        },
        {
          open: 'To send',
          awaiting_reply: 'With the department',
          replied: 'To return',
          awaiting_second_callback: 'Second callback due',
          closed: 'Closed',
        },
      ),
    },
    { header: { zh: '当前期限', en: 'Due' }, width: 17, type: 'datetime', value: (r) => r.currentDueAt },
    { header: { zh: '超期', en: 'Overdue' }, width: 8, type: 'bool', value: (r) => r.overdue },
    { header: { zh: '升级级别', en: 'Escalation' }, width: 9, type: 'number', value: (r) => r.escalationLevel },
    { header: { zh: '轮次', en: 'Loop' }, width: 7, type: 'number', value: (r) => r.loop },
    { header: { zh: '填表人', en: 'Filled by' }, width: 10, value: (r) => r.filledByName },
    { header: { zh: '关闭时间', en: 'Closed' }, width: 17, type: 'datetime', value: (r) => r.closedAt },
  ],
};
