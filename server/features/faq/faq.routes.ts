import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams, NoBody } from '../../../core/contracts/common';
import {
  FaqArticleDetail,
  FaqArticleInput,
  FaqFacets,
  FaqImportResult,
  FaqSearchQuery,
  FaqSearchResult,
  FaqUse,
  FaqUseList,
  FaqUseQuery,
  RecordFaqUse,
  UpdateFaqArticle,
} from '../../../core/contracts/faq';
import type { Actor } from '../../http/actor';
import { importFaqUpload } from './faq-import';
import * as faq from './faq.service';

const tags = ['faq'];

const actorOf = (req: FastifyRequest) => req.actor as Actor;

/** FAQ knowledge base (SPEC §3.11) and "answered from the FAQ" (resolution path a, §4.2–§4.5). */
export function faqRoutes(app: FastifyInstance) {
  readRoutes(app);
  manageRoutes(app);
  useRoutes(app);
}

/** Search, facets, one article: every dealer role. */
function readRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.manyi.database.db;

  r.get(
    '/api/faq',
    {
      schema: {
        tags,
        summary: 'Search the FAQ (Chinese full text, ranked), filter by category, tag, source; paged',
        querystring: FaqSearchQuery,
        response: { 200: FaqSearchResult },
      },
      config: { access: 'faq:read' },
    },
    async (req) => faq.searchFaq(db, actorOf(req), req.query),
  );

  r.get(
    '/api/faq/categories',
    {
      schema: { tags, summary: 'Categories, tags and sources in use, with counts', response: { 200: FaqFacets } },
      config: { access: 'faq:read' },
    },
    async (req) => faq.listFaqFacets(db, actorOf(req)),
  );

  r.get(
    '/api/faq/:id',
    {
      schema: {
        tags,
        summary: 'One article with its revision history',
        params: IdParams,
        response: { 200: FaqArticleDetail },
      },
      config: { access: 'faq:read' },
    },
    async (req) => faq.getFaqArticle(db, actorOf(req), req.params.id),
  );
}

/** Add, edit, archive, restore, import: CS management and the quality department. */
function manageRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, config } = app.manyi;
  const db = database.db;

  r.post(
    '/api/faq',
    {
      schema: { tags, summary: 'Add an article', body: FaqArticleInput, response: { 201: FaqArticleDetail } },
      config: { access: 'faq:manage' },
    },
    async (req, reply) => reply.status(201).send(await faq.createFaqArticle(db, actorOf(req), req.body)),
  );

  r.put(
    '/api/faq/:id',
    {
      schema: {
        tags,
        summary: 'Edit an article (a new revision; give `revision` to refuse a concurrent edit with 409)',
        params: IdParams,
        body: UpdateFaqArticle,
        response: { 200: FaqArticleDetail },
      },
      config: { access: 'faq:manage' },
    },
    async (req) => faq.updateFaqArticle(db, actorOf(req), req.params.id, req.body),
  );

  for (const [verb, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    r.post(
      `/api/faq/:id/${verb}`,
      {
        schema: {
          tags,
          summary: archived ? 'Archive an article (kept, no longer offered)' : 'Restore an archived article',
          params: IdParams,
          body: NoBody,
          response: { 200: FaqArticleDetail },
        },
        config: { access: 'faq:manage' },
      },
      async (req) => faq.setFaqArchived(db, actorOf(req), req.params.id, archived),
    );
  }

  r.post(
    '/api/faq/import',
    {
      schema: {
        tags,
        summary: 'Import articles from an .xlsx (columns: 问题, 答案, 分类, 标签, 来源, 版本, 生效日期)',
        consumes: ['multipart/form-data'],
        response: { 201: FaqImportResult },
      },
      config: { access: 'faq:manage' },
    },
    async (req, reply) => reply.status(201).send(await importFaqUpload(db, config, actorOf(req), req)),
  );
}

/** "Answered from the FAQ" (resolution path a): recorded and listed by every dealer role. */
function useRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.manyi.database.db;

  r.get(
    '/api/faq/uses',
    {
      schema: {
        tags,
        summary: 'Answers given from the FAQ on a survey response or a callback task',
        querystring: FaqUseQuery,
        response: { 200: FaqUseList },
      },
      config: { access: 'faq:read' },
    },
    async (req) => faq.listFaqUses(db, actorOf(req), req.query),
  );

  r.post(
    '/api/faq/:id/uses',
    {
      schema: {
        tags,
        summary: 'Record "answered from the FAQ" (resolution path a) on a response and/or a callback task',
        params: IdParams,
        body: RecordFaqUse,
        response: { 201: FaqUse },
      },
      config: { access: 'faq:read' },
    },
    async (req, reply) =>
      reply.status(201).send(await faq.recordFaqUse(db, actorOf(req), req.params.id, req.body ?? {})),
  );
}
