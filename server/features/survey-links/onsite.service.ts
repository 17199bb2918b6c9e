import type {
  OnsiteCandidates,
  OnsiteSession,
  OnsiteSubmitRequest,
  StartOnsiteRequest,
  WalkInRequest,
} from '../../../core/contracts/survey-links';
import { localParts } from '../../../core/rules/callback-rules';
import { businessLineOf, ONSITE_QUESTIONNAIRE_CODES } from '../../../core/rules/survey-link';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { AppError, notFound } from '../../http/errors';
import { appendAudit } from '../audit/audit.service';
import { completeTaskWithResponse } from '../callbacks/attempts.service';
import { zoneOf } from '../callbacks/task-view';
import { findTaskContext, linkNextResponse, updateTask } from '../callbacks/tasks.queries';
import { createOnsiteTask } from '../callbacks/tasks.service';
import { requireDealer } from '../org/org.service';
import { getVersion } from '../questionnaires/questionnaires.service';
import { submitResponse } from '../questionnaires/responses.service';
import * as q from './survey-links.queries';

/**
 * The on-site survey at the counter (WF-1 §4.2 after-sales, WF-3 §4.4 sales): pick today's settled repair
 * order or delivered sale, record the customer's consent (§3.5 consent flag), then the on-site questionnaire
 * (AYT-JL-客服-01 / -06, §7.1) on a tablet. "If consent is refused, record 'refused' and go on to the
 * phone-callback flow" (§4.2 step 2): the on-site task is CLOSED (onsite_declined); the customer is NOT
 * blocked, so the generated phone callback still happens.
 */

const OPEN = ['PENDING', 'APPOINTMENT'];
type OnsiteType = keyof typeof ONSITE_QUESTIONNAIRE_CODES;
const typeOf = (kind: 'repair_order' | 'sale'): OnsiteType => (kind === 'sale' ? 'SALES_ONSITE' : 'AS_ONSITE');

export async function listCandidates(
  db: Db,
  actor: Actor,
  f: { kind: 'repair_order' | 'sale'; date?: string | undefined },
): Promise<OnsiteCandidates> {
  const dealerId = requireDealer(actor);
  const date = f.date ?? localParts(new Date(), zoneOf(actor, dealerId)).ymd;
  const rows = await q.findOnsiteCandidates(db, dealerId, f.kind, date);
  return {
    date,
    items: rows.map((r) => ({
      sourceKind: f.kind,
      sourceId: r.id,
      number: r.number,
      date: r.date,
      customerName: r.customerName,
      plate: r.plate,
      model: r.model,
      staffName: r.staffName,
      task: r.taskId ? { id: r.taskId, status: r.taskStatus!, consent: r.consent, responseId: r.responseId } : null,
    })),
  };
}

async function onsiteVersion(db: Db, actor: Actor, dealerId: string, type: OnsiteType, code: string | null) {
  const codes = [code, ONSITE_QUESTIONNAIRE_CODES[type]].filter((c): c is string => !!c);
  const id = await q.findPublishedVersionFor(db, dealerId, {
    codes,
    businessLine: businessLineOf(type),
    channel: 'on_site',
  });
  if (!id) return null;
  const v = await getVersion(db, actor, id);
  return { versionId: v.id, content: v.content };
}

/** Creates (or finds) the on-site task of the order or sale and records the consent answer. */
export async function startOnsite(db: Db, actor: Actor, body: StartOnsiteRequest): Promise<OnsiteSession> {
  const dealerId = requireDealer(actor);
  const type = typeOf(body.sourceKind);
  const before = await createOnsiteTask(db, actor, { type, ...body });
  if (!body.consent && OPEN.includes(before.status))
    await updateTask(db, dealerId, before.id, {
      status: 'CLOSED',
      reason: 'onsite_declined',
      closedAt: new Date(),
      leaseUserId: null,
      leaseExpiresAt: null,
    });
  await appendAudit(db, {
    dealerId,
    actorUserId: actor.userId,
    actorUsername: actor.username,
    action: 'onsite.start',
    entityType: 'callback_task',
    entityId: before.id,
    ip: actor.ip,
    details: { consent: body.consent, sourceKind: body.sourceKind },
  });
  const t = await findTaskContext(db, [dealerId], before.id);
  if (!t) throw notFound('Callback task');
  const open = OPEN.includes(t.status) && body.consent;
  return {
    taskId: t.id,
    status: t.status,
    consent: t.consent,
    customerName: t.customerName,
    questionnaire: open ? await onsiteVersion(db, actor, dealerId, type, t.questionnaireCode) : null,
  };
}

/** Stores the on-site answers and closes the task as SUCCESS, in one transaction. */
export async function submitOnsite(db: Db, actor: Actor, taskId: string, body: OnsiteSubmitRequest) {
  const dealerId = requireDealer(actor);
  const t = await findTaskContext(db, [dealerId], taskId);
  if (!t || (t.type !== 'AS_ONSITE' && t.type !== 'SALES_ONSITE')) throw notFound('On-site task');
  if (t.consent !== true)
    throw new AppError('CONFLICT', 'The customer has not agreed to the on-site survey', { reason: 'no_consent' });
  const scoped: Actor = { ...actor, dealerIds: [dealerId] };
  const responseId = await db.transaction().execute(async (tx) => {
    await linkNextResponse(tx, t.id);
    const id = await submitResponse(tx, scoped, { ...body, channel: 'on_site', finishedAt: new Date().toISOString() });
    await completeTaskWithResponse(tx, scoped, t.id, id);
    return id;
  });
  return { taskId: t.id, responseId, status: 'SUCCESS' };
}

/** The on-site questionnaire for a customer whose order is not in the system yet (null: none published). */
export async function walkInQuestionnaire(db: Db, actor: Actor, kind: 'repair_order' | 'sale') {
  const dealerId = requireDealer(actor);
  return { questionnaire: await onsiteVersion(db, actor, dealerId, typeOf(kind), null) };
}

/**
 * Stores an on-site response without a task (the customer agreed at the counter; their order is not imported yet).
 * The questionnaire must be one of the dealer's of that business line (a version published after the tablet loaded
 * its questionnaire does not turn the answers away); the questionnaire service checks that it is published.
 */
export async function submitWalkIn(db: Db, actor: Actor, body: WalkInRequest) {
  const dealerId = requireDealer(actor);
  const { kind, ...answers } = body;
  const line = await q.findVersionBusinessLine(db, dealerId, body.versionId);
  if (line !== businessLineOf(typeOf(kind)))
    throw new AppError('VALIDATION_FAILED', `versionId: not one of this dealer's ${kind} on-site questionnaires`, {
      field: 'versionId',
    });
  const scoped: Actor = { ...actor, dealerIds: [dealerId] };
  const responseId = await db.transaction().execute(async (tx) => {
    const id = await submitResponse(tx, scoped, {
      ...answers,
      channel: 'on_site',
      finishedAt: new Date().toISOString(),
    });
    await appendAudit(tx, {
      dealerId,
      actorUserId: actor.userId,
      actorUsername: actor.username,
      action: 'onsite.walk_in',
      entityType: 'survey_response',
      entityId: id,
      ip: actor.ip,
      details: { kind },
    });
    return id;
  });
  return { responseId };
}
