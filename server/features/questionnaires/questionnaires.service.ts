import type {
  CreateQuestionnaireRequest,
  Questionnaire,
  Version,
  VersionContent,
} from '../../../core/contracts/questionnaires';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { AppError, notFound } from '../../http/errors';
import { appendAudit } from '../audit/audit.service';
import { findPreset, presetContent } from './presets';
import { toSummary, toVersion } from './questionnaire-mapping';
import * as q from './questionnaires.queries';

/** Questionnaire templates and their versions: create, edit a draft, list and read (SPEC §3.7). */

export function currentDealer(actor: Actor): string {
  if (!actor.currentDealerId) throw notFound('Dealer');
  return actor.currentDealerId;
}

export const audit = (db: Db, actor: Actor, dealerId: string, action: string, id: string, details = {}) =>
  appendAudit(db, {
    dealerId,
    actorUserId: actor.userId,
    actorUsername: actor.username,
    action,
    entityType: action.startsWith('response') ? 'survey_response' : 'questionnaire_version',
    entityId: id,
    ip: actor.ip,
    details,
  });

export async function listQuestionnaires(db: Db, actor: Actor): Promise<{ items: Questionnaire[] }> {
  const dealerId = currentDealer(actor);
  const templates = await q.findTemplates(db, dealerId);
  const versions = await q.findVersionsOf(
    db,
    dealerId,
    templates.map((t) => t.id),
  );
  return {
    items: templates.map((t) => ({
      id: t.id,
      dealerId: t.dealerId,
      code: t.code,
      presetKey: t.presetKey,
      createdAt: t.createdAt.toISOString(),
      versions: versions.filter((v) => v.templateId === t.id).map(toSummary),
    })),
  };
}

export async function getQuestionnaire(db: Db, actor: Actor, id: string): Promise<Questionnaire> {
  const t = await q.findTemplate(db, actor.dealerIds, id);
  if (!t) throw notFound('Questionnaire');
  const versions = await q.findVersionsOf(db, t.dealerId, [t.id]);
  return {
    id: t.id,
    dealerId: t.dealerId,
    code: t.code,
    presetKey: t.presetKey,
    createdAt: t.createdAt.toISOString(),
    versions: versions.map(toSummary),
  };
}

export async function getVersion(db: Db, actor: Actor, id: string): Promise<Version> {
  const row = await q.findVersion(db, actor.dealerIds, id);
  if (!row) throw notFound('Questionnaire version');
  return toVersion(row, await q.findContentRows(db, row.dealerId, row.id));
}

function contentOf(input: CreateQuestionnaireRequest): { content: VersionContent; presetKey: string | null } {
  if (input.presetKey) {
    const preset = findPreset(input.presetKey);
    if (!preset) throw new AppError('VALIDATION_FAILED', 'No such preset', { field: 'presetKey' });
    return { content: presetContent(preset), presetKey: preset.key };
  }
  if (!input.content) throw new AppError('VALIDATION_FAILED', 'Give presetKey or content', { field: 'presetKey' });
  return { content: input.content, presetKey: null };
}

async function freeCode(db: Db, dealerId: string, wanted: string | undefined, base: string) {
  if (wanted) {
    if (await q.codeTaken(db, dealerId, wanted))
      throw new AppError('CONFLICT', `The code ${wanted} is taken`, { field: 'code' });
    return wanted;
  }
  for (let n = 1; ; n++) {
    const code = `${base}-${n}`;
    if (!(await q.codeTaken(db, dealerId, code))) return code;
  }
}

/** A new questionnaire whose version 1 is a draft: a copy of a preset, imported or your own content. */
export async function createQuestionnaire(
  db: Db,
  actor: Actor,
  input: CreateQuestionnaireRequest,
  action = 'questionnaire.create',
): Promise<{ questionnaire: Questionnaire; versionId: string }> {
  const dealerId = currentDealer(actor);
  const { content, presetKey } = contentOf(input);
  const code = await freeCode(db, dealerId, input.code, presetKey ?? 'Q');
  const versionId = await db.transaction().execute(async (tx) => {
    const t = await q.insertTemplate(tx, { dealerId, code, presetKey, createdBy: actor.userId });
    const id = await q.insertVersion(
      tx,
      { dealerId, templateId: t.id, versionNo: 1, createdBy: actor.userId, basedOnVersionId: null },
      content,
    );
    await audit(tx, actor, dealerId, action, id, { code, presetKey, questions: content.questions.length });
    return id;
  });
  const version = await getVersion(db, actor, versionId);
  return { questionnaire: await getQuestionnaire(db, actor, version.templateId), versionId };
}

export async function requireDraft(db: Db, actor: Actor, id: string) {
  const row = await q.findVersion(db, actor.dealerIds, id);
  if (!row) throw notFound('Questionnaire version');
  if (row.status !== 'draft')
    throw new AppError('CONFLICT', `This version is ${row.status}: it cannot be changed. Create a new version.`, {
      status: row.status,
    });
  return row;
}

export async function saveDraft(db: Db, actor: Actor, id: string, content: VersionContent): Promise<Version> {
  const row = await requireDraft(db, actor, id);
  await db.transaction().execute(async (tx) => {
    await q.replaceContent(tx, row.dealerId, row.id, content);
    await audit(tx, actor, row.dealerId, 'questionnaire.update', row.id, { questions: content.questions.length });
  });
  return getVersion(db, actor, id);
}

export async function deleteDraft(db: Db, actor: Actor, id: string): Promise<void> {
  const row = await requireDraft(db, actor, id);
  await db.transaction().execute(async (tx) => {
    await q.deleteVersion(tx, row.dealerId, row.id);
    await q.deleteTemplateIfEmpty(tx, row.dealerId, row.templateId);
    await audit(tx, actor, row.dealerId, 'questionnaire.delete-draft', row.id, { versionNo: row.versionNo });
  });
}

/** Editing a published questionnaire: a new draft version copied from the latest one. */
export async function newVersion(db: Db, actor: Actor, templateId: string): Promise<Version> {
  const t = await getQuestionnaire(db, actor, templateId);
  if (t.versions.some((v) => v.status === 'draft'))
    throw new AppError('CONFLICT', 'This questionnaire already has a draft version: edit that one', {
      status: 'draft',
    });
  const latest = t.versions[t.versions.length - 1];
  if (!latest) throw notFound('Questionnaire version');
  const from = await getVersion(db, actor, latest.id);
  const id = await db.transaction().execute(async (tx) => {
    const row = { dealerId: t.dealerId, templateId: t.id, createdBy: actor.userId, basedOnVersionId: from.id };
    const newId = await q.insertVersion(tx, { ...row, versionNo: latest.versionNo + 1 }, from.content);
    await audit(tx, actor, t.dealerId, 'questionnaire.new-version', newId, { from: from.id });
    return newId;
  });
  return getVersion(db, actor, id);
}
