import type { Factor, Question, VersionContent, VersionStatus } from '../../../core/contracts/questionnaires';
import type { Db } from '../../db/client';

/** Templates, versions and their content. Every lookup is limited to the dealers the caller may see. */

const NONE = ['00000000-0000-0000-0000-000000000000'];
const inDealers = (ids: readonly string[]) => (ids.length ? ids : NONE);

export const versionColumns = [
  'questionnaireVersions.id',
  'questionnaireVersions.dealerId',
  'questionnaireVersions.templateId',
  'questionnaireVersions.versionNo',
  'questionnaireVersions.status',
  'questionnaireVersions.nameZh',
  'questionnaireVersions.nameEn',
  'questionnaireVersions.description',
  'questionnaireVersions.businessLine',
  'questionnaireVersions.channel',
  'questionnaireVersions.formNumber',
  'questionnaireVersions.instructions',
  'questionnaireVersions.factorSet',
  'questionnaireVersions.basedOnVersionId',
  'questionnaireVersions.createdAt',
  'questionnaireVersions.updatedAt',
  'questionnaireVersions.approvedAt',
  'questionnaireVersions.approvedByName',
  'questionnaireVersions.publishedAt',
  'questionnaireVersions.retiredAt',
] as const;

export function findTemplates(db: Db, dealerId: string) {
  return db
    .selectFrom('questionnaireTemplates')
    .selectAll()
    .where('dealerId', '=', dealerId)
    .orderBy('createdAt', 'desc')
    .execute();
}

export function findTemplate(db: Db, dealerIds: readonly string[], id: string) {
  return db
    .selectFrom('questionnaireTemplates')
    .selectAll()
    .where('dealerId', 'in', inDealers(dealerIds))
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findVersionsOf(db: Db, dealerId: string, templateIds: readonly string[]) {
  if (templateIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('questionnaireVersions')
    .select(versionColumns)
    .where('dealerId', '=', dealerId)
    .where('templateId', 'in', templateIds)
    .orderBy('versionNo')
    .execute();
}

export function findVersion(db: Db, dealerIds: readonly string[], id: string) {
  return db
    .selectFrom('questionnaireVersions')
    .innerJoin('questionnaireTemplates', (j) =>
      j
        .onRef('questionnaireTemplates.dealerId', '=', 'questionnaireVersions.dealerId')
        .onRef('questionnaireTemplates.id', '=', 'questionnaireVersions.templateId'),
    )
    .select([...versionColumns, 'questionnaireTemplates.code as templateCode'])
    .where('questionnaireVersions.dealerId', 'in', inDealers(dealerIds))
    .where('questionnaireVersions.id', '=', id)
    .executeTakeFirst();
}
export type VersionRow = NonNullable<Awaited<ReturnType<typeof findVersion>>>;

export function findContentRows(db: Db, dealerId: string, versionId: string) {
  return Promise.all([
    db
      .selectFrom('questionnaireFactors')
      .selectAll()
      .where('dealerId', '=', dealerId)
      .where('versionId', '=', versionId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('questionnaireQuestions')
      .selectAll()
      .where('dealerId', '=', dealerId)
      .where('versionId', '=', versionId)
      .orderBy('position')
      .execute(),
  ]);
}

export async function insertTemplate(
  db: Db,
  row: { dealerId: string; code: string; presetKey: string | null; createdBy: string },
) {
  return db.insertInto('questionnaireTemplates').values(row).returningAll().executeTakeFirstOrThrow();
}

export function codeTaken(db: Db, dealerId: string, code: string) {
  return db
    .selectFrom('questionnaireTemplates')
    .select('id')
    .where('dealerId', '=', dealerId)
    .where('code', '=', code)
    .executeTakeFirst();
}

function headerOf(c: VersionContent) {
  return {
    nameZh: c.name.zh,
    nameEn: c.name.en,
    description: JSON.stringify(c.description),
    businessLine: c.businessLine,
    channel: c.channel,
    formNumber: c.formNumber,
    instructions: JSON.stringify(c.instructions),
    factorSet: c.factorSet,
  };
}

export async function insertVersion(
  db: Db,
  row: { dealerId: string; templateId: string; versionNo: number; createdBy: string; basedOnVersionId: string | null },
  content: VersionContent,
) {
  const v = await db
    .insertInto('questionnaireVersions')
    .values({ ...row, ...headerOf(content) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertContent(db, row.dealerId, v.id, content);
  return v.id;
}

const factorRow = (dealerId: string, versionId: string, f: Factor, position: number) => ({
  dealerId,
  versionId,
  code: f.code,
  position,
  nameZh: f.name.zh,
  nameEn: f.name.en,
  weight: String(f.weight),
});

const questionRow = (dealerId: string, versionId: string, q: Question, position: number) => ({
  dealerId,
  versionId,
  key: q.key,
  position,
  type: q.type,
  textZh: q.text.zh,
  textEn: q.text.en,
  section: q.section ? JSON.stringify(q.section) : null,
  mandatory: q.mandatory,
  factorCode: q.factor,
  weight: String(q.weight),
  keyFactor: q.keyFactor,
  allowNa: q.allowNa,
  scale: q.scale ? JSON.stringify(q.scale) : null,
  options: JSON.stringify(q.options),
  yesIsGood: q.yesIsGood,
  showIf: q.showIf ? JSON.stringify(q.showIf) : null,
});

async function insertContent(db: Db, dealerId: string, versionId: string, c: VersionContent) {
  if (c.factors.length)
    await db
      .insertInto('questionnaireFactors')
      .values(c.factors.map((f, i) => factorRow(dealerId, versionId, f, i)))
      .execute();
  if (c.questions.length)
    await db
      .insertInto('questionnaireQuestions')
      .values(c.questions.map((q, i) => questionRow(dealerId, versionId, q, i)))
      .execute();
}

/** Replaces a draft's content (the database refuses this for any other status). */
export async function replaceContent(db: Db, dealerId: string, versionId: string, c: VersionContent) {
  await db
    .deleteFrom('questionnaireQuestions')
    .where('dealerId', '=', dealerId)
    .where('versionId', '=', versionId)
    .execute();
  await db
    .deleteFrom('questionnaireFactors')
    .where('dealerId', '=', dealerId)
    .where('versionId', '=', versionId)
    .execute();
  await db
    .updateTable('questionnaireVersions')
    .set({ ...headerOf(c), updatedAt: new Date().toISOString() })
    .where('dealerId', '=', dealerId)
    .where('id', '=', versionId)
    .execute();
  await insertContent(db, dealerId, versionId, c);
}

export function setStatus(
  db: Db,
  dealerId: string,
  id: string,
  status: VersionStatus,
  extra: Partial<{
    approvedAt: string;
    approvedBy: string;
    approvedByName: string;
    publishedAt: string;
    publishedBy: string;
    retiredAt: string;
    retiredBy: string;
  }> = {},
) {
  return db
    .updateTable('questionnaireVersions')
    .set({ status, updatedAt: new Date().toISOString(), ...extra })
    .where('dealerId', '=', dealerId)
    .where('id', '=', id)
    .execute();
}

export function findPublished(db: Db, dealerId: string, templateId: string) {
  return db
    .selectFrom('questionnaireVersions')
    .select(['id'])
    .where('dealerId', '=', dealerId)
    .where('templateId', '=', templateId)
    .where('status', '=', 'published')
    .executeTakeFirst();
}

export function deleteVersion(db: Db, dealerId: string, id: string) {
  return db.deleteFrom('questionnaireVersions').where('dealerId', '=', dealerId).where('id', '=', id).execute();
}

export function deleteTemplateIfEmpty(db: Db, dealerId: string, templateId: string) {
  return db
    .deleteFrom('questionnaireTemplates')
    .where('dealerId', '=', dealerId)
    .where('id', '=', templateId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('questionnaireVersions')
            .select('id')
            .where('dealerId', '=', dealerId)
            .where('templateId', '=', templateId),
        ),
      ),
    )
    .execute();
}
