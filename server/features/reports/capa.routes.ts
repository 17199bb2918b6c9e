import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from '../../../core/contracts/common';
import {
  Capa,
  CapaList,
  CapaListQuery,
  CapaTransitionRequest,
  CreateCapaRequest,
  UpdateCapaRequest,
} from '../../../core/contracts/reports';
import type { Actor } from '../../http/actor';
import * as capa from './capa.service';

const tags = ['capa'];

/** Corrective and preventive actions (SPEC §3.16, §4.16): CRUD and the lifecycle steps (GM approves and checks). */
export function capaRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.manyi.database.db;
  const actorOf = (req: FastifyRequest) => req.actor as Actor;
  const manage = { access: 'capa:manage' } as const;

  r.get(
    '/api/capa',
    {
      schema: { tags, summary: 'CAPA of the dealer', querystring: CapaListQuery, response: { 200: CapaList } },
      config: manage,
    },
    async (req) => capa.listCapa(db, actorOf(req), req.query),
  );
  r.post(
    '/api/capa',
    {
      schema: { tags, summary: 'Open a CAPA (draft)', body: CreateCapaRequest, response: { 201: Capa } },
      config: manage,
    },
    async (req, reply) => reply.code(201).send(await capa.createCapa(db, actorOf(req), req.body)),
  );
  r.get(
    '/api/capa/:id',
    { schema: { tags, summary: 'One CAPA', params: IdParams, response: { 200: Capa } }, config: manage },
    async (req) => capa.getCapa(db, actorOf(req), req.params.id),
  );
  r.patch(
    '/api/capa/:id',
    {
      schema: { tags, summary: 'Edit a CAPA', params: IdParams, body: UpdateCapaRequest, response: { 200: Capa } },
      config: manage,
    },
    async (req) => capa.updateCapa(db, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/capa/:id/transition',
    {
      schema: {
        tags,
        summary: 'A lifecycle step (approve / pass / fail need capa:approve)',
        params: IdParams,
        body: CapaTransitionRequest,
        response: { 200: Capa },
      },
      config: manage,
    },
    async (req) => capa.transitionCapa(db, actorOf(req), req.params.id, req.body),
  );
}
