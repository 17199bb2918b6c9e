/**
 * Complaint slip (客户抱怨单) life cycle, WF-8 (SPEC §4.8, §3.10; P-FTMS `003 §五.1`). Pure.
 *
 * Levels (SPEC §1.3, `001 注1–注3`, §9.2 C40): a grumble (顾客抱怨) is "the most common expression of low
 * satisfaction"; a formal complaint (顾客投诉) is "the strongest expression … the customer takes it to the
 * highest level" (the GM or above, the manufacturer, government or social bodies). `major` is the "major
 * grumble (重大抱怨)" of the special callbacks (`002 ¶15`) and the manufacturer-hotline complaint with a major
 * loss (WF-9); which complaints count as major is the CR department's call (C40).
 */
import type { Role } from '../permissions';

export const COMPLAINT_LEVELS = ['grumble', 'complaint', 'major'] as const;
export type ComplaintLevel = (typeof COMPLAINT_LEVELS)[number];
export const COMPLAINT_SOURCES = ['callback', 'hotline_400', 'hotline_800', 'oem_hotline', 'forum', 'walk_in'] as const;
export type ComplaintSource = (typeof COMPLAINT_SOURCES)[number];
/** SPEC §3.10 "status: open / under appeal / void / in handling / replied / checked". */
export const COMPLAINT_STATUSES = ['open', 'in_handling', 'under_appeal', 'replied', 'checked', 'void'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export type ComplaintAction =
  | 'start' // the department head takes it on
  | 'reply' // handling result + improvement measures replied to CR (§4.8 step 4)
  | 'check' // CR checks the result (检核, step 5)
  | 'appeal' // the person concerned appeals (step 3)
  | 'appeal_upheld' // the GM voids the slip (signature required)
  | 'appeal_rejected'; // handled immediately

const TRANSITIONS: Record<ComplaintAction, { from: readonly ComplaintStatus[]; to: ComplaintStatus }> = {
  start: { from: ['open'], to: 'in_handling' },
  reply: { from: ['open', 'in_handling'], to: 'replied' },
  check: { from: ['replied'], to: 'checked' },
  appeal: { from: ['open', 'in_handling', 'replied', 'checked'], to: 'under_appeal' },
  appeal_upheld: { from: ['under_appeal'], to: 'void' },
  appeal_rejected: { from: ['under_appeal'], to: 'in_handling' },
};

/** The status after `action`, or null when the action is not allowed in `status`. */
export function nextComplaintStatus(status: string, action: ComplaintAction): ComplaintStatus | null {
  const t = TRANSITIONS[action];
  return (t.from as readonly string[]).includes(status) ? t.to : null;
}

/**
 * Where a slip goes when the GM rejects the appeal: "the complaint shall be handled immediately" — an
 * unhandled slip goes to handling; one already replied or checked (the appeal was against the penalty) returns.
 */
export function statusAfterRejectedAppeal(before: string): ComplaintStatus {
  return before === 'replied' || before === 'checked' ? before : 'in_handling';
}

/** Still waiting for the department's handling result. */
export const isHandlingOpen = (status: string) => status === 'open' || status === 'in_handling';

/** Each director or head answers for their own department (部门主管, SPEC §2.2); the GM for every one. */
const DEPARTMENT_HEAD: Partial<Record<Role, string>> = {
  aftersales_director: 'after_sales',
  sales_director: 'sales',
  cs_supervisor: 'customer_service',
  quality: 'quality',
};

export function managesDepartment(roles: readonly Role[], department: string | null): boolean {
  return roles.some((r) => r === 'gm' || (department !== null && DEPARTMENT_HEAD[r] === department));
}

/** The roles that head a department (notification recipients); the GM heads management and "other". */
export function headRolesOf(department: string | null): Role[] {
  const heads = (Object.entries(DEPARTMENT_HEAD) as [Role, string][]).filter(([, d]) => d === department);
  return heads.length > 0 ? heads.map(([r]) => r) : ['gm'];
}

/** Hotline categories (SPEC §3.24): a difficult problem or a complaint needs the details and a reply time. */
export const HOTLINE_CATEGORIES = ['enquiry', 'difficult', 'grumble', 'complaint'] as const;
export type HotlineCategory = (typeof HOTLINE_CATEGORIES)[number];

/**
 * "If a reply time was promised, the customer must be answered within that time" (WF-10 step 4, `001 L57`):
 * kept = replied no later than promised; null while still open and not yet due, or when nothing was promised.
 */
export function promiseKept(promisedAt: Date | null, repliedAt: Date | null, now: Date): boolean | null {
  if (!promisedAt) return null;
  if (repliedAt) return repliedAt.getTime() <= promisedAt.getTime();
  return now.getTime() > promisedAt.getTime() ? false : null;
}

/** The complaint level a hotline call becomes by default (a grumble stays a grumble). */
export function levelForHotline(category: HotlineCategory): ComplaintLevel {
  return category === 'complaint' ? 'complaint' : 'grumble';
}

/** The text a GM signs when ruling on an appeal (hashed into the signature record, SPEC §8.5). */
export function signedStatement(input: {
  appealId: string;
  complaintId: string;
  upheld: boolean;
  statement: string;
  signerName: string;
  signedAt: string;
}): string {
  const verdict = input.upheld ? 'UPHELD: the complaint slip is void' : 'REJECTED: the complaint is to be handled';
  return [
    `appeal ${input.appealId}`,
    `complaint ${input.complaintId}`,
    verdict,
    `statement: ${input.statement}`,
    `signed by ${input.signerName} at ${input.signedAt}`,
  ].join('\n');
}
