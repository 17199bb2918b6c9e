import { z } from 'zod';
import {
  AppealQuery,
  ComplaintQuery,
  PenaltyQuery,
  type Appeal,
  type Complaint,
  type RectificationNotice,
} from '../../../core/contracts/complaints';
import type { ListExportDef } from '../exports/list-export';
import { DEPARTMENT_LABELS } from '../org/org.exports';
import { labels, type Text } from '../exports/list-xlsx';
import { listAppeals } from './appeals.service';
import { listComplaints } from './complaints.service';
import { listPenalties } from './penalties.service';
import { listNotices } from './rectification.service';

/**
 * Complaint registry, rectification notices, penalty ledger (处罚台账) and appeals as Excel (issue 7): each the rows
 * of its JSON list with the same filter. Phones are masked as in the lists; staff and customers are named, so every
 * one goes through the export guard.
 */

export const NoticeQuery = z.object({ status: z.enum(['issued', 'reported', 'closed']).optional() }).strict();
type Penalty = Awaited<ReturnType<typeof listPenalties>>['items'][number];

const LEVELS = labels(
  { grumble: '抱怨', complaint: '投诉', major: '重大投诉' },
  { grumble: 'Grumble', complaint: 'Complaint', major: 'Major complaint' },
);
const ACTIONS = labels(
  { warning: '警告', serious_warning: '严重警告', suspension: '停职', demotion: '降级', dismissal: '开除' },
  {
    warning: 'Warning',
    serious_warning: 'Serious warning',
    suspension: 'Suspension',
    demotion: 'Demotion',
    dismissal: 'Dismissal',
  },
);
const STATUS: Text = { zh: '状态', en: 'Status' };
const staffNames = (s: { name: string }[]) => s.map((x) => x.name).join('、');

export const COMPLAINTS_EXPORT: ListExportDef<typeof ComplaintQuery, Complaint> = {
  path: '/api/complaints',
  access: 'complaints:read',
  query: ComplaintQuery,
  entity: 'complaints',
  title: { zh: '客户抱怨登记', en: 'Complaint registry' },
  personal: true,
  filterLabels: {
    status: STATUS,
    level: { zh: '级别', en: 'level' },
    source: { zh: '来源', en: 'source' },
    department: { zh: '责任部门', en: 'department' },
    overdue: { zh: '仅超期', en: 'overdue' },
    q: { zh: '搜索', en: 'search' },
  },
  rows: async (db, actor, query) => (await listComplaints(db, actor, query)).items,
  columns: [
    { header: { zh: '登记时间', en: 'Registered' }, width: 17, type: 'datetime', value: (r) => r.createdAt },
    {
      header: { zh: '来源', en: 'Source' },
      width: 12,
      value: (r) => r.source,
      labels: labels(
        {
          callback: '回访发现',
          hotline_400: '400 热线',
          hotline_800: '800 热线',
          oem_hotline: '厂家热线',
          forum: '网络论坛',
          walk_in: '到店/其他',
        },
        {
          callback: 'Callback',
          hotline_400: '400 hotline',
          hotline_800: '800 hotline',
          oem_hotline: 'Manufacturer hotline',
          forum: 'Online forum',
          walk_in: 'Walk-in / other',
        },
      ),
    },
    { header: { zh: '级别', en: 'Level' }, width: 10, value: (r) => r.level, labels: LEVELS },
    {
      header: STATUS,
      width: 10,
      value: (r) => r.status,
      labels: labels(
        {
          open: '待处理',
          in_handling: '处理中',
          under_appeal: '申诉中',
          replied: '已回复',
          checked: '已检核',
          void: '已作废',
        },
        {
          open: 'Open',
          in_handling: 'In handling',
          under_appeal: 'Under appeal',
          replied: 'Replied',
          checked: 'Checked',
          void: 'Void',
        },
      ),
    },
    { header: { zh: '客户', en: 'Customer' }, width: 12, value: (r) => r.customerName },
    { header: { zh: '电话', en: 'Phone' }, width: 14, value: (r) => r.customerPhone, group: 'contact' },
    { header: { zh: '抱怨内容', en: 'Description' }, width: 36, value: (r) => r.description },
    { header: { zh: '责任部门', en: 'Department' }, width: 12, value: (r) => r.department, labels: DEPARTMENT_LABELS },
    { header: { zh: '当事人', en: 'Staff' }, width: 14, value: (r) => staffNames(r.staff) },
    { header: { zh: '处理期限', en: 'Due' }, width: 17, type: 'datetime', value: (r) => r.dueAt },
    { header: { zh: '超期', en: 'Overdue' }, width: 8, type: 'bool', value: (r) => r.overdue },
    { header: { zh: '处理结果', en: 'Handling result' }, width: 30, value: (r) => r.handlingResult },
    { header: { zh: '改善措施', en: 'Improvement measures' }, width: 30, value: (r) => r.improvementMeasures },
    { header: { zh: '检核结果', en: 'Check result' }, width: 24, value: (r) => r.checkResult },
    { header: { zh: '检核时间', en: 'Checked' }, width: 17, type: 'datetime', value: (r) => r.checkedAt },
    { header: { zh: '登记人', en: 'Registered by' }, width: 10, value: (r) => r.createdBy },
  ],
};

export const NOTICES_EXPORT: ListExportDef<typeof NoticeQuery, RectificationNotice> = {
  path: '/api/rectification-notices',
  access: 'complaints:read',
  query: NoticeQuery,
  entity: 'rectification-notices',
  title: { zh: '整改通知单', en: 'Rectification notices' },
  personal: true,
  filterLabels: { status: STATUS },
  rows: async (db, actor, query) => (await listNotices(db, actor, query.status)).items,
  columns: [
    { header: { zh: '下发时间', en: 'Issued' }, width: 17, type: 'datetime', value: (r) => r.issuedAt },
    { header: { zh: '抱怨内容', en: 'Complaint' }, width: 32, value: (r) => r.complaintDescription },
    { header: { zh: '直接责任人', en: 'Responsible' }, width: 14, value: (r) => r.responsible },
    { header: { zh: '相关部门领导', en: 'Related leaders' }, width: 14, value: (r) => r.relatedLeaders },
    {
      header: { zh: '纪律处分', en: 'Disciplinary action' },
      width: 12,
      value: (r) => r.disciplinaryAction,
      labels: ACTIONS,
    },
    { header: { zh: '重大损失', en: 'Major loss' }, width: 9, type: 'bool', value: (r) => r.majorLoss },
    {
      header: { zh: '扣绩效', en: 'Performance pay deducted' },
      width: 9,
      type: 'bool',
      value: (r) => r.deductPerformancePay,
    },
    { header: { zh: '整改要求', en: 'Requirements' }, width: 32, value: (r) => r.requirements },
    { header: { zh: '整改期限', en: 'Due' }, width: 17, type: 'datetime', value: (r) => r.dueAt },
    { header: { zh: '超期', en: 'Overdue' }, width: 8, type: 'bool', value: (r) => r.overdue },
    {
      header: STATUS,
      width: 10,
      value: (r) => r.status,
      labels: labels(
        { issued: '已下发', reported: '已反馈', closed: '已关闭' },
        { issued: 'Issued', reported: 'Reported', closed: 'Closed' },
      ),
    },
    { header: { zh: '整改结果', en: 'Result' }, width: 30, value: (r) => r.result },
    { header: { zh: '情况说明', en: 'Explanation' }, width: 24, value: (r) => r.explanation },
    { header: { zh: '下发人', en: 'Issued by' }, width: 10, value: (r) => r.issuedBy },
    { header: { zh: '关闭时间', en: 'Closed' }, width: 17, type: 'datetime', value: (r) => r.closedAt },
  ],
};

export const PENALTIES_EXPORT: ListExportDef<typeof PenaltyQuery, Penalty> = {
  path: '/api/penalties',
  access: 'penalties:propose',
  query: PenaltyQuery,
  entity: 'penalties',
  title: { zh: '处罚台账', en: 'Penalty ledger' },
  personal: true,
  filterLabels: {
    status: STATUS,
    staffId: { zh: '员工', en: 'staff' },
    periodKey: { zh: '期间', en: 'period' },
  },
  rows: async (db, actor, query) => (await listPenalties(db, actor, query)).items,
  columns: [
    { header: { zh: '提出时间', en: 'Proposed' }, width: 17, type: 'datetime', value: (r) => r.proposedAt },
    { header: { zh: '员工', en: 'Staff' }, width: 10, value: (r) => r.staff.name },
    {
      header: { zh: '部门', en: 'Department' },
      width: 12,
      value: (r) => r.staff.department,
      labels: DEPARTMENT_LABELS,
    },
    { header: { zh: '岗位', en: 'Position' }, width: 12, value: (r) => r.staff.position },
    { header: { zh: '抱怨级别', en: 'Complaint level' }, width: 10, value: (r) => r.complaintLevel, labels: LEVELS },
    { header: { zh: '抱怨内容', en: 'Complaint' }, width: 30, value: (r) => r.complaintDescription },
    { header: { zh: '期间', en: 'Period' }, width: 9, value: (r) => r.periodKey },
    { header: { zh: '第几次', en: 'Offence no.' }, width: 7, type: 'number', value: (r) => r.offenceNo },
    { header: { zh: '罚款（元）', en: 'Fine (yuan)' }, width: 11, type: 'money', value: (r) => r.amountFen },
    { header: { zh: '倍数', en: 'Multiplier' }, width: 7, type: 'number', value: (r) => r.multiplier },
    {
      header: { zh: '纪律处分', en: 'Disciplinary action' },
      width: 12,
      value: (r) => r.disciplinaryAction,
      labels: ACTIONS,
    },
    {
      header: { zh: '扣绩效', en: 'Performance pay deducted' },
      width: 9,
      type: 'bool',
      value: (r) => r.deductPerformancePay,
    },
    { header: { zh: '辞退', en: 'Dismissal' }, width: 7, type: 'bool', value: (r) => r.dismissal },
    { header: { zh: '处罚依据', en: 'Reason' }, width: 30, value: (r) => r.reason },
    { header: { zh: '规则版本', en: 'Rule version' }, width: 8, type: 'number', value: (r) => r.ruleVersion },
    {
      header: STATUS,
      width: 9,
      value: (r) => r.status,
      labels: labels(
        { proposed: '待审批', approved: '已生效', rejected: '已驳回', void: '已作废' },
        { proposed: 'Proposed', approved: 'In effect', rejected: 'Rejected', void: 'Void' },
      ),
    },
    { header: { zh: '提出人', en: 'Proposed by' }, width: 10, value: (r) => r.proposedBy },
    { header: { zh: '审批人', en: 'Decided by' }, width: 10, value: (r) => r.decidedBy },
    { header: { zh: '审批时间', en: 'Decided' }, width: 17, type: 'datetime', value: (r) => r.decidedAt },
  ],
};

export const APPEALS_EXPORT: ListExportDef<typeof AppealQuery, Appeal> = {
  path: '/api/appeals',
  access: 'complaints:handle',
  query: AppealQuery,
  entity: 'appeals',
  title: { zh: '处罚申诉', en: 'Appeals' },
  personal: true,
  filterLabels: { status: STATUS },
  rows: async (db, actor, query) => (await listAppeals(db, actor, query)).items,
  columns: [
    { header: { zh: '提交时间', en: 'Submitted' }, width: 17, type: 'datetime', value: (r) => r.submittedAt },
    { header: { zh: '员工', en: 'Staff' }, width: 10, value: (r) => r.staff.name },
    {
      header: { zh: '部门', en: 'Department' },
      width: 12,
      value: (r) => r.staff.department,
      labels: DEPARTMENT_LABELS,
    },
    { header: { zh: '申诉人', en: 'Appellant' }, width: 10, value: (r) => r.appellant },
    { header: { zh: '抱怨级别', en: 'Complaint level' }, width: 10, value: (r) => r.complaintLevel, labels: LEVELS },
    { header: { zh: '抱怨内容', en: 'Complaint' }, width: 30, value: (r) => r.complaintDescription },
    { header: { zh: '申诉理由', en: 'Reason' }, width: 30, value: (r) => r.reason },
    {
      header: STATUS,
      width: 12,
      value: (r) => r.status,
      labels: labels(
        { submitted: '待部门主管', forwarded: '待总经理裁决', upheld: '申诉成立', rejected: '申诉不成立' },
        {
          submitted: 'With the department head',
          forwarded: 'Awaiting GM ruling',
          upheld: 'Upheld',
          rejected: 'Rejected',
        },
      ),
    },
    { header: { zh: '主管意见', en: 'Head note' }, width: 24, value: (r) => r.headNote },
    { header: { zh: '转交人', en: 'Forwarded by' }, width: 10, value: (r) => r.forwardedBy },
    { header: { zh: '裁决', en: 'Ruling' }, width: 24, value: (r) => r.rulingStatement },
    { header: { zh: '裁决人', en: 'Ruled by' }, width: 10, value: (r) => r.ruledBy },
    { header: { zh: '裁决时间', en: 'Ruled' }, width: 17, type: 'datetime', value: (r) => r.ruledAt },
  ],
};
