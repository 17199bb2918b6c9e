import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AssignRequest,
  CallbackAgentList,
  CallbackTask,
  FixHandoffRequest,
  GenerateResult,
  Handoff,
  HandoffList,
  HandoffQuery,
  PutRulesRequest,
  QueueList,
  QueueQuery,
  RulesOverview,
} from '../../../core/contracts/callbacks';
import { IdParams, NoBody } from '../../../core/contracts/common';
import type { Actor } from '../../http/actor';
import { listExportRoute } from '../exports/list-export';
import { listAgents } from './agents';
import { QUEUE_EXPORT } from './callbacks.exports';
import * as svc from './callbacks.service';
import * as handoffs from './handoffs.service';
import * as rules from './rules.service';

const tags = ['callbacks'];

/** The lead side (queue, reassignment, generation), the rules, and the contact-data hand-offs. */
export function callbacksAdminRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.manyi.database.db;
  const actorOf = (req: FastifyRequest) => req.actor as Actor;

  r.get(
    '/api/callbacks/queue',
    {
      schema: {
        tags,
        summary: 'The whole queue, who holds what',
        querystring: QueueQuery,
        response: { 200: QueueList },
      },
      config: { access: 'callbacks:lead' },
    },
    async (req) => svc.listQueue(db, actorOf(req), req.query),
  );
  listExportRoute(app, QUEUE_EXPORT);
  r.get(
    '/api/callbacks/agents',
    {
      schema: {
        tags,
        summary: "The dealer's users who can take callbacks, with the tasks each has now",
        response: { 200: CallbackAgentList },
      },
      config: { access: 'callbacks:lead' },
    },
    async (req) => listAgents(db, actorOf(req)),
  );
  r.post(
    '/api/callbacks/tasks/:id/assign',
    {
      schema: {
        tags,
        summary: 'Give a task to one agent (null: back to everyone)',
        params: IdParams,
        body: AssignRequest,
        response: { 200: CallbackTask },
      },
      config: { access: 'callbacks:lead' },
    },
    async (req) => svc.assignTask(db, actorOf(req), req.params.id, req.body.userId),
  );
  r.post(
    '/api/callbacks/generate',
    {
      schema: { tags, summary: 'Generate tasks now', body: NoBody, response: { 200: GenerateResult } },
      config: { access: 'callbacks:lead' },
    },
    async (req) => svc.generateNow(db, actorOf(req)),
  );
  r.get(
    '/api/callbacks/rules',
    {
      schema: { tags, summary: 'Callback rules: current, versions, presets', response: { 200: RulesOverview } },
      // agents (callbacks:work) and the admins who configure them (callbacks:configure): checked in the service
      config: { access: 'authenticated' },
    },
    async (req) => rules.getRulesOverview(db, actorOf(req)),
  );
  r.put(
    '/api/callbacks/rules',
    {
      schema: {
        tags,
        summary: 'Save a new rules version with its effective date',
        body: PutRulesRequest,
        response: { 200: RulesOverview },
      },
      config: { access: 'callbacks:configure' },
    },
    async (req) => rules.putRules(db, actorOf(req), req.body),
  );
  r.get(
    '/api/callbacks/handoffs',
    {
      schema: {
        tags,
        summary: 'Wrong contact data handed to my department',
        querystring: HandoffQuery,
        response: { 200: HandoffList },
      },
      config: { access: 'callbacks:fix-contact' },
    },
    async (req) =>
      handoffs.listHandoffs(db, actorOf(req), {
        ...(req.query.open ? { open: req.query.open === 'true' } : {}),
        mine: req.query.mine === 'true',
      }),
  );
  r.post(
    '/api/callbacks/handoffs/:id/fix',
    {
      schema: {
        tags,
        summary: 'Contact data fixed: the task goes back to the queue',
        params: IdParams,
        body: FixHandoffRequest,
        response: { 200: Handoff },
      },
      config: { access: 'callbacks:fix-contact' },
    },
    async (req) => handoffs.fixHandoff(db, actorOf(req), req.params.id, req.body),
  );
}
