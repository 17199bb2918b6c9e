import type { z } from 'zod';
import type {
  FaqArticle,
  FaqArticleDetail,
  FaqArticleInput,
  FaqSearchQuery,
  FaqUse,
  RecordFaqUse,
  UpdateFaqArticle,
} from '../../../core/contracts/faq';
import { queryTokens, tsvectorLiteral } from '../../../core/rules/cjk-search';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { AppError, notFound } from '../../http/errors';
import { appendAudit } from '../audit/audit.service';
import { requireDealer } from '../org/org.service';
import { searchArticles } from './faq-search.queries';
import * as q from './faq.queries';

/** The calendar date at `now` in a time zone, as YYYY-MM-DD (validity is judged in the dealer's local day). */
export function localDate(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
const todayOf = (actor: Actor, dealerId: string) =>
  localDate(new Date(), actor.dealers.find((d) => d.id === dealerId)?.timeZone ?? 'Asia/Shanghai');

/** The article's text fields and its search document: question (A), category and tags (B), answer (C). */
export function articleValues(input: FaqArticleInput): q.ArticleValues {
  const tags = [...new Set(input.tags)];
  return {
    sourceCode: input.sourceCode,
    sourceVersion: input.sourceVersion,
    question: input.question,
    answer: input.answer,
    category: input.category,
    tags,
    validFrom: input.validFrom,
    validTo: input.validTo,
    searchVector: tsvectorLiteral([
      { text: input.question, weight: 'A' },
      { text: [input.category, ...tags].join(' '), weight: 'B' },
      { text: input.answer, weight: 'C' },
    ]),
  };
}

function toArticle(r: q.ArticleRow, today: string): FaqArticle {
  return {
    id: r.id,
    sourceCode: r.sourceCode,
    sourceVersion: r.sourceVersion,
    question: r.question,
    answer: r.answer,
    category: r.category,
    tags: r.tags,
    validFrom: r.validFrom,
    validTo: r.validTo,
    active: !r.archivedAt && r.validFrom <= today && (!r.validTo || r.validTo >= today),
    archivedAt: r.archivedAt ? new Date(r.archivedAt).toISOString() : null,
    revision: r.revision,
    updatedAt: new Date(r.updatedAt).toISOString(),
    updatedByName: r.updatedByName,
  };
}

export async function searchFaq(db: Db, actor: Actor, query: FaqSearchQuery) {
  const dealerId = requireDealer(actor);
  const today = todayOf(actor, dealerId);
  const phrase = query.q ?? '';
  const rows = await searchArticles(db, dealerId, { ...query, tokens: queryTokens(phrase), phrase, today });
  return {
    items: rows.map((r) => ({ ...toArticle(r, today), score: r.score === null ? null : Number(r.score) })),
    total: rows[0]?.total ?? (query.offset > 0 ? await countBeyond(db, actor, query) : 0),
  };
}

/** A page past the end has no rows to carry the total: ask again for the first page. */
async function countBeyond(db: Db, actor: Actor, query: FaqSearchQuery): Promise<number> {
  return (await searchFaq(db, actor, { ...query, offset: 0, limit: 1 })).total;
}

export async function getFaqArticle(db: Db, actor: Actor, id: string): Promise<z.infer<typeof FaqArticleDetail>> {
  const dealerId = requireDealer(actor);
  const row = await q.findArticle(db, dealerId, id);
  if (!row) throw notFound('FAQ article');
  const revisions = await q.findRevisions(db, dealerId, id);
  return {
    ...toArticle(row, todayOf(actor, dealerId)),
    revisions: revisions.map((r) => ({
      revision: r.revision,
      change: r.change as 'create',
      question: r.question,
      changedAt: new Date(r.changedAt).toISOString(),
      changedByName: r.changedByName,
    })),
    useCount: await q.countUses(db, dealerId, id),
  };
}

const editor = (actor: Actor) => ({ userId: actor.userId, name: actor.displayName });

async function audit(db: Db, actor: Actor, dealerId: string, action: string, id: string, details = {}) {
  await appendAudit(db, {
    dealerId,
    actorUserId: actor.userId,
    actorUsername: actor.username,
    action,
    entityType: 'faq_article',
    entityId: id,
    ip: actor.ip,
    details,
  });
}

export async function createFaqArticle(db: Db, actor: Actor, input: FaqArticleInput) {
  const dealerId = requireDealer(actor);
  const id = await db.transaction().execute(async (tx) => {
    const row = await q.insertArticle(tx, dealerId, actor.userId, articleValues(input));
    await q.insertRevision(tx, dealerId, row.id, 'create', editor(actor));
    await audit(tx, actor, dealerId, 'faq.create', row.id, { question: input.question });
    return row.id;
  });
  return getFaqArticle(db, actor, id);
}

async function loadForChange(db: Db, dealerId: string, id: string, expected?: number) {
  const row = await q.findArticle(db, dealerId, id);
  if (!row) throw notFound('FAQ article');
  if (expected !== undefined && expected !== row.revision)
    throw new AppError('CONFLICT', `The article was changed meanwhile (now revision ${row.revision})`, {
      revision: row.revision,
    });
  return row;
}

export async function updateFaqArticle(db: Db, actor: Actor, id: string, input: UpdateFaqArticle) {
  const dealerId = requireDealer(actor);
  const row = await loadForChange(db, dealerId, id, input.revision);
  if (row.archivedAt) throw new AppError('CONFLICT', 'An archived article cannot be edited; restore it first');
  await db.transaction().execute(async (tx) => {
    const done = await q.updateArticle(tx, dealerId, id, row.revision, actor.userId, articleValues(input));
    if (!done) throw new AppError('CONFLICT', 'The article was changed meanwhile; reload it and edit again');
    await q.insertRevision(tx, dealerId, id, 'update', editor(actor));
    await audit(tx, actor, dealerId, 'faq.update', id, { revision: done.revision });
  });
  return getFaqArticle(db, actor, id);
}

/** Archives (or restores) an article; doing it twice changes nothing. */
export async function setFaqArchived(db: Db, actor: Actor, id: string, archived: boolean) {
  const dealerId = requireDealer(actor);
  const row = await loadForChange(db, dealerId, id);
  if (Boolean(row.archivedAt) !== archived) {
    await db.transaction().execute(async (tx) => {
      const done = await q.setArchived(tx, dealerId, id, row.revision, actor.userId, archived);
      if (!done) throw new AppError('CONFLICT', 'The article was changed meanwhile; reload it and try again');
      await q.insertRevision(tx, dealerId, id, archived ? 'archive' : 'restore', editor(actor));
      await audit(tx, actor, dealerId, archived ? 'faq.archive' : 'faq.restore', id);
    });
  }
  return getFaqArticle(db, actor, id);
}

export async function listFaqFacets(db: Db, actor: Actor) {
  return q.findFacets(db, requireDealer(actor));
}

type UseRow = Awaited<ReturnType<typeof q.findUses>>[number];
const toUse = (r: UseRow): z.infer<typeof FaqUse> => ({
  id: r.id,
  articleId: r.articleId,
  articleRevision: r.articleRevision,
  question: r.question,
  sourceCode: r.sourceCode,
  responseId: r.responseId,
  taskId: r.taskId,
  note: r.note,
  usedBy: r.usedByName,
  usedAt: new Date(r.usedAt).toISOString(),
});

/**
 * Records that an agent answered the customer from this article: resolution path (a) of SPEC §4.2–§4.5,
 * logged on the survey response and/or the callback task, with the revision of the answer given.
 */
export async function recordFaqUse(db: Db, actor: Actor, articleId: string, input: z.infer<typeof RecordFaqUse>) {
  const dealerId = requireDealer(actor);
  const article = await q.findArticle(db, dealerId, articleId);
  if (!article) throw notFound('FAQ article');
  if (article.archivedAt) throw new AppError('CONFLICT', 'This article is archived: answer from a current one');
  if (input.responseId && !(await q.responseExists(db, dealerId, input.responseId))) throw notFound('Survey response');
  if (input.taskId && !(await q.taskExists(db, dealerId, input.taskId))) throw notFound('Callback task');
  const row = await q.insertUse(db, {
    dealerId,
    articleId,
    articleRevision: article.revision,
    responseId: input.responseId ?? null,
    taskId: input.taskId ?? null,
    note: input.note ?? '',
    usedBy: actor.userId,
    usedByName: actor.displayName,
  });
  const [use] = await q.findUses(db, dealerId, { id: row.id });
  if (!use) throw notFound('FAQ use');
  return toUse(use);
}

export async function listFaqUses(
  db: Db,
  actor: Actor,
  filter: { responseId?: string | undefined; taskId?: string | undefined },
) {
  return { items: (await q.findUses(db, requireDealer(actor), filter)).map(toUse) };
}
