import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../core/contracts/common';
import {
  CreateHotlineCallRequest,
  HotlineCall,
  HotlineCallList,
  HotlineQuery,
  HotlineReplyRequest,
  ToComplaintRequest,
  UpdateHotlineCallRequest,
} from '../../../core/contracts/hotline';
import type { Actor } from '../../http/actor';
import * as hotline from './hotline.service';
import { listExportRoute } from '../exports/list-export';
import { HOTLINE_EXPORT } from './hotline.exports';

const tags = ['hotline'];
const ComplaintRef = z.object({ complaintId: z.uuid() });

/** Hotline log (热线电话, SPEC §3.24, WF-10). */
export function hotlineRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.manyi.database.db;
  listExportRoute(app, HOTLINE_EXPORT);
  const actorOf = (req: FastifyRequest) => req.actor as Actor;

  r.get(
    '/api/hotline-calls',
    {
      schema: {
        tags,
        summary: 'Hotline log (numbers masked); overdue=true for broken promises',
        querystring: HotlineQuery,
        response: { 200: HotlineCallList },
      },
      config: { access: 'hotline:log' },
    },
    async (req) => hotline.listCalls(db, actorOf(req), req.query),
  );

  r.post(
    '/api/hotline-calls',
    {
      schema: {
        tags,
        summary: 'Log a 400/800 call; a promised reply time starts a timer',
        body: CreateHotlineCallRequest,
        response: { 201: HotlineCall },
      },
      config: { access: 'hotline:log' },
    },
    async (req, reply) => reply.status(201).send(await hotline.createCall(db, actorOf(req), req.body)),
  );

  r.get(
    '/api/hotline-calls/:id',
    {
      schema: { tags, summary: 'One hotline call', params: IdParams, response: { 200: HotlineCall } },
      config: { access: 'hotline:log' },
    },
    async (req) => hotline.getCall(db, actorOf(req), req.params.id),
  );

  r.patch(
    '/api/hotline-calls/:id',
    {
      schema: {
        tags,
        summary: 'Correct purpose, category, content or the promised reply time',
        params: IdParams,
        body: UpdateHotlineCallRequest,
        response: { 200: HotlineCall },
      },
      config: { access: 'hotline:log' },
    },
    async (req) => hotline.updateCall(db, actorOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/hotline-calls/:id/reply',
    {
      schema: {
        tags,
        summary: 'The caller was answered (kept = no later than promised)',
        params: IdParams,
        body: HotlineReplyRequest,
        response: { 200: HotlineCall },
      },
      config: { access: 'hotline:log' },
    },
    async (req) => hotline.replyCall(db, actorOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/hotline-calls/:id/complaint',
    {
      schema: {
        tags,
        summary: 'Register a complaint slip from this call',
        params: IdParams,
        body: ToComplaintRequest,
        response: { 201: ComplaintRef },
      },
      config: { access: 'complaints:create' },
    },
    async (req, reply) =>
      reply.status(201).send(await hotline.callToComplaint(db, actorOf(req), req.params.id, req.body)),
  );
}
