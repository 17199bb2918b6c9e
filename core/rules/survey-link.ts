/**
 * Pure rules of the mobile survey link (手机问卷, SPEC §1.5 P-GEN) and the on-site survey (WF-1, WF-3):
 * what a link's state is, what of the customer the public page may show (SPEC §8.3: only the given name),
 * the default privacy notice and SMS text, and which questionnaire an on-site task uses (SPEC §7.1).
 */

export type LinkState = 'live' | 'used' | 'expired' | 'revoked';

export interface LinkTimes {
  usedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date;
}

/** Used wins over revoked and expired (the customer answered); then revoked; then the clock. */
export function linkState(l: LinkTimes, now: Date): LinkState {
  if (l.usedAt) return 'used';
  if (l.revokedAt) return 'revoked';
  return l.expiresAt.getTime() <= now.getTime() ? 'expired' : 'live';
}

/** Two-character surnames (复姓) common enough to matter; every other Chinese surname is one character. */
const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '诸葛',
  '上官',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '轩辕',
  '令狐',
  '端木',
  '南宫',
  '西门',
];

const CJK = /^[\p{Script=Han}·]+$/u;

/**
 * The given name (名) of a person's name, or null when there is none to show: "王小明" → "小明",
 * "欧阳娜娜" → "娜娜", "John Smith" → "John". Names longer than 4 Chinese characters are most likely a
 * company (fleet or B2B customer) and give null, as do single characters and empty names.
 */
export function firstNameOf(name: string | null | undefined): string | null {
  const n = (name ?? '').trim();
  if (!n) return null;
  if (CJK.test(n)) {
    if (n.includes('·')) return n.split('·')[0] || null;
    if (n.length < 2 || n.length > 4) return null;
    const surname = COMPOUND_SURNAMES.find((s) => n.startsWith(s) && n.length > s.length) ?? n[0]!;
    return n.slice(surname.length) || null;
  }
  const first = n.split(/\s+/)[0] ?? '';
  return /^[\p{L}'-]{1,30}$/u.test(first) ? first : null;
}

/**
 * The notice shown before the first question (SPEC §8.3; PIPL art. 17: who processes, purpose, retention,
 * how to withdraw). Each dealer may replace it with its own text.
 */
export function defaultPrivacyNotice(dealerName: string): string {
  return [
    `${dealerName}（以下简称“本店”）邀请您参加本次客户满意度调查。`,
    '用途：您填写的评价只用于了解您对本次服务的满意程度、改进我们的服务，并与您在本店的服务记录关联；不用于营销，不向第三方提供（法律法规另有规定的除外）。',
    '保存：调查结果按本店客户满意度调查记录管理规定保存，仅授权的客服人员可以查看。',
    '撤回：填写与否完全自愿。您可以随时点击页面下方的“不再联系我”，此后本店不再就满意度回访联系您；也可以致电本店客户服务中心撤回。',
  ].join('\n');
}

export const DEFAULT_SMS_TEMPLATE =
  '{dealer}：{name}您好，感谢您的光临，请花1分钟评价本次服务：{link} 不想再收到回访可在页面中选择“不再联系我”。';

/** Fills the SMS template. `{name}` becomes the given name, or nothing. */
export function renderSms(
  template: string | null,
  v: { dealer: string; link: string; firstName: string | null },
): string {
  return (template ?? DEFAULT_SMS_TEMPLATE)
    .replaceAll('{dealer}', v.dealer)
    .replaceAll('{name}', v.firstName ?? '')
    .replaceAll('{link}', v.link);
}

/** SPEC §7.1: AYT-JL-客服-01 after-sales on-site, AYT-JL-客服-06 sales on-site. */
export const ONSITE_QUESTIONNAIRE_CODES = {
  AS_ONSITE: 'AYT-JL-客服-01',
  SALES_ONSITE: 'AYT-JL-客服-06',
} as const;

/** Which business line a task type surveys (for picking a questionnaire when the task names none). */
export function businessLineOf(taskType: string): 'sales' | 'after_sales' | null {
  if (taskType.startsWith('SALES_')) return 'sales';
  if (taskType.startsWith('AS_') || taskType.startsWith('SPECIAL_') || taskType === 'SPOTCHECK_RESCUE')
    return 'after_sales';
  return null;
}

/** A phone shown to staff in delivery lists: 138****1234. */
export function phoneHint(phone: string): string {
  const d = phone.replace(/\D/g, '');
  return d.length >= 7 ? `${d.slice(0, 3)}****${d.slice(-4)}` : '****';
}
