import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from '../../../core/contracts/common';
import {
  ConfirmCorrectionRequest,
  Correction,
  CorrectionList,
  CorrectionQuery,
  CreateCorrectionRequest,
  ResolveCorrectionRequest,
} from '../../../core/contracts/corrections';
import type { Actor } from '../../http/actor';
import * as corrections from './corrections.service';
import { listExportRoute } from '../exports/list-export';
import { CORRECTIONS_EXPORT } from './customers.exports';

const tags = ['corrections'];

export function correctionsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.manyi.database.db;
  listExportRoute(app, CORRECTIONS_EXPORT);
  const actorOf = (req: FastifyRequest) => req.actor as Actor;

  r.post(
    '/api/corrections',
    {
      schema: {
        tags,
        summary: 'File a customer-information correction (客户信息修正表); due within 24 h',
        body: CreateCorrectionRequest,
        response: { 201: Correction },
      },
      config: { access: 'corrections:create' },
    },
    async (req, reply) => reply.status(201).send(await corrections.createCorrection(db, actorOf(req), req.body)),
  );

  r.get(
    '/api/corrections',
    {
      schema: {
        tags,
        summary: 'Correction requests of my dealer (status=overdue for the late ones)',
        querystring: CorrectionQuery,
        response: { 200: CorrectionList },
      },
      config: { access: 'corrections:create' },
    },
    async (req) => corrections.listCorrections(db, actorOf(req), req.query.status),
  );

  r.post(
    '/api/corrections/:id/resolve',
    {
      schema: {
        tags,
        summary: 'Department manager: fix the data (apply the proposed value) and return it to CS',
        params: IdParams,
        body: ResolveCorrectionRequest,
        response: { 200: Correction },
      },
      config: { access: 'corrections:resolve' },
    },
    async (req) => corrections.resolveCorrection(db, actorOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/corrections/:id/confirm',
    {
      schema: {
        tags,
        summary: 'CS: confirm the correction, or send it back',
        params: IdParams,
        body: ConfirmCorrectionRequest,
        response: { 200: Correction },
      },
      config: { access: 'corrections:confirm' },
    },
    async (req) => corrections.confirmCorrection(db, actorOf(req), req.params.id, req.body),
  );
}
