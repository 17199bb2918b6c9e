import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../core/contracts/common';
import {
  CreateForumItemRequest,
  ForumItem,
  ForumItemList,
  ForumQuery,
  ToComplaintRequest,
  UpdateForumItemRequest,
} from '../../../core/contracts/hotline';
import type { Actor } from '../../http/actor';
import { listExportRoute } from '../exports/list-export';
import { FORUM_EXPORT } from './forum.exports';
import * as forum from './forum.service';

const tags = ['forum'];
const ComplaintRef = z.object({ complaintId: z.uuid() });

/** Online-forum monitoring items (SPEC §3.25, WF-18). */
export function forumRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.manyi.database.db;
  const actorOf = (req: FastifyRequest) => req.actor as Actor;

  r.get(
    '/api/forum-items',
    {
      schema: { tags, summary: 'Forum monitoring items', querystring: ForumQuery, response: { 200: ForumItemList } },
      config: { access: 'forum:monitor' },
    },
    async (req) => forum.listItems(db, actorOf(req), req.query),
  );
  listExportRoute(app, FORUM_EXPORT);

  r.post(
    '/api/forum-items',
    {
      schema: {
        tags,
        summary: 'Record a post found online',
        body: CreateForumItemRequest,
        response: { 201: ForumItem },
      },
      config: { access: 'forum:monitor' },
    },
    async (req, reply) => reply.status(201).send(await forum.createItem(db, actorOf(req), req.body)),
  );

  r.patch(
    '/api/forum-items/:id',
    {
      schema: {
        tags,
        summary: 'Forward to the responsible person, mark handled or ignored',
        params: IdParams,
        body: UpdateForumItemRequest,
        response: { 200: ForumItem },
      },
      config: { access: 'forum:monitor' },
    },
    async (req) => forum.updateItem(db, actorOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/forum-items/:id/complaint',
    {
      schema: {
        tags,
        summary: 'Register a complaint slip from this post',
        params: IdParams,
        body: ToComplaintRequest,
        response: { 201: ComplaintRef },
      },
      config: { access: 'complaints:create' },
    },
    async (req, reply) =>
      reply.status(201).send(await forum.itemToComplaint(db, actorOf(req), req.params.id, req.body)),
  );
}
