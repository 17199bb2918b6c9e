/**
 * The call script (SPEC §7.6, §4.11, §4.1 respondent rule): templates with placeholders, the preset each
 * dealer starts from, and the "never ask" phrases the editor refuses. Pure: no I/O, no clock.
 */

export type ScriptLine = 'after_sales' | 'sales';

export interface ScriptTemplate {
  greeting: string;
  identityCheck: string;
  closing: string;
  hints: string[];
}

export const PLACEHOLDERS = [
  'dealer',
  'agent',
  'customer',
  'title',
  'date',
  'repairType',
  'model',
  'orderNumber',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type ScriptValues = Partial<Record<Placeholder, string | null>>;

/** What a placeholder becomes when the data is missing: visible, so the agent fills it in by voice. */
export const MISSING = '___';

/** Replaces {placeholder}s; unknown names stay as written, missing values become MISSING. */
export function fillTemplate(template: string, values: ScriptValues): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) return whole;
    const v = values[name as Placeholder];
    return v && v.trim() ? v.trim() : MISSING;
  });
}

/** 先生 / 女士 from the customer's gender; both when unknown (SPEC §7.6 "xx先生/女士"). */
export function customerTitle(gender: string | null | undefined): string {
  if (gender === 'male') return '先生';
  if (gender === 'female') return '女士';
  return '先生/女士';
}

/**
 * SPEC §7.4: "Never ask (千万别问): 车辆还有什么问题 … It may make the customer doubt the repair. The script
 * editor shall block or warn on this phrase." Matching ignores spaces and punctuation.
 */
export const NEVER_ASK = ['车辆还有什么问题', '车还有什么问题', '还有什么问题吗'] as const;

export function neverAskFound(text: string): string[] {
  const flat = text.replace(/[\s，,。.！!？?、“”"']/g, '');
  return NEVER_ASK.filter((p) => flat.includes(p));
}

/** The principles of SPEC §7.6 and §4.11 as reminders beside the script (P-DPCA ¶16, P-SQJ L67–73). */
const COMMON_HINTS = [
  '客户提出疑问时不要解释：告诉客户已经记录下来，征得客户同意后再回电。',
  '客户没有时间或不方便：立即停止，约定方便的时间再继续。',
  '客户留的是手机：询问附近是否有固定电话，改用固定电话回拨。',
  '让客户畅所欲言，不要打断；语速不要太快，不要显得匆忙；语音友善、热情、自然。',
  '记录客户的表扬和肯定的评语。',
  '结束时感谢客户，尽量让客户先挂机。',
];

/** The preset scripts (SPEC §7.6 greeting, verbatim with its placeholders; §4.1 identity check). */
export const PRESET_SCRIPTS: Record<ScriptLine, ScriptTemplate> = {
  after_sales: {
    greeting:
      '您好！我是{dealer}客户关系顾问{agent}，您是{customer}{title}吗？{date}您的车到我处进行过{repairType}维修，我厂（站）委托我打电话给您，对您光临我站表示感谢，如果您有时间的话，我们想对您进行电话回访？',
    identityCheck:
      '确认接听人是直接接受本次维修服务的人或车辆的实际车主；不是本人时不做问卷，选择“非本人”。说明身份，让客户不紧张。',
    closing: '感谢您对我们工作的支持，祝您用车愉快！再见。',
    hints: ['千万别问“车辆还有什么问题”：会让客户怀疑维修质量。', '问车辆离厂后的使用情况。', ...COMMON_HINTS],
  },
  sales: {
    greeting:
      '您好！我是{dealer}客服专员{agent}，您是{customer}{title}吗？感谢您{date}在我店购买{model}，占用您几分钟时间，想对您进行电话回访，您现在方便吗？',
    identityCheck: '确认接听人是购车客户本人或车辆的实际车主；不是本人时不做问卷，选择“非本人”。',
    closing: '感谢您选择我们，祝您用车愉快！再见。',
    hints: ['回访覆盖整个购车过程：展厅、销售顾问、车辆介绍、交车服务。', ...COMMON_HINTS],
  },
};

export function renderScript(t: ScriptTemplate, values: ScriptValues): ScriptTemplate {
  return {
    greeting: fillTemplate(t.greeting, values),
    identityCheck: fillTemplate(t.identityCheck, values),
    closing: fillTemplate(t.closing, values),
    hints: t.hints.map((h) => fillTemplate(h, values)),
  };
}

/** Which script a task type uses: sales for the sale flows, after-sales otherwise. */
export function scriptLineOf(taskType: string, sourceKind: string): ScriptLine {
  return taskType.startsWith('SALES_') || sourceKind === 'sale' ? 'sales' : 'after_sales';
}
