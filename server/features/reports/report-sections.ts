import type { ReportKind } from '../../../core/contracts/reports';

/**
 * A report as the paper form lays it out: titled sections of a header row and rows. The same sections feed the
 * Excel file and the printable A4 page, so both show the same numbers. Rates are fractions (0.875), as the KPI API.
 */
export type Cell = string | number | null;
export interface Section {
  title: string;
  columns: string[];
  rows: Cell[][];
}

export const REPORT_FORMS: Record<ReportKind, { code: string; title: string }> = {
  daily_aftersales: { code: 'AYT-JL-客服-05', title: '售后每日工作汇报' },
  daily_sales: { code: 'AYT-JL-客服-07', title: '销售日报表' },
  monthly_sales: { code: 'AYT-JL-客服-10', title: '每月销售工作报告' },
  monthly_aftersales: { code: 'AYT-JL-客服-10', title: '每月售后工作报告' },
  quarterly_complaints: { code: 'AYT-JL-客服-11', title: '用户抱怨季度报告' },
};

type Rec = Record<string, unknown>;
const list = (v: unknown): Rec[] => (Array.isArray(v) ? (v as Rec[]) : []);
const cell = (v: unknown): Cell => (v === null || v === undefined ? null : typeof v === 'number' ? v : String(v));
const day = (v: unknown) => (typeof v === 'string' ? v.slice(0, 16).replace('T', ' ') : null);
const REASONS: Record<string, string> = { wrong_number: '号码错误', attempt_limit: '三次未接通' };

function wrongContacts(data: Rec): Section {
  return {
    title: '客户联系信息错误（3次联系失败或号码错误）',
    columns: ['序号', '客户', '电话', '原因', '转交', '登记时间', '已更正'],
    rows: list(data.wrongContacts).map((w, i) => [
      i + 1,
      cell(w.customerName),
      cell(w.phone),
      REASONS[String(w.reason)] ?? cell(w.reason),
      cell(w.staffName),
      day(w.createdAt),
      w.fixedAt ? '是' : '否',
    ]),
  };
}

function dailyAftersales(data: Rec): Section[] {
  const items: Section = {
    title: '电话回访中不严重且涉及售后部门的问题',
    columns: ['序号', '工单', '客户', '问题', '录入人', '录入时间', '服务顾问', '处理结果', '二次回访'],
    rows: list(data.items).map((r, i) => [
      i + 1,
      cell(r.formNo),
      cell(r.customerName),
      cell(r.problem),
      cell(r.enteredByName),
      day(r.enteredAt),
      cell(r.saName),
      cell(r.result),
      r.secondCallbackSatisfied === null || r.secondCallbackSatisfied === undefined
        ? null
        : r.secondCallbackSatisfied
          ? '满意'
          : '不满意',
    ]),
  };
  return [wrongContacts(data), items];
}

function dailySales(data: Rec): Section[] {
  const problems: Section = {
    title: '当日工作中发现的问题',
    columns: ['序号', '工单', '客户', '问题', '严重程度', '状态', '时间'],
    rows: list(data.problems).map((r, i) => [
      i + 1,
      cell(r.formNo),
      cell(r.customerName),
      cell(r.problem),
      r.severity === 'severe' ? '严重' : '一般',
      cell(r.status),
      day(r.createdAt),
    ]),
  };
  return [problems, wrongContacts(data)];
}

const KPI_LINES: [string, string][] = [
  ['repairCallbackRate', '维修回访率'],
  ['salesCallbackRate', '销售回访率'],
  ['coverage', '回访覆盖率'],
  ['callbackValidity', '回访有效率'],
  ['surveyValidity', '调查有效率'],
  ['satisfactionScore', '满意度得分'],
  ['satisfactionRate', '满意率'],
  ['firstTimeResolution', '一次解决率'],
  ['closureHoursMean', '平均关闭时长（小时）'],
  ['overdue', '超时工单'],
];

function monthly(data: Rec): Section[] {
  const kpi = (data.kpi ?? {}) as Rec;
  const counts = (kpi.counts ?? {}) as Rec;
  const rateRows = KPI_LINES.map(([k, label]) => [label, cell(kpi[k])]);
  const channels: Section = {
    title: '现场与电话调查',
    columns: ['渠道', '问卷数', '平均得分', '满意', '不满意'],
    rows: list(data.channels).map((c) => [
      cell(c.channel),
      cell(c.responses),
      cell(c.score),
      cell(c.satisfied),
      cell(c.dissatisfied),
    ]),
  };
  const recurring: Section = {
    title: '规律性问题（按出现次数排序）',
    columns: ['排名', '维度', '问题', '次数', '占比'],
    rows: list(data.recurring).map((p) => [
      cell(p.rank),
      cell(p.dimension),
      cell(p.label),
      cell(p.count),
      cell(p.share),
    ]),
  };
  const capa: Section = {
    title: '纠正与预防措施',
    columns: ['部门', '问题', '措施', '状态'],
    rows: list(data.capa).map((c) => [cell(c.department), cell(c.description), cell(c.measures), cell(c.status)]),
  };
  return [
    {
      title: '回访与满意度指标',
      columns: ['指标', '数值'],
      rows: [
        ...rateRows,
        ['问卷数', cell(counts.responses ?? 0)],
        ['回访应访数', cell(counts.due ?? 0)],
        ['回访成功数', cell(counts.success ?? 0)],
      ],
    },
    channels,
    recurring,
    capa,
  ];
}

function quarterly(data: Rec): Section[] {
  const tally = (title: string, v: unknown): Section => ({
    title,
    columns: ['分类', '件数'],
    rows: Object.entries((v ?? {}) as Record<string, number>).map(([k, n]) => [k || '（未定）', n]),
  });
  return [
    { title: '合计', columns: ['抱怨总数'], rows: [[cell(data.total)]] },
    tally('按来源', data.bySource),
    tally('按级别', data.byLevel),
    tally('按责任部门', data.byDepartment),
    tally('按状态', data.byStatus),
    {
      title: '抱怨明细',
      columns: ['序号', '日期', '客户', '电话', '来源', '级别', '部门', '内容', '处理结果', '状态'],
      rows: list(data.complaints).map((c, i) => [
        i + 1,
        day(c.createdAt),
        cell(c.customerName),
        cell(c.customerPhone),
        cell(c.source),
        cell(c.level),
        cell(c.department),
        cell(c.description),
        cell(c.handlingResult),
        cell(c.status),
      ]),
    },
  ];
}

export function reportSections(kind: ReportKind, data: Rec): Section[] {
  if (kind === 'daily_aftersales') return dailyAftersales(data);
  if (kind === 'daily_sales') return dailySales(data);
  if (kind === 'quarterly_complaints') return quarterly(data);
  return monthly(data);
}
