import {
  CaseListQuery,
  DailyReportQuery,
  UnhandledQuery,
  type CaseSummaryRow,
  type DailyReportItem,
  type UnhandledItem,
} from '../../../core/contracts/cases';
import { TASK_TYPE_LABELS } from '../../../core/labels';
import type { ListExportDef } from '../exports/list-export';
import { labels } from '../exports/list-xlsx';
import { dailyReport, listCases, unhandledResponses } from './cases.service';

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

/**
 * 售后每日工作汇报 (AYT-JL-客服-05, SPEC §3.12) of one day as Excel: the items of `GET /api/daily-report` with the
 * same date, in the paper form's fields (customer, problem, entered by/at, SA, result and its deadline, second
 * callback). Names customers, so the export guard applies.
 */
export const DAILY_REPORT_EXPORT: ListExportDef<typeof DailyReportQuery, DailyReportItem> = {
  path: '/api/daily-report',
  access: 'cases:read',
  query: DailyReportQuery,
  entity: 'daily-report',
  title: { zh: '售后每日工作汇报 AYT-JL-客服-05', en: 'After-sales daily work report AYT-JL-客服-05' },
  personal: true,
  filterLabels: { date: { zh: '日期', en: 'date' } },
  rows: async (db, actor, query) => (await dailyReport(db, actor, query.date)).items,
  columns: [
    { header: { zh: '表单号', en: 'Form no.' }, width: 16, value: (r) => r.formNo },
    { header: { zh: '客户', en: 'Customer' }, width: 12, value: (r) => r.customerName },
    { header: { zh: '问题', en: 'Problem' }, width: 36, value: (r) => r.problem },
    { header: { zh: '录入人', en: 'Entered by' }, width: 10, value: (r) => r.enteredByName },
    { header: { zh: '录入时间', en: 'Entered at' }, width: 17, type: 'datetime', value: (r) => r.enteredAt },
    { header: { zh: '服务顾问', en: 'Service advisor' }, width: 10, value: (r) => r.saName },
    { header: { zh: '反馈期限', en: 'Result due' }, width: 17, type: 'datetime', value: (r) => r.resultDueAt },
    { header: { zh: '处理结果', en: 'Result' }, width: 30, value: (r) => r.result || null },
    { header: { zh: '结果提交时间', en: 'Result at' }, width: 17, type: 'datetime', value: (r) => r.resultAt },
    {
      header: { zh: '二次回访期限', en: 'Second callback due' },
      width: 17,
      type: 'datetime',
      value: (r) => r.secondCallbackDueAt,
    },
    {
      header: { zh: '二次回访时间', en: 'Second callback at' },
      width: 17,
      type: 'datetime',
      value: (r) => r.secondCallbackAt,
    },
    { header: { zh: '客户满意', en: 'Satisfied' }, width: 9, type: 'bool', value: (r) => r.secondCallbackSatisfied },
    {
      header: { zh: '二次回访记录', en: 'Second callback note' },
      width: 30,
      value: (r) => r.secondCallbackNote || null,
    },
  ],
};

/**
 * 待立案 (my dissatisfied responses without a case, SPEC §4.2–§4.5) as Excel: the rows of `GET /api/cases/unhandled`.
 * Names customers, so the export guard applies.
 */
export const UNHANDLED_EXPORT: ListExportDef<typeof UnhandledQuery, UnhandledItem> = {
  path: '/api/cases/unhandled',
  access: 'cases:create',
  query: UnhandledQuery,
  entity: 'cases-unhandled',
  title: { zh: '待立案的不满意问卷', en: 'Dissatisfied responses without a case' },
  personal: true,
  rows: async (db, actor) => (await unhandledResponses(db, actor)).items,
  columns: [
    { header: { zh: '提交时间', en: 'Submitted' }, width: 17, type: 'datetime', value: (r) => r.submittedAt },
    { header: { zh: '客户', en: 'Customer' }, width: 12, value: (r) => r.customerName },
    { header: { zh: '车牌', en: 'Plate' }, width: 11, value: (r) => r.plate },
    {
      header: { zh: '回访类型', en: 'Callback type' },
      width: 16,
      value: (r) => r.taskType,
      labels: labels(TASK_TYPE_LABELS.zh, TASK_TYPE_LABELS.en),
    },
    {
      header: { zh: '不满意项', en: 'Dissatisfied items' },
      width: 40,
      value: (r) => r.openKeys.map((k, i) => r.openLabels[i] ?? k).join('；'),
    },
  ],
};
