import { sql, type SqlBool } from 'kysely';
import type { Db } from '../../db/client';

export interface ArticleValues {
  sourceCode: string;
  sourceVersion: string;
  question: string;
  answer: string;
  category: string;
  tags: string[];
  validFrom: string;
  validTo: string | null;
  /** A tsvector literal from core/rules/cjk-search.ts. */
  searchVector: string;
}

const asTsvector = (literal: string) => sql<string>`${literal}::tsvector`;

export function insertArticle(db: Db, dealerId: string, by: string | null, v: ArticleValues) {
  return db
    .insertInto('faqArticles')
    .values({ ...v, dealerId, searchVector: asTsvector(v.searchVector), createdBy: by, updatedBy: by })
    .returning(['id', 'revision'])
    .executeTakeFirstOrThrow();
}

/** Applies an edit and moves the revision on; undefined when the row is gone or at another revision. */
export function updateArticle(db: Db, dealerId: string, id: string, revision: number, by: string, v: ArticleValues) {
  return db
    .updateTable('faqArticles')
    .set({
      ...v,
      searchVector: asTsvector(v.searchVector),
      revision: revision + 1,
      updatedBy: by,
      updatedAt: sql`now()`,
    })
    .where('dealerId', '=', dealerId)
    .where('id', '=', id)
    .where('revision', '=', revision)
    .returning(['id', 'revision'])
    .executeTakeFirst();
}

export function setArchived(db: Db, dealerId: string, id: string, revision: number, by: string, archived: boolean) {
  return db
    .updateTable('faqArticles')
    .set({
      archivedAt: archived ? sql`now()` : null,
      archivedBy: archived ? by : null,
      revision: revision + 1,
      updatedBy: by,
      updatedAt: sql`now()`,
    })
    .where('dealerId', '=', dealerId)
    .where('id', '=', id)
    .where('revision', '=', revision)
    .returning(['id', 'revision'])
    .executeTakeFirst();
}

/** Copies the article's current state into its revision history. */
export async function insertRevision(
  db: Db,
  dealerId: string,
  id: string,
  change: string,
  by: { userId: string | null; name: string },
) {
  await sql`
    insert into faq_article_revisions (dealer_id, article_id, revision, change, source_code, source_version, question,
      answer, category, tags, valid_from, valid_to, archived, changed_by, changed_by_name)
    select dealer_id, id, revision, ${change}, source_code, source_version, question, answer, category, tags,
      valid_from, valid_to, archived_at is not null, ${by.userId}, ${by.name}
    from faq_articles where dealer_id = ${dealerId} and id = ${id}`.execute(db);
}

/** Articles of one dealer with the name of their last editor: the base of every article read. */
export function articles(db: Db, dealerId: string) {
  return db
    .selectFrom('faqArticles as a')
    .leftJoin('users as u', 'u.id', 'a.updatedBy')
    .select([
      'a.id',
      'a.sourceCode',
      'a.sourceVersion',
      'a.question',
      'a.answer',
      'a.category',
      'a.tags',
      'a.validFrom',
      'a.validTo',
      'a.archivedAt',
      'a.revision',
      'a.updatedAt',
      'u.displayName as updatedByName',
    ])
    .where('a.dealerId', '=', dealerId);
}
export type ArticleRow = Awaited<ReturnType<ReturnType<typeof articles>['executeTakeFirstOrThrow']>>;

export function findArticle(db: Db, dealerId: string, id: string) {
  return articles(db, dealerId).where('a.id', '=', id).executeTakeFirst();
}

export function findRevisions(db: Db, dealerId: string, id: string) {
  return db
    .selectFrom('faqArticleRevisions')
    .select(['revision', 'change', 'question', 'changedAt', 'changedByName'])
    .where('dealerId', '=', dealerId)
    .where('articleId', '=', id)
    .orderBy('revision', 'desc')
    .limit(200)
    .execute();
}

export async function countUses(db: Db, dealerId: string, articleId: string) {
  const r = await db
    .selectFrom('faqUses')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('dealerId', '=', dealerId)
    .where('articleId', '=', articleId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Categories, tags and sources of the articles not archived, most used first. */
export async function findFacets(db: Db, dealerId: string) {
  const categories = await sql<{ category: string; count: number }>`
    select category, count(*)::int as count from faq_articles where dealer_id = ${dealerId} and archived_at is null
    group by category order by count desc, category`.execute(db);
  const tags = await sql<{ tag: string; count: number }>`
    select t as tag, count(*)::int as count from faq_articles, unnest(tags) as t
    where dealer_id = ${dealerId} and archived_at is null group by t order by count desc, t limit 100`.execute(db);
  const sources = await sql<{ code: string; count: number }>`
    select source_code as code, count(*)::int as count from faq_articles where dealer_id = ${dealerId}
      and archived_at is null group by source_code order by source_code`.execute(db);
  return { categories: categories.rows, tags: tags.rows, sources: sources.rows };
}

export function insertUse(
  db: Db,
  row: {
    dealerId: string;
    articleId: string;
    articleRevision: number;
    responseId: string | null;
    taskId: string | null;
    note: string;
    usedBy: string;
    usedByName: string;
  },
) {
  return db.insertInto('faqUses').values(row).returning('id').executeTakeFirstOrThrow();
}

export function findUses(
  db: Db,
  dealerId: string,
  f: { responseId?: string | undefined; taskId?: string | undefined; id?: string },
) {
  let q = db
    .selectFrom('faqUses as x')
    .innerJoin('faqArticleRevisions as r', (j) =>
      j
        .onRef('r.dealerId', '=', 'x.dealerId')
        .onRef('r.articleId', '=', 'x.articleId')
        .onRef('r.revision', '=', 'x.articleRevision'),
    )
    .select([
      'x.id',
      'x.articleId',
      'x.articleRevision',
      'r.question',
      'r.sourceCode',
      'x.responseId',
      'x.taskId',
      'x.note',
      'x.usedByName',
      'x.usedAt',
    ])
    .where('x.dealerId', '=', dealerId);
  if (f.id) q = q.where('x.id', '=', f.id);
  // On a response: the uses recorded on it, and those recorded on its callback task during the call.
  if (f.responseId)
    q = q.where(sql<SqlBool>`(x.response_id = ${f.responseId} or x.task_id = (select s.task_id from survey_responses s
      where s.dealer_id = ${dealerId} and s.id = ${f.responseId}))`);
  if (f.taskId) q = q.where('x.taskId', '=', f.taskId);
  return q.orderBy('x.usedAt').limit(500).execute();
}

export async function responseExists(db: Db, dealerId: string, responseId: string) {
  const r = await db
    .selectFrom('surveyResponses')
    .select('id')
    .where('dealerId', '=', dealerId)
    .where('id', '=', responseId)
    .executeTakeFirst();
  return r !== undefined;
}

export async function taskExists(db: Db, dealerId: string, taskId: string) {
  const r = await db
    .selectFrom('callbackTasks')
    .select('id')
    .where('dealerId', '=', dealerId)
    .where('id', '=', taskId)
    .executeTakeFirst();
  return r !== undefined;
}
