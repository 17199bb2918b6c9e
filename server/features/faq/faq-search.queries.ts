import { sql, type SqlBool } from 'kysely';
import { quoteLexeme, type QueryToken, tsqueryLiteral } from '../../../core/rules/cjk-search';
import type { Db } from '../../db/client';
import { articles } from './faq.queries';

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
const total = sql<number>`(count(*) over ())::int`;

/** Articles passing the status, category, source and tag filters. */
function filtered(db: Db, dealerId: string, f: SearchFilter) {
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
  return q;
}

/** How a row matches the query: the filter it must pass and its score. */
function matching(f: SearchFilter) {
  const n = f.tokens.length;
  const like = escapeLike(f.phrase);
  const inText = sql<SqlBool>`(a.question ilike ${like} or a.answer ilike ${like})`;
  const inQuestion = sql<number>`(case when a.question ilike ${like} then 1 else 0 end)`;
  const inAnswer = sql<number>`(case when a.answer ilike ${like} then 0.3 else 0 end)`;
  const isTag = sql<number>`(case when a.category = ${f.phrase} or exists (select 1 from unnest(a.tags) as t
    where lower(t) = lower(${f.phrase})) then 1 else 0 end)`;
  if (n === 0) return { where: inText, score: sql<number>`(${inQuestion} + ${isTag} + ${inAnswer})::float8` };
  const any = sql<string>`${tsqueryLiteral(f.tokens)}::tsquery`;
  const one = (t: QueryToken) => `${quoteLexeme(t.token)}${t.prefix ? ':*' : ''}`;
  const matched = sql<number>`(${sql.join(
    f.tokens.map((t) => sql`(a.search_vector @@ ${one(t)}::tsquery)::int`),
    sql` + `,
  )})`;
  const tokenHit = sql<SqlBool>`(a.search_vector @@ ${any} and ${matched} >= ${Math.ceil(n / 2)})`;
  const score = sql<number>`(2 * ${matched}::float8 / ${n} + ${inQuestion} + ${isTag} + ${inAnswer}
    + ts_rank(a.search_vector, ${any}, 32))::float8`;
  return { where: sql<SqlBool>`(${tokenHit} or ${inText})`, score };
}

/**
 * Ranked search: a match needs half of the query's tokens (or the whole phrase as a substring). Score =
 * 2 × share of tokens matched + 1 if the question holds the phrase + 1 if the phrase is one of its tags or its
 * category + 0.3 if the answer holds it + ts_rank (question weighted A, category and tags B, answer C), so the
 * article asking exactly this comes first. Without a query: by category and question.
 */
export function searchArticles(db: Db, dealerId: string, f: SearchFilter) {
  const q = filtered(db, dealerId, f);
  if (f.tokens.length === 0 && !f.phrase)
    return q
      .select([sql<number | null>`null::float8`.as('score'), total.as('total')])
      .orderBy('a.category')
      .orderBy('a.question')
      .limit(f.limit)
      .offset(f.offset)
      .execute();
  const m = matching(f);
  return q
    .where(m.where)
    .select([m.score.as('score'), total.as('total')])
    .orderBy('score', 'desc')
    .orderBy('a.updatedAt', 'desc')
    .orderBy('a.id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
}
