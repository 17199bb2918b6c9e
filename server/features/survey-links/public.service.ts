import type { PublicSubmitRequest, PublicSurvey } from '../../../core/contracts/survey-links';
import { permissionsOf } from '../../../core/permissions';
import { defaultPrivacyNotice, firstNameOf, linkState } from '../../../core/rules/survey-link';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/errors';
import { appendAudit } from '../audit/audit.service';
import { blockCustomer, completeTaskWithResponse } from '../callbacks/attempts.service';
import { excludeBlocked, linkNextResponse } from '../callbacks/tasks.queries';
import { recordCustomerOwnConsent } from '../customers/customers.service';
import { submitResponse } from '../questionnaires/responses.service';
import { getVersion } from '../questionnaires/questionnaires.service';
import * as q from './survey-links.queries';
import { hashToken, isTokenShaped } from './tokens';

/**
 * The customer's side of a mobile survey link (SPEC §1.5 P-GEN): no login; the page learns only the dealer's
 * name, the customer's given name and the privacy notice (§8.3). Answering and "不再联系我" each use the link
 * up, in one transaction with what they store: a forged, used, expired or replaced link changes nothing.
 */

const OPEN = ['PENDING', 'APPOINTMENT'];
const SOURCE = 'mobile-link';

const fail = {
  invalid: () => new AppError('SURVEY_LINK_INVALID', 'This survey link is not valid'),
  used: () => new AppError('SURVEY_LINK_USED', 'This survey link has already been used'),
  expired: () => new AppError('SURVEY_LINK_EXPIRED', 'This survey link has expired'),
  revoked: (reason: string) => new AppError('SURVEY_LINK_REVOKED', 'This survey link is no longer valid', { reason }),
};

/** The link of a token if it may still be used, with what the page may show. Locks the link when `lock`. */
async function usableLink(db: Db, token: string, lock: boolean) {
  if (!isTokenShaped(token)) throw fail.invalid();
  const link = await q.findLinkByHash(db, hashToken(token), lock);
  if (!link) throw fail.invalid();
  const state = linkState(link, new Date());
  if (state === 'used') throw fail.used();
  if (state === 'revoked') throw fail.revoked(link.revokedReason ?? 'revoked');
  if (state === 'expired') throw fail.expired();
  const ctx = await q.findPublicContext(db, link.dealerId, link.taskId);
  if (!ctx || !OPEN.includes(ctx.taskStatus)) throw fail.revoked('task_closed');
  if (ctx.serviceCallbacksAllowed === false) throw fail.revoked('opted_out');
  return { link, ctx };
}

/**
 * Who acts for a customer answering through a link: the staff member who issued it (the response's agent
 * and the attempt's author), limited to the link's dealer, named `customer:mobile-link` in the audit log.
 */
function linkActor(link: { dealerId: string; createdBy: string | null }, ip: string): Actor {
  const far = new Date(Date.now() + 60_000);
  return {
    userId: link.createdBy ?? '00000000-0000-0000-0000-000000000000',
    username: `customer:${SOURCE}`,
    displayName: 'customer',
    roles: [],
    permissions: permissionsOf([]),
    scope: { kind: 'dealer', id: link.dealerId },
    dealerIds: [link.dealerId],
    dealers: [],
    scopeName: '',
    currentDealerId: link.dealerId,
    mustChangePassword: false,
    locale: 'zh-CN',
    sessionTokenHash: '',
    csrfToken: '',
    idleExpiresAt: far,
    absoluteExpiresAt: far,
    ip,
  };
}

/** What the page renders: notice first, then the questionnaire. Counts the opening. */
export async function openSurvey(db: Db, token: string, ip: string): Promise<PublicSurvey> {
  const { link, ctx } = await usableLink(db, token, false);
  await q.markOpened(db, link.dealerId, link.id);
  const version = await getVersion(db, linkActor(link, ip), link.versionId);
  return {
    dealerName: ctx.dealerName,
    firstName: firstNameOf(ctx.customerName),
    privacyNotice: ctx.privacyNotice ?? defaultPrivacyNotice(ctx.dealerName),
    expiresAt: link.expiresAt.toISOString(),
    versionId: version.id,
    content: version.content,
  };
}

/** Stores the answers, uses the link up and closes the task as SUCCESS — all or nothing. */
export async function submitSurvey(db: Db, token: string, body: PublicSubmitRequest, ip: string) {
  return db.transaction().execute(async (tx) => {
    const { link, ctx } = await usableLink(tx, token, true);
    const actor = linkActor(link, ip);
    await linkNextResponse(tx, link.taskId);
    const responseId = await submitResponse(tx, actor, {
      versionId: link.versionId,
      answers: body.answers,
      channel: 'mobile_link',
      praise: body.praise,
      startedAt: body.startedAt,
      finishedAt: new Date().toISOString(),
    });
    await q.markUsed(tx, link.dealerId, link.id, 'response', responseId);
    await completeTaskWithResponse(tx, actor, link.taskId, responseId);
    return { ok: true as const, dealerName: ctx.dealerName };
  });
}

/**
 * "不再联系我": the customer withdraws consent to service callbacks (evidence: mobile link, time), every later
 * callback of theirs is blocked, and their open tasks are EXCLUDED now rather than at the next generation cycle.
 */
export async function optOut(db: Db, token: string, ip: string) {
  return db.transaction().execute(async (tx) => {
    const { link, ctx } = await usableLink(tx, token, true);
    const actor = linkActor(link, ip);
    await q.markUsed(tx, link.dealerId, link.id, 'opt_out', null);
    if (ctx.customerId) {
      const who = { actorUserId: null, actorUsername: actor.username, ip };
      await recordCustomerOwnConsent(
        tx,
        {
          dealerId: link.dealerId,
          customerId: ctx.customerId,
          serviceCallbacksAllowed: false,
          source: SOURCE,
          channel: 'mobile_link',
        },
        who,
      );
      await blockCustomer(
        tx,
        actor,
        link.dealerId,
        ctx.customerId,
        'opted_out',
        link.taskId,
        '不再联系我 (mobile link)',
      );
      await excludeBlocked(tx, link.dealerId);
    }
    await appendAudit(tx, {
      dealerId: link.dealerId,
      actorUsername: actor.username,
      action: 'survey-link.opt-out',
      entityType: 'callback_task',
      entityId: link.taskId,
      ip,
      details: { linkId: link.id },
    });
    return { ok: true as const, dealerName: ctx.dealerName };
  });
}
