import type { SmsDelivery, SurveyLink } from '../../../core/contracts/survey-links';
import { linkState } from '../../../core/rules/survey-link';
import type { LinkRow } from './survey-links.queries';
import type { findSmsOfTask } from './sms.queries';

/** Shapes link and SMS rows for the staff API (never the token: it is not stored). */

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function toLink(r: LinkRow, now = new Date()): SurveyLink {
  return {
    id: r.id,
    taskId: r.taskId,
    status: linkState({ usedAt: r.usedAt, revokedAt: r.revokedAt, expiresAt: r.expiresAt }, now),
    expiresAt: r.expiresAt.toISOString(),
    usedAt: iso(r.usedAt),
    usedFor: r.usedFor as SurveyLink['usedFor'],
    revokedAt: iso(r.revokedAt),
    revokedReason: r.revokedReason,
    sentVia: r.sentVia as SurveyLink['sentVia'],
    openedCount: r.openedCount,
    firstOpenedAt: iso(r.firstOpenedAt),
    createdAt: r.createdAt.toISOString(),
    createdByName: r.createdByName,
  };
}

export function toSms(r: Awaited<ReturnType<typeof findSmsOfTask>>[number]): SmsDelivery {
  return {
    id: r.id,
    linkId: r.linkId,
    phoneHint: r.phoneHint,
    providerKind: r.providerKind,
    status: r.status as SmsDelivery['status'],
    attempts: r.attempts,
    sentAt: iso(r.sentAt),
    createdAt: r.createdAt.toISOString(),
  };
}
