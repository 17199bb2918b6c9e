import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CaseCounts,
  CaseDetail,
  CaseList,
  CaseListQuery,
  CaseRulesOverview,
  DailyReport,
  DailyReportQuery,
  NoteRequest,
  OpenCaseRequest,
  PutCaseRulesRequest,
  ReassignRequest,
  ReplyRequest,
  RoutePreview,
  RoutePreviewQuery,
  SecondCallbackRequest,
  UnhandledQuery,
  UnhandledResponses,
} from '../../../core/contracts/cases';
import { IdParams } from '../../../core/contracts/common';
import type { Actor } from '../../http/actor';
import * as rules from './case-rules.service';
import * as steps from './case-steps.service';
import * as svc from './cases.service';
import * as open from './open-case.service';
import { listExportRoute } from '../exports/list-export';
import { CASES_EXPORT, DAILY_REPORT_EXPORT, UNHANDLED_EXPORT } from './cases.exports';

const tags = ['cases'];

/** The closed loop: dissatisfaction cases, steps, lists per role, daily report, routing rules (SPEC §4.7, §8.4). */
export function casesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.manyi.database.db;
  listExportRoute(app, CASES_EXPORT);
  listExportRoute(app, DAILY_REPORT_EXPORT);
  listExportRoute(app, UNHANDLED_EXPORT);
  const actorOf = (req: FastifyRequest) => req.actor as Actor;

  r.post(
    '/api/cases',
    {
      schema: {
        tags,
        summary: 'Record how a dissatisfied answer is resolved (path a/b, tracking form, daily report)',
        body: OpenCaseRequest,
        response: { 201: CaseDetail },
      },
      config: { access: 'cases:create' },
    },
    async (req, reply) => reply.status(201).send(await open.openCase(db, actorOf(req), req.body)),
  );
  r.get(
    '/api/cases',
    {
      schema: {
        tags,
        summary: 'Cases I may see: mine to answer, overdue, my second callbacks, escalated, all',
        querystring: CaseListQuery,
        response: { 200: CaseList },
      },
      config: { access: 'cases:read' },
    },
    async (req) => svc.listCases(db, actorOf(req), req.query),
  );
  r.get(
    '/api/cases/summary',
    {
      schema: {
        tags,
        summary: 'Dashboard counts: to answer, overdue (red), second callbacks, escalated',
        response: { 200: CaseCounts },
      },
      config: { access: 'cases:read' },
    },
    async (req) => svc.caseCounts(db, actorOf(req)),
  );
  r.get(
    '/api/cases/unhandled',
    {
      schema: {
        tags,
        summary: 'My dissatisfied responses that have no case yet',
        querystring: UnhandledQuery,
        response: { 200: UnhandledResponses },
      },
      config: { access: 'cases:create' },
    },
    async (req) => svc.unhandledResponses(db, actorOf(req)),
  );
  r.get(
    '/api/cases/route-preview',
    {
      schema: {
        tags,
        summary: 'Where a problem would go and its deadlines, before opening the case',
        querystring: RoutePreviewQuery,
        response: { 200: RoutePreview },
      },
      config: { access: 'cases:create' },
    },
    async (req) => open.previewRoute(db, actorOf(req), req.query),
  );
  r.get(
    '/api/cases/:id',
    {
      schema: { tags, summary: 'One case with its whole timeline', params: IdParams, response: { 200: CaseDetail } },
      config: { access: 'cases:read' },
    },
    async (req) => svc.getCase(db, actorOf(req), req.params.id),
  );
  stepRoutes(app);
  r.get(
    '/api/daily-report',
    {
      schema: {
        tags,
        summary: '售后每日工作汇报 (AYT-JL-客服-05) of a day',
        querystring: DailyReportQuery,
        response: { 200: DailyReport },
      },
      config: { access: 'cases:read' },
    },
    async (req) => svc.dailyReport(db, actorOf(req), req.query.date),
  );
  r.get(
    '/api/case-rules',
    {
      schema: {
        tags,
        summary: 'Case routing rules in effect and their versions',
        response: { 200: CaseRulesOverview },
      },
      config: { access: 'cases:read' },
    },
    async (req) => rules.getCaseRules(db, actorOf(req)),
  );
  r.put(
    '/api/case-rules',
    {
      schema: {
        tags,
        summary: 'Save a new version of the case routing rules',
        body: PutCaseRulesRequest,
        response: { 200: CaseRulesOverview },
      },
      config: { access: 'cases:configure' },
    },
    async (req) => rules.putCaseRules(db, actorOf(req), req.body),
  );
}

function stepRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.manyi.database.db;
  const actorOf = (req: FastifyRequest) => req.actor as Actor;
  const res = { 200: CaseDetail };
  r.post(
    '/api/cases/:id/forward',
    {
      schema: {
        tags,
        summary: 'Send the tracking form to the director (by 17:00)',
        params: IdParams,
        body: NoteRequest.nullish(),
        response: res,
      },
      config: { access: 'cases:create' },
    },
    async (req) => steps.forwardCase(db, actorOf(req), req.params.id, req.body?.note),
  );
  r.post(
    '/api/cases/:id/reply',
    {
      schema: {
        tags,
        summary: "The department's handling result given to the customer",
        params: IdParams,
        body: ReplyRequest,
        response: res,
      },
      config: { access: 'cases:handle' },
    },
    async (req) => steps.replyCase(db, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/cases/:id/return',
    {
      schema: {
        tags,
        summary: 'The completed form returned to the CS centre',
        params: IdParams,
        body: NoteRequest.nullish(),
        response: res,
      },
      config: { access: 'cases:handle' },
    },
    async (req) => steps.returnCase(db, actorOf(req), req.params.id, req.body?.note),
  );
  r.post(
    '/api/cases/:id/reassign-callback',
    {
      schema: {
        tags,
        summary: "Hand this loop's second callback to another agent (the one who filled the form is unavailable)",
        params: IdParams,
        body: ReassignRequest,
        response: res,
      },
      config: { access: 'cases:escalated' },
    },
    async (req) => steps.reassignSecondCallback(db, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/cases/:id/second-callback',
    {
      schema: {
        tags,
        summary: 'Second callback by the same agent: satisfied closes, not satisfied starts a new loop',
        params: IdParams,
        body: SecondCallbackRequest,
        response: res,
      },
      config: { access: 'cases:create' },
    },
    async (req) => steps.secondCallback(db, actorOf(req), req.params.id, req.body),
  );
}
