import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams, NoBody } from '../../../core/contracts/common';
import {
  AttributionRequest,
  CheckRequest,
  ComplaintDetail,
  ComplaintList,
  ComplaintQuery,
  CreateComplaintRequest,
  ExplanationRequest,
  IssueRectificationRequest,
  RectificationList,
  RectificationNotice,
  RectificationResultRequest,
  ReplyRequest,
  StartRequest,
} from '../../../core/contracts/complaints';
import type { Actor } from '../../http/actor';
import * as complaints from './complaints.service';
import * as notices from './rectification.service';
import { listExportRoute } from '../exports/list-export';
import { COMPLAINTS_EXPORT, NOTICES_EXPORT, NoticeQuery } from './complaints.exports';

const tags = ['complaints'];

/** Complaint slips (客户抱怨单, WF-8) and rectification notices (整改通知单, WF-9). */
export function complaintsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.manyi.database.db;
  listExportRoute(app, COMPLAINTS_EXPORT);
  listExportRoute(app, NOTICES_EXPORT);
  const actorOf = (req: FastifyRequest) => req.actor as Actor;

  r.get(
    '/api/complaints',
    {
      schema: {
        tags,
        summary: 'Complaint registry with filters',
        querystring: ComplaintQuery,
        response: { 200: ComplaintList },
      },
      config: { access: 'complaints:read' },
    },
    async (req) => complaints.listComplaints(db, actorOf(req), req.query),
  );

  r.post(
    '/api/complaints',
    {
      schema: {
        tags,
        summary: 'Register a complaint slip and issue it to the department head (WF-8 step 1)',
        body: CreateComplaintRequest,
        response: { 201: ComplaintDetail },
      },
      config: { access: 'complaints:create' },
    },
    async (req, reply) => {
      const id = await complaints.createComplaint(db, actorOf(req), req.body);
      return reply.status(201).send(await complaints.getComplaint(db, actorOf(req), id));
    },
  );

  r.get(
    '/api/complaints/:id',
    {
      schema: {
        tags,
        summary: 'A complaint with its timeline, penalties, appeals and notice',
        params: IdParams,
        response: { 200: ComplaintDetail },
      },
      config: { access: 'complaints:read' },
    },
    async (req) => complaints.getComplaint(db, actorOf(req), req.params.id),
  );

  r.put(
    '/api/complaints/:id/attribution',
    {
      schema: {
        tags,
        summary: 'Attribute to the staff member(s) and department responsible',
        params: IdParams,
        body: AttributionRequest,
        response: { 200: ComplaintDetail },
      },
      config: { access: 'complaints:create' },
    },
    async (req) => complaints.attribute(db, actorOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/complaints/:id/start',
    {
      schema: {
        tags,
        summary: 'Department head: take the complaint on (in handling)',
        params: IdParams,
        body: StartRequest,
        response: { 200: ComplaintDetail },
      },
      config: { access: 'complaints:handle' },
    },
    async (req) => complaints.startHandling(db, actorOf(req), req.params.id, req.body.note),
  );

  r.post(
    '/api/complaints/:id/reply',
    {
      schema: {
        tags,
        summary: 'Department head: reply the handling result and improvement measures to CR',
        params: IdParams,
        body: ReplyRequest,
        response: { 200: ComplaintDetail },
      },
      config: { access: 'complaints:handle' },
    },
    async (req) => complaints.replyHandling(db, actorOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/complaints/:id/check',
    {
      schema: {
        tags,
        summary: 'CR: check (检核) the result and note the relationship maintenance',
        params: IdParams,
        body: CheckRequest,
        response: { 200: ComplaintDetail },
      },
      config: { access: 'complaints:check' },
    },
    async (req) => complaints.checkComplaint(db, actorOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/complaints/:id/rectification',
    {
      schema: {
        tags,
        summary: 'CR: issue the rectification notice of a manufacturer-hotline complaint',
        params: IdParams,
        body: IssueRectificationRequest,
        response: { 201: RectificationNotice },
      },
      config: { access: 'complaints:check' },
    },
    async (req, reply) => reply.status(201).send(await notices.issueNotice(db, actorOf(req), req.params.id, req.body)),
  );

  r.get(
    '/api/rectification-notices',
    {
      schema: {
        tags,
        summary: 'Rectification notices of my dealer',
        querystring: NoticeQuery,
        response: { 200: RectificationList },
      },
      config: { access: 'complaints:read' },
    },
    async (req) => notices.listNotices(db, actorOf(req), req.query.status),
  );

  r.post(
    '/api/rectification-notices/:id/result',
    {
      schema: {
        tags,
        summary: 'Related department: report the rectification result to CR',
        params: IdParams,
        body: RectificationResultRequest,
        response: { 200: RectificationNotice },
      },
      config: { access: 'complaints:handle' },
    },
    async (req) => notices.recordNoticeStep(db, actorOf(req), req.params.id, 'result', req.body.result),
  );

  r.post(
    '/api/rectification-notices/:id/explanation',
    {
      schema: {
        tags,
        summary: 'Department head: written explanation to the GM (书面说明)',
        params: IdParams,
        body: ExplanationRequest,
        response: { 200: RectificationNotice },
      },
      config: { access: 'complaints:handle' },
    },
    async (req) => notices.recordNoticeStep(db, actorOf(req), req.params.id, 'explanation', req.body.explanation),
  );

  r.post(
    '/api/rectification-notices/:id/close',
    {
      schema: {
        tags,
        summary: 'CR: close the notice (result reported, explanation given)',
        params: IdParams,
        body: NoBody,
        response: { 200: RectificationNotice },
      },
      config: { access: 'complaints:check' },
    },
    async (req) => notices.closeNotice(db, actorOf(req), req.params.id),
  );
}
