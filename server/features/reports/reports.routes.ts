import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams, NoBody } from '../../../core/contracts/common';
import {
  AnnotateReportRequest,
  ExportQuery,
  GenerateReportRequest,
  KindParams,
  ReportDetail,
  ReportList,
  ReportListQuery,
  ReportRecipients,
  ReportRecipientsBody,
  ReportRecipientsList,
  ReportSettings,
} from '../../../core/contracts/reports';
import type { Actor } from '../../http/actor';
import * as config from './report-config.service';
import * as reports from './reports.service';

const tags = ['reports'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Reports (issue 7 part 2, SPEC §4.15, §6 R2/R3/R8/R9): list, read, generate, annotate, submit, print, export. */
export function reportsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.manyi.database.db;
  const actorOf = (req: FastifyRequest) => req.actor as Actor;
  const read = { access: 'reports:read' } as const;
  const annotate = { access: 'reports:annotate' } as const;
  const configure = { access: 'reports:configure' } as const;

  r.get(
    '/api/reports',
    {
      schema: { tags, summary: 'Reports of the dealer', querystring: ReportListQuery, response: { 200: ReportList } },
      config: read,
    },
    async (req) => reports.listReports(db, actorOf(req), req.query),
  );
  r.post(
    '/api/reports',
    {
      schema: {
        tags,
        summary: 'Generate (or refresh the draft of) a report',
        body: GenerateReportRequest,
        response: { 201: ReportDetail },
      },
      config: annotate,
    },
    async (req, reply) =>
      reply.code(201).send(await reports.generate(db, actorOf(req), req.body.kind, req.body.period)),
  );
  r.get(
    '/api/reports/:id',
    {
      schema: { tags, summary: 'A report with its data', params: IdParams, response: { 200: ReportDetail } },
      config: read,
    },
    async (req) => reports.getReport(db, actorOf(req), req.params.id),
  );
  r.patch(
    '/api/reports/:id',
    {
      schema: {
        tags,
        summary: "The team lead's annotations",
        params: IdParams,
        body: AnnotateReportRequest,
        response: { 200: ReportDetail },
      },
      config: annotate,
    },
    async (req) => reports.annotate(db, actorOf(req), req.params.id, req.body.annotations),
  );
  r.post(
    '/api/reports/:id/submit',
    {
      schema: {
        tags,
        summary: 'Submit the report to its recipients',
        params: IdParams,
        body: NoBody,
        response: { 200: ReportDetail },
      },
      config: annotate,
    },
    async (req) => reports.submit(db, actorOf(req), req.params.id),
  );
  r.get(
    '/api/reports/:id/print',
    { schema: { tags, summary: 'The report as a printable A4 page (HTML)', params: IdParams }, config: read },
    async (req, reply) =>
      reply
        .header('content-type', 'text/html; charset=utf-8')
        .send(await reports.printReport(db, actorOf(req), req.params.id)),
  );
  r.get(
    '/api/reports/:id/export.xlsx',
    {
      schema: { tags, summary: 'The report as the paper form in Excel', params: IdParams, querystring: ExportQuery },
      config: read,
    },
    async (req, reply) => {
      const { buffer, fileName } = await reports.exportReport(db, actorOf(req), req.params.id, req.query);
      return reply
        .header('content-type', XLSX)
        .header(
          'content-disposition',
          `attachment; filename="report.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        )
        .send(buffer);
    },
  );
  r.get(
    '/api/report-recipients',
    {
      schema: { tags, summary: 'Recipients and send times per report', response: { 200: ReportRecipientsList } },
      config: read,
    },
    async (req) => config.listRecipients(db, actorOf(req)),
  );
  r.put(
    '/api/report-recipients/:kind',
    {
      schema: {
        tags,
        summary: 'Set the recipients of a report',
        params: KindParams,
        body: ReportRecipientsBody,
        response: { 200: ReportRecipients },
      },
      config: configure,
    },
    async (req) => config.setRecipients(db, actorOf(req), req.params.kind, req.body),
  );
  r.get(
    '/api/report-settings',
    {
      schema: { tags, summary: 'Report settings (due day, export-reason rows)', response: { 200: ReportSettings } },
      config: read,
    },
    async (req) => config.getSettings(db, actorOf(req)),
  );
  r.put(
    '/api/report-settings',
    {
      schema: { tags, summary: 'Set the report settings', body: ReportSettings, response: { 200: ReportSettings } },
      config: configure,
    },
    async (req) => config.setSettings(db, actorOf(req), req.body),
  );
}
