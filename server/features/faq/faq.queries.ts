import { sql, type Expression, type SqlBool } from 'kysely';
import { quoteLexeme, type QueryToken, tsqueryLiteral } from '../../../core/rules/cjk-search';
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

function articles(db: Db, dealerId: string) {
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

export interface SearchFilter {
  tokens: QueryToken[];
  /** The raw query, for the substring (ILIKE) match that also finds what the tokens miss. */
  phrase: string;
  category?: string | undefined;
  tag?: string | undefined;
  source?: string | undefined;
  status: 'active' | 'archived' | 'all';
  today: string;
  limit: number;
  offset: number;
}

const escapeLike = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Ranked search: a match needs half of the query's tokens (or the whole phrase as a substring). Score =
 * 2 × share of tokens matched + 1 if the question holds the phrase + 1 if the phrase is one of its tags or its
 * category + 0.3 if the answer holds it + ts_rank (question weighted A, category and tags B, answer C), so the
 * article asking exactly this comes first.
 */
export async function searchArticles(db: Db, dealerId: string, f: SearchFilter) {
  let q = articles(db, dealerId);
  if (f.status === 'archived') q = q.where('a.archivedAt', 'is not', null);
  if (f.status === 'active')
    q = q
      .where('a.archivedAt', 'is', null)
      .where('a.validFrom', '<=', f.today)
      .where((eb) => eb.or([eb('a.validTo', 'is', null), eb('a.validTo', '>=', f.today)]));
  if (f.category) q = q.where('a.category', '=', f.category);
  if (f.source) q = q.where('a.sourceCode', '=', f.source);
  if (f.tag) q = q.where(sql<SqlBool>`${f.tag} = any(a.tags)`);
  const n = f.tokens.length;
  if (n === 0 && !f.phrase) {
    return q
      .select([sql<number | null>`null::float8`.as('score'), sql<number>`(count(*) over ())::int`.as('total')])
      .orderBy('a.category')
      .orderBy('a.question')
      .limit(f.limit)
      .offset(f.offset)
      .execute();
  }
  const like = escapeLike(f.phrase);
  const any = sql<string>`${tsqueryLiteral(f.tokens)}::tsquery`;
  const matched: Expression<number> = n
    ? sql<number>`(${sql.join(
        f.tokens.map(
          (t) => sql`(a.search_vector @@ ${`${quoteLexeme(t.token)}${t.prefix ? ':*' : ''}`}::tsquery)::int`,
        ),
        sql` + `,
      )})`
    : sql<number>`0`;
  const inQuestion = sql<number>`(case when a.question ilike ${like} then 1 else 0 end)`;
  const inAnswer = sql<number>`(case when a.answer ilike ${like} then 0.3 else 0 end)`;
  const isTag = sql<number>`(case when a.category = ${f.phrase} or exists (select 1 from unnest(a.tags) as t
    where lower(t) = lower(${f.phrase})) then 1 else 0 end)`;
  const rank = n ? sql<number>`ts_rank(a.search_vector, ${any}, 32)` : sql<number>`0`;
  const share = n ? sql<number>`(${matched})::float8 / ${n}` : sql<number>`0`;
  const score = sql<number>`(2 * ${share} + ${inQuestion} + ${isTag} + ${inAnswer} + ${rank})::float8`;
  const minMatch = Math.ceil(n / 2);
  const tokenHit = n ? sql<SqlBool>`(a.search_vector @@ ${any} and ${matched} >= ${minMatch})` : sql<SqlBool>`false`;
  return q
    .where(sql<SqlBool>`(${tokenHit} or a.question ilike ${like} or a.answer ilike ${like})`)
    .select([score.as('score'), sql<number>`(count(*) over ())::int`.as('total')])
    .orderBy('score', 'desc')
    .orderBy('a.updatedAt', 'desc')
    .orderBy('a.id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
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
  const responseId = f.responseId;
  // On a response: the uses recorded on it, and those recorded on its callback task during the call.
  if (responseId)
    q = q.where((eb) =>
      eb.or([
        eb('x.responseId', '=', responseId),
        eb(
          'x.taskId',
          '=',
          eb
            .selectFrom('surveyResponses as s')
            .select('s.taskId')
            .where('s.dealerId', '=', dealerId)
            .where('s.id', '=', responseId),
        ),
      ]),
    );
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
