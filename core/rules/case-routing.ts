/**
 * Dissatisfaction routing and the closed-loop deadlines (客户不满意问题跟踪解决表 AYT-JL-客服-03, SPEC §4.2–§4.7
 * WF-6/WF-7, §8.4, §9.2 C5–C7). Pure: the caller passes the dealer's rules, calendar and `now`; every deadline
 * comes from core/rules/calendar.ts (sameDayCutoff, deadlineAfter), the only place deadlines are computed.
 */
import type {
  CaseChannel,
  CaseDepartment,
  CasePath,
  CaseRules,
  CaseStep,
  RequestedPath,
  Severity,
} from '../contracts/cases';
import { atLocal, deadlineAfter, nextWorkingDay, sameDayCutoff, toLocal, type WorkCalendar } from './calendar';
import { allowedPaths, lineOf } from './case-paths';

export { allowedPaths, channelOfTaskType, lineOf, type Line } from './case-paths';

/** SPEC presets (P-AYT, `000 §4.2–§4.7`) and the (D) defaults where the sources are silent. */
export const DEFAULT_CASE_RULES: CaseRules = {
  formCutoff: '17:00',
  afterCutoff: 'next-working-day-cutoff',
  trackingFormWhen: 'severe_or_other_department',
  lineRecipients: { after_sales: ['aftersales_director'], sales: ['sales_director'] },
  departmentRoles: {
    after_sales: ['aftersales_director'],
    sales: ['sales_director'],
    quality: ['quality'],
    management: ['gm'],
    other: ['gm'],
  },
  replyWorkingDays: 1,
  replyWorkingHours: 0,
  returnWorkingDays: 1,
  secondCallbackWorkingDays: 1,
  dailyReportWorkingDays: 1,
  escalation: { agentSupervisorRoles: ['cs_supervisor'], finalRoles: ['gm'], finalAfterWorkingHours: 4, afterLoops: 2 },
};

/**
 * §4.3 step 4 (after-sales phone): "not severe and concerning the after-sales service department → 《售后每日工作汇报》;
 * severe, or concerning another department → AYT-JL-客服-03" (C6 default: form if severe OR another department).
 */
export function needsTrackingForm(rules: CaseRules, severity: Severity, department: CaseDepartment): boolean {
  const severe = severity === 'severe';
  const other = department !== 'after_sales';
  switch (rules.trackingFormWhen) {
    case 'severe_or_other_department':
      return severe || other;
    case 'severe_only':
      return severe;
    case 'other_department_only':
      return other;
    case 'always':
      return true;
  }
}

export interface Routing {
  path: CasePath;
  /** Roles that receive the form (director and/or the relevant department manager); [] for path a/b. */
  recipientRoles: string[];
}

/**
 * Where a dissatisfaction goes. Form recipients: the line's director (§4.2.3c after-sales director, §4.4.3c /
 * §4.5.4b sales director) plus, when the problem concerns another department, that department's manager roles
 * (§4.3.3b "the after-sales service director and the relevant department manager"; (D) for every channel).
 * A daily-report item goes to the service advisor (§4.3.2), named by the caller.
 */
export function routeCase(
  rules: CaseRules,
  input: { channel: CaseChannel; path: RequestedPath; severity: Severity; department: CaseDepartment },
): Routing {
  if (!allowedPaths(input.channel).includes(input.path))
    throw new RangeError(`path ${input.path} is not offered on channel ${input.channel}`);
  if (input.path !== 'follow_up') return { path: input.path, recipientRoles: [] };
  if (input.channel === 'as_phone' && !needsTrackingForm(rules, input.severity, input.department))
    return { path: 'daily_report', recipientRoles: [] };
  const line = lineOf(input.channel);
  const roles = [...rules.lineRecipients[line]];
  if (input.department !== line) roles.push(...rules.departmentRoles[input.department]);
  return { path: 'c', recipientRoles: [...new Set(roles)] };
}

/** §4.7 step 1 and C5: the form is due 17:00 the day the problem was recorded (after the cutoff: rolled). */
export function formDueAt(cal: WorkCalendar, rules: CaseRules, recordedAt: Date): Date {
  return sameDayCutoff(cal, recordedAt, rules.formCutoff, rules.afterCutoff);
}

/** §4.7 step 2: the department's result to the customer, 1 working day after receipt (also each new loop, step 5). */
export function replyDueAt(cal: WorkCalendar, rules: CaseRules, receivedAt: Date): Date {
  return deadlineAfter(cal, receivedAt, { workingDays: rules.replyWorkingDays, workingHours: rules.replyWorkingHours });
}

/** §4.7 step 3: the completed form back at the CS centre (CONFIG, default 1 working day after the result). */
export function returnDueAt(cal: WorkCalendar, rules: CaseRules, repliedAt: Date): Date {
  return deadlineAfter(cal, repliedAt, { workingDays: rules.returnWorkingDays });
}

/** §4.7 step 4: the same agent's second callback (CONFIG, default 1 working day after the return). */
export function secondCallbackDueAt(cal: WorkCalendar, rules: CaseRules, returnedAt: Date): Date {
  return deadlineAfter(cal, returnedAt, { workingDays: rules.secondCallbackWorkingDays });
}

/** §4.6 / §8.4: the SA's result to a daily-report item within 1 working day. */
export function dailyReportResultDueAt(cal: WorkCalendar, rules: CaseRules, enteredAt: Date): Date {
  return deadlineAfter(cal, enteredAt, { workingDays: rules.dailyReportWorkingDays });
}

/** §4.6 / §8.4 "second callback after a daily-report result: next day (次日)": by closing time of the next working day. */
export function dailyReportSecondCallbackDueAt(cal: WorkCalendar, resultAt: Date): Date {
  return atLocal(cal, nextWorkingDay(cal, toLocal(cal, resultAt).ymd), cal.closeMs);
}

/** Level 2 (the GM) is told `finalAfterWorkingHours` of working time after the step fell due. */
export function finalEscalationAt(cal: WorkCalendar, rules: CaseRules, dueAt: Date): Date {
  const hours = rules.escalation.finalAfterWorkingHours;
  return hours === 0 ? dueAt : deadlineAfter(cal, dueAt, { workingHours: hours });
}

/** Who owns a step: the agent who filled the form (forward, second callback) or its recipients (reply, return). */
export const stepOwner = (step: CaseStep): 'agent' | 'handler' =>
  step === 'forward' || step === 'second_callback' ? 'agent' : 'handler';

/**
 * Who is told at each escalation level of an overdue step (§8.4 (D) "escalated to the recipient's superior";
 * the chain director → GM). Level 1 (at the due time): the step's owners and their superiors (the CS
 * supervisor for an agent step, the line's director for a department step). Level 2: the GM.
 */
export function escalationRoles(rules: CaseRules, step: CaseStep, channel: CaseChannel, level: 1 | 2): string[] {
  if (level === 2) return [...rules.escalation.finalRoles];
  return stepOwner(step) === 'agent'
    ? [...rules.escalation.agentSupervisorRoles]
    : [...rules.lineRecipients[lineOf(channel)]];
}

/** C7: a "not satisfied" second callback that ends loop `loop` escalates when the count reaches the limit. */
export const loopNeedsEscalation = (rules: CaseRules, finishedLoop: number) =>
  finishedLoop >= rules.escalation.afterLoops;
