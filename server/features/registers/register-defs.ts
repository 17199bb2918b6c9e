import type { RegisterKind, RegisterRow } from '../../../core/contracts/registers';

/**
 * What each register holds and how its paper form looks (SPEC §3.13, §3.29). The column set follows what
 * the sources say is recorded: the customer and vehicle pre-filled from the repair order or sale
 * (002 ¶15–¶16), the result of the call, the satisfaction and the problems found (000 §4.2.2, §4.5.2).
 */

export interface RegisterColumn {
  header: string;
  width: number;
  value: (r: RegisterRow, index: number) => string | number | null;
}

export interface RegisterDef {
  kind: RegisterKind;
  /** Form code on the paper form (表格编号), when the sources give one. */
  code: string | null;
  title: string;
  taskTypes: readonly string[];
  /** On-site responses of this business line that have no task belong to the register as well. */
  taskFreeBusinessLine?: 'after_sales' | 'sales';
  columns: RegisterColumn[];
}

const STATUS_ZH: Record<string, string> = {
  PENDING: '待回访',
  APPOINTMENT: '约定时间',
  SUCCESS: '回访成功',
  REFUSED: '拒绝回访',
  CONTACT_INVALID: '联系方式不正确',
  EXCLUDED: '不回访',
  DUPLICATE: '重复台次',
  CLOSED: '已关闭',
};
const OUTCOME_ZH: Record<string, string> = {
  no_answer: '无人接听',
  busy: '忙碌',
  appointment: '约定时间',
  refused: '拒绝回访',
  wrong_number: '号码错误',
  wrong_person: '非本人',
  completed: '接通完成',
};

/** The call's result as the paper form says it: the task status, with the last outcome when still open. */
export function resultText(r: Pick<RegisterRow, 'taskStatus' | 'lastOutcome'>): string {
  const status = r.taskStatus ? (STATUS_ZH[r.taskStatus] ?? r.taskStatus) : '';
  const open = r.taskStatus === 'PENDING' || r.taskStatus === 'APPOINTMENT';
  const last = r.lastOutcome ? (OUTCOME_ZH[r.lastOutcome] ?? r.lastOutcome) : '';
  return open && last && last !== status ? `${status}（${last}）` : status;
}

export const satisfactionText = (s: boolean | null) => (s === null ? '' : s ? '满意' : '不满意');

const shortDateTime = (iso: string | null, timeZone: string) =>
  iso
    ? new Intl.DateTimeFormat('sv-SE', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      }).format(new Date(iso))
    : null;

function common(timeZone: string) {
  const col = (header: string, width: number, value: RegisterColumn['value']): RegisterColumn => ({
    header,
    width,
    value,
  });
  return {
    no: col('序号', 6, (_r, i) => i + 1),
    calledAt: col('回访时间', 17, (r) => shortDateTime(r.calledAt, timeZone)),
    customer: col('客户姓名', 10, (r) => r.customerName),
    phone: col('联系电话', 14, (r) => r.phone),
    plate: col('车牌号', 11, (r) => r.plate),
    model: col('车型', 12, (r) => r.model),
    result: col('回访结果', 14, (r) => resultText(r)),
    score: col('得分', 7, (r) => r.score),
    satisfied: col('满意度', 8, (r) => satisfactionText(r.satisfied)),
    problems: col('不满意项目及原因', 34, (r) => r.dissatisfiedItems.join('；')),
    faq: col('FAQ答复', 22, (r) => r.faqAnswers.join('；')),
    praise: col('表扬/肯定', 18, (r) => r.praise),
    note: col('备注', 20, (r) => r.note),
    agent: col('回访人', 10, (r) => r.agentName),
  };
}

function afterSalesColumns(timeZone: string): RegisterColumn[] {
  const c = common(timeZone);
  return [
    c.no,
    c.calledAt,
    c.customer,
    c.phone,
    c.plate,
    c.model,
    { header: '维修委托书号', width: 18, value: (r) => r.orderNumber },
    { header: '结算日期', width: 11, value: (r) => r.orderDate },
    { header: '维修类型', width: 10, value: (r) => r.repairType },
    { header: '维修金额(元)', width: 11, value: (r) => r.amount },
    { header: '服务顾问', width: 10, value: (r) => r.staffName },
    c.result,
    c.score,
    c.satisfied,
    c.problems,
    c.faq,
    c.praise,
    c.note,
    c.agent,
  ];
}

function salesColumns(timeZone: string): RegisterColumn[] {
  const c = common(timeZone);
  return [
    c.no,
    c.calledAt,
    c.customer,
    c.phone,
    c.model,
    { header: 'VIN', width: 19, value: (r) => r.vin },
    { header: '购车日期', width: 11, value: (r) => r.orderDate },
    { header: '交车日期', width: 11, value: (r) => r.deliveryDate },
    { header: '销售顾问', width: 10, value: (r) => r.staffName },
    c.result,
    c.score,
    c.satisfied,
    c.problems,
    c.faq,
    c.praise,
    c.note,
    c.agent,
  ];
}

const AFTER_SALES_PHONE_TYPES = [
  'AS_PHONE',
  'SPECIAL_6M_ABSENT',
  'SPECIAL_MAJOR_COMPLAINT',
  'SPECIAL_REWORK',
  'SPECIAL_QUALITY_TRACKING',
  'SPOTCHECK_RESCUE',
] as const;

export function registerDef(kind: RegisterKind, timeZone: string): RegisterDef {
  switch (kind) {
    case 'aftersales-onsite':
      return {
        kind,
        code: 'AYT-JL-客服-02',
        title: '售后现场满意度调查登记表',
        taskTypes: ['AS_ONSITE'],
        // an on-site survey given at the counter without a task (a walk-in whose order is not imported yet)
        taskFreeBusinessLine: 'after_sales',
        columns: afterSalesColumns(timeZone),
      };
    case 'sales-callback':
      return {
        kind,
        code: 'AYT-JL-客服-09',
        title: '销售客户满意度回访登记表',
        taskTypes: ['SALES_PHONE'],
        columns: salesColumns(timeZone),
      };
    case 'aftersales-phone':
      return {
        kind,
        code: null,
        title: '售后电话回访登记表',
        taskTypes: AFTER_SALES_PHONE_TYPES,
        columns: afterSalesColumns(timeZone),
      };
  }
}
