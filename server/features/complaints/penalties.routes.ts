import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../core/contracts/common';
import {
  Appeal,
  AppealList,
  AppealQuery,
  CreateAppealRequest,
  ForwardAppealRequest,
  MyPenalties,
  Penalty,
  PenaltyDecisionRequest,
  PenaltyList,
  PenaltyQuery,
  PenaltyRulesView,
  ProposePenaltiesRequest,
  PutPenaltyRulesRequest,
  RulingRequest,
} from '../../../core/contracts/complaints';
import type { Actor } from '../../http/actor';
import * as appeals from './appeals.service';
import * as rules from './penalty-rules.service';
import * as penalties from './penalties.service';
import { listExportRoute } from '../exports/list-export';
import { APPEALS_EXPORT, PENALTIES_EXPORT } from './complaints.exports';

const tags = ['penalties'];

/** Penalty rules and ledger (SPEC §5.7, §3.22), "my penalties", appeals (申诉单) and the GM's ruling. */
export function penaltiesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.manyi.database.db;
  listExportRoute(app, PENALTIES_EXPORT);
  listExportRoute(app, APPEALS_EXPORT);
  const actorOf = (req: FastifyRequest) => req.actor as Actor;

  r.get(
    '/api/penalty-rules',
    {
      schema: {
        tags,
        summary: 'Penalty rules in force, their versions and the presets',
        response: { 200: PenaltyRulesView },
      },
      config: { access: 'complaints:read' },
    },
    async (req) => rules.getPenaltyRules(db, actorOf(req)),
  );

  r.post(
    '/api/penalty-rules',
    {
      schema: {
        tags,
        summary: 'A new version of the penalty rules, in force from its effective date',
        body: PutPenaltyRulesRequest,
        response: { 200: PenaltyRulesView },
      },
      config: { access: 'penalties:configure' },
    },
    async (req) => rules.putPenaltyRules(db, actorOf(req), req.body),
  );

  r.post(
    '/api/complaints/:id/penalty-proposals',
    {
      schema: {
        tags,
        summary: 'Run the rules: PROPOSE penalties for the staff concerned (a manager decides)',
        params: IdParams,
        body: ProposePenaltiesRequest,
        response: { 201: z.array(Penalty) },
      },
      config: { access: 'penalties:propose' },
    },
    async (req, reply) =>
      reply.status(201).send(await penalties.proposePenalties(db, actorOf(req), req.params.id, req.body)),
  );

  r.get(
    '/api/penalties',
    {
      schema: {
        tags,
        summary: 'The penalty ledger (奖罚台账)',
        querystring: PenaltyQuery,
        response: { 200: PenaltyList },
      },
      config: { access: 'penalties:propose' },
    },
    async (req) => penalties.listPenalties(db, actorOf(req), req.query),
  );

  r.post(
    '/api/penalties/:id/decision',
    {
      schema: {
        tags,
        summary: "Approve or reject a proposed penalty (the staff member's head or the GM)",
        params: IdParams,
        body: PenaltyDecisionRequest,
        response: { 200: Penalty },
      },
      config: { access: 'penalties:approve' },
    },
    async (req) => penalties.decidePenalty(db, actorOf(req), req.params.id, req.body),
  );

  r.get(
    '/api/my/penalties',
    {
      schema: {
        tags,
        summary: 'My penalties with rule, evidence and approver; my complaints and appeals',
        response: { 200: MyPenalties },
      },
      config: { access: 'appeals:file' },
    },
    async (req) => penalties.myPenalties(db, actorOf(req)),
  );

  r.post(
    '/api/complaints/:id/appeals',
    {
      schema: {
        tags,
        summary: 'The staff member concerned appeals to their department head',
        params: IdParams,
        body: CreateAppealRequest,
        response: { 201: Appeal },
      },
      config: { access: 'appeals:file' },
    },
    async (req, reply) =>
      reply.status(201).send(await appeals.fileAppeal(db, actorOf(req), req.params.id, req.body.reason)),
  );

  r.get(
    '/api/appeals',
    {
      schema: {
        tags,
        summary: 'Appeals of the departments I head (the GM: all)',
        querystring: AppealQuery,
        response: { 200: AppealList },
      },
      config: { access: 'complaints:handle' },
    },
    async (req) => appeals.listAppeals(db, actorOf(req), req.query),
  );

  r.post(
    '/api/appeals/:id/forward',
    {
      schema: {
        tags,
        summary: 'Department head: submit the appeal to the GM',
        params: IdParams,
        body: ForwardAppealRequest,
        response: { 200: Appeal },
      },
      config: { access: 'complaints:handle' },
    },
    async (req) => appeals.forwardAppeal(db, actorOf(req), req.params.id, req.body.note),
  );

  r.post(
    '/api/appeals/:id/ruling',
    {
      schema: {
        tags,
        summary: 'GM ruling with signature: upheld voids the complaint and its penalties',
        params: IdParams,
        body: RulingRequest,
        response: { 200: Appeal },
      },
      config: { access: 'appeals:rule' },
    },
    async (req) => appeals.ruleAppeal(db, actorOf(req), req.params.id, req.body),
  );
}
