import type { NotificationEvent } from '../../../core/contracts/notifications';
import type { CaseStep } from '../../../core/contracts/cases';
import type { Db } from '../../db/client';
import { enqueue } from '../../jobs/outbox';
import { notify } from '../notifications/notify';

/**
 * Step timers and case notifications. A timer is a `jobs` row (`cases.step-overdue`) written in the same
 * transaction as the step that starts it, due at the step's deadline; its dedupe key names the case, step,
 * loop and escalation level, so it is enqueued once and, with the case row lock and `escalation_level`,
 * escalates once however often the job runs (SPEC §8.4 "every timer"; docs/cases.md).
 */
export const STEP_OVERDUE_JOB = 'cases.step-overdue';

export interface TimerPayload {
  caseId: string;
  step: CaseStep;
  loop: number;
  level: 1 | 2;
  /** When this level is due (ISO). */
  fireAt: string;
}

export const timerKey = (p: Pick<TimerPayload, 'caseId' | 'step' | 'loop' | 'level'>) =>
  `case:${p.caseId}:${p.step}:${p.loop}:L${p.level}`;

export async function scheduleTimer(tx: Db, dealerId: string, p: TimerPayload, dedupeSuffix = ''): Promise<void> {
  await enqueue(tx, {
    dealerId,
    name: STEP_OVERDUE_JOB,
    payload: p,
    runAt: new Date(p.fireAt),
    dedupeKey: `${timerKey(p)}${dedupeSuffix}`,
  });
}

/** Starts the level-1 timer of a step that is now pending. */
export function startStepTimer(tx: Db, dealerId: string, caseId: string, step: CaseStep, loop: number, dueAt: Date) {
  return scheduleTimer(tx, dealerId, { caseId, step, loop, level: 1, fireAt: dueAt.toISOString() });
}

export interface CaseNotice {
  dealerId: string;
  caseId: string;
  formNo: string;
  /** Stable event kind for the preferences, e.g. 'case.forwarded', 'case.overdue'. */
  event: NotificationEvent;
  userIds: (string | null)[];
  roles: string[];
  title: string;
  body: string;
  /** The logical notification (a rerun adds nothing). */
  key: string;
}

/** One notification about a case (inbox + e-mail/WeCom per preference), in the caller's transaction. */
export async function notifyCase(tx: Db, n: CaseNotice): Promise<void> {
  const userIds = [...new Set(n.userIds.filter((u): u is string => !!u))];
  const roles = [...new Set(n.roles)];
  if (!userIds.length && !roles.length) return;
  await notify(tx, {
    dealerId: n.dealerId,
    event: n.event,
    recipients: { userIds, roles },
    title: `${n.title} ${n.formNo}`,
    body: n.body,
    link: `/cases/${n.caseId}`,
    dedupeKey: n.key,
  });
}
