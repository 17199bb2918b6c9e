import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from '../../../core/contracts/common';
import { AnnotateRequest, SubmitResponseRequest, SurveyResponse } from '../../../core/contracts/questionnaires';
import type { Actor } from '../../http/actor';
import * as svc from './responses.service';

const tags = ['responses'];

/** Survey responses: write-once; corrections are annotations (SPEC §3.8, §8.1). */
export function responsesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.manyi.database.db;
  const actorOf = (req: FastifyRequest) => req.actor as Actor;

  r.post(
    '/api/responses',
    {
      schema: {
        tags,
        summary: 'Submit a response to a published version; the server scores it',
        body: SubmitResponseRequest,
        response: { 201: SurveyResponse },
      },
      config: { access: 'responses:create' },
    },
    async (req, reply) => {
      const id = await svc.submitResponse(db, actorOf(req), req.body);
      return reply.status(201).send(await svc.getResponse(db, actorOf(req), id));
    },
  );
  r.get(
    '/api/responses/:id',
    {
      schema: {
        tags,
        summary: 'One response with its answers, scores and annotations',
        params: IdParams,
        response: { 200: SurveyResponse },
      },
      config: { access: 'questionnaires:read' },
    },
    async (req) => svc.getResponse(db, actorOf(req), req.params.id),
  );
  r.post(
    '/api/responses/:id/annotations',
    {
      schema: {
        tags,
        summary: 'Annotate (correct) a response: a new audited row, never an edit',
        params: IdParams,
        body: AnnotateRequest,
        response: { 201: SurveyResponse },
      },
      config: { access: 'responses:annotate' },
    },
    async (req, reply) => reply.status(201).send(await svc.annotateResponse(db, actorOf(req), req.params.id, req.body)),
  );
}
