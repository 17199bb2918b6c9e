import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from '../../../core/contracts/common';
import {
  OnsiteCandidates,
  OnsiteCandidatesQuery,
  OnsiteDone,
  OnsiteSession,
  OnsiteSubmitRequest,
  StartOnsiteRequest,
  WalkInDone,
  WalkInQuery,
  WalkInQuestionnaire,
  WalkInRequest,
} from '../../../core/contracts/survey-links';
import type { Actor } from '../../http/actor';
import * as onsite from './onsite.service';

const tags = ['onsite'];

/** The on-site survey at the counter (WF-1 §4.2, WF-3 §4.4). */
export function onsiteRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.manyi.database;
  const actorOf = (req: FastifyRequest) => req.actor as Actor;

  r.get(
    '/api/onsite/candidates',
    {
      schema: {
        tags,
        summary: "The day's settled repair orders or delivered sales, with their on-site task",
        querystring: OnsiteCandidatesQuery,
        response: { 200: OnsiteCandidates },
      },
      config: { access: 'callbacks:work' },
    },
    async (req) => onsite.listCandidates(db, actorOf(req), req.query),
  );
  r.post(
    '/api/onsite/start',
    {
      schema: {
        tags,
        summary: "Start (or resume) the on-site survey of an order or sale with the customer's consent answer",
        body: StartOnsiteRequest,
        response: { 200: OnsiteSession },
      },
      config: { access: 'callbacks:work' },
    },
    async (req) => onsite.startOnsite(db, actorOf(req), req.body),
  );
  r.get(
    '/api/onsite/walk-in/questionnaire',
    {
      schema: {
        tags,
        summary: 'The on-site questionnaire for a customer whose order is not imported yet',
        querystring: WalkInQuery,
        response: { 200: WalkInQuestionnaire },
      },
      config: { access: 'callbacks:work' },
    },
    async (req) => onsite.walkInQuestionnaire(db, actorOf(req), req.query.kind),
  );
  r.post(
    '/api/onsite/walk-in',
    {
      schema: {
        tags,
        summary: 'Submit on-site answers without a task (order not imported yet); listed in the on-site register',
        body: WalkInRequest,
        response: { 201: WalkInDone },
      },
      config: { access: 'callbacks:work' },
    },
    async (req, reply) => reply.status(201).send(await onsite.submitWalkIn(db, actorOf(req), req.body)),
  );
  r.post(
    '/api/onsite/tasks/:id/response',
    {
      schema: {
        tags,
        summary: 'Submit the on-site answers; the task becomes SUCCESS',
        params: IdParams,
        body: OnsiteSubmitRequest,
        response: { 201: OnsiteDone },
      },
      config: { access: 'callbacks:work' },
    },
    async (req, reply) => reply.status(201).send(await onsite.submitOnsite(db, actorOf(req), req.params.id, req.body)),
  );
}
