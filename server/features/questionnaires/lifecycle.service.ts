import type { QuestionnaireSettings, ValidationResult, Version } from '../../../core/contracts/questionnaires';
import { hasErrors } from '../../../core/rules/questionnaire-validate';
import type { Role } from '../../../core/permissions';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { AppError, notFound } from '../../http/errors';
import * as q from './questionnaires.queries';
import { audit, currentDealer, getVersion } from './questionnaires.service';
import * as s from './settings.queries';

/**
 * The lifecycle draft → approved → published → retired (SPEC §8.5: a questionnaire is signed off before it is
 * distributed). The database enforces the same transitions and freezes the content once approved.
 */

export async function validateVersion(db: Db, actor: Actor, id: string): Promise<ValidationResult> {
  const v = await getVersion(db, actor, id);
  return { ok: !hasErrors(v.issues), issues: v.issues };
}

async function requireStatus(db: Db, actor: Actor, id: string, allowed: readonly string[], action: string) {
  const row = await q.findVersion(db, actor.dealerIds, id);
  if (!row) throw notFound('Questionnaire version');
  if (!allowed.includes(row.status))
    throw new AppError('CONFLICT', `A ${row.status} version cannot be ${action}`, { status: row.status });
  return row;
}

export async function getSettings(db: Db, dealerId: string): Promise<QuestionnaireSettings> {
  const row = await s.findSettings(db, dealerId);
  return { approverRoles: (row?.approverRoles ?? ['gm']) as Role[] };
}

/** Sign-off: the approver's role must be one of the dealer's approver roles; the content must be valid. */
export async function approveVersion(db: Db, actor: Actor, id: string): Promise<Version> {
  const row = await requireStatus(db, actor, id, ['draft'], 'approved');
  const { approverRoles } = await getSettings(db, row.dealerId);
  if (!actor.roles.some((r) => approverRoles.includes(r)))
    throw new AppError('FORBIDDEN', `At this dealer questionnaires are approved by: ${approverRoles.join(', ')}`, {
      approverRoles,
    });
  const version = await getVersion(db, actor, id);
  if (hasErrors(version.issues))
    throw new AppError('VALIDATION_FAILED', 'Fix the errors before approving', { issues: version.issues });
  await db.transaction().execute(async (tx) => {
    await q.setStatus(tx, row.dealerId, id, 'approved', {
      approvedAt: new Date().toISOString(),
      approvedBy: actor.userId,
      approvedByName: actor.displayName,
    });
    await audit(tx, actor, row.dealerId, 'questionnaire.approve', id, { versionNo: row.versionNo });
  });
  return getVersion(db, actor, id);
}

/** Publishing retires the version published before it: one published version per questionnaire. */
export async function publishVersion(db: Db, actor: Actor, id: string): Promise<Version> {
  const row = await requireStatus(db, actor, id, ['approved'], 'published');
  await db.transaction().execute(async (tx) => {
    const previous = await q.findPublished(tx, row.dealerId, row.templateId);
    const now = new Date().toISOString();
    if (previous) {
      await q.setStatus(tx, row.dealerId, previous.id, 'retired', { retiredAt: now, retiredBy: actor.userId });
      await audit(tx, actor, row.dealerId, 'questionnaire.retire', previous.id, { replacedBy: id });
    }
    await q.setStatus(tx, row.dealerId, id, 'published', { publishedAt: now, publishedBy: actor.userId });
    await audit(tx, actor, row.dealerId, 'questionnaire.publish', id, { versionNo: row.versionNo });
  });
  return getVersion(db, actor, id);
}

export async function retireVersion(db: Db, actor: Actor, id: string): Promise<Version> {
  const row = await requireStatus(db, actor, id, ['approved', 'published'], 'retired');
  await db.transaction().execute(async (tx) => {
    await q.setStatus(tx, row.dealerId, id, 'retired', {
      retiredAt: new Date().toISOString(),
      retiredBy: actor.userId,
    });
    await audit(tx, actor, row.dealerId, 'questionnaire.retire', id, { versionNo: row.versionNo });
  });
  return getVersion(db, actor, id);
}

export async function readSettings(db: Db, actor: Actor): Promise<QuestionnaireSettings> {
  return getSettings(db, currentDealer(actor));
}

export async function updateSettings(db: Db, actor: Actor, input: QuestionnaireSettings) {
  const dealerId = currentDealer(actor);
  const approverRoles = [...new Set(input.approverRoles)];
  await db.transaction().execute(async (tx) => {
    await s.upsertSettings(tx, dealerId, approverRoles, actor.userId);
    await audit(tx, actor, dealerId, 'questionnaire.settings', dealerId, { approverRoles });
  });
  return { approverRoles };
}
