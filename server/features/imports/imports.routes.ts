import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from '../../../core/contracts/common';
import {
  ImportKind,
  ImportRun,
  ImportRunList,
  StartImportRequest,
  UploadResult,
} from '../../../core/contracts/imports';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/errors';
import * as imports from './imports.service';
import { streamRejects } from './imports.queries';
import { writeRejectsWorkbook } from './readers/index';

const tags = ['imports'];

export function importsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, config } = app.manyi;
  const db = database.db;
  const actorOf = (req: FastifyRequest) => req.actor as Actor;

  r.post(
    '/api/imports',
    {
      schema: {
        tags,
        summary: 'Upload a DMS export (multipart: kind, file); returns a preview and the suggested column mapping',
        consumes: ['multipart/form-data'],
        response: { 201: UploadResult },
      },
      config: { access: 'imports:run' },
    },
    async (req, reply) => {
      if (!req.isMultipart())
        throw new AppError(
          'UNSUPPORTED_MEDIA_TYPE',
          'Send the file as multipart/form-data with fields "kind" then "file"',
        );
      const part = await req.file();
      if (!part) throw new AppError('VALIDATION_FAILED', 'No file in the upload', { field: 'file' });
      const kindField = part.fields.kind;
      const kindValue = kindField && 'value' in kindField ? kindField.value : undefined;
      const kind = ImportKind.safeParse(kindValue);
      if (!kind.success) {
        part.file.resume();
        throw new AppError(
          'VALIDATION_FAILED',
          'kind must be repair-orders, vehicle-sales or customers (send it before the file)',
          { field: 'kind' },
        );
      }
      const result = await imports.createUpload(db, config, actorOf(req), {
        kind: kind.data,
        fileName: part.filename,
        stream: part.file,
      });
      return reply.status(201).send(result);
    },
  );

  r.get(
    '/api/imports',
    {
      schema: { tags, summary: 'Recent imports of the dealer I work in', response: { 200: ImportRunList } },
      config: { access: 'imports:run' },
    },
    async (req) => imports.listRuns(db, actorOf(req)),
  );

  r.get(
    '/api/imports/:id',
    {
      schema: {
        tags,
        summary: 'One import with its progress and counts',
        params: IdParams,
        response: { 200: ImportRun },
      },
      config: { access: 'imports:run' },
    },
    async (req) => imports.toRun(await imports.getRun(db, actorOf(req), req.params.id)),
  );

  r.post(
    '/api/imports/:id/start',
    {
      schema: {
        tags,
        summary: 'Start (or re-run) an import with a column mapping',
        params: IdParams,
        body: StartImportRequest,
        response: { 202: ImportRun },
      },
      config: { access: 'imports:run' },
    },
    async (req, reply) =>
      reply.status(202).send(await imports.startRun(db, config, actorOf(req), req.params.id, req.body)),
  );

  r.post(
    '/api/imports/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a running import (rows already committed stay)',
        params: IdParams,
        response: { 200: ImportRun },
      },
      config: { access: 'imports:run' },
    },
    async (req) => imports.cancelRun(db, actorOf(req), req.params.id),
  );

  r.get(
    '/api/imports/:id/rejects.xlsx',
    {
      schema: { tags, summary: 'The rejected rows with a reason column, as Excel', params: IdParams },
      config: { access: 'imports:run' },
    },
    async (req, reply) => {
      const run = await imports.getRun(db, actorOf(req), req.params.id);
      const tmp = path.join(os.tmpdir(), `manyi-rejects-${run.id}-${process.pid}.xlsx`);
      const rows = (async function* () {
        for await (const x of streamRejects(db, run.dealerId, run.id))
          yield { rowNo: x.rowNo, reason: x.reason, cells: x.cells as (string | number | boolean | null)[] };
      })();
      await writeRejectsWorkbook(tmp, run.headers as string[], rows);
      const stream = fs.createReadStream(tmp);
      stream.on('close', () => fs.rmSync(tmp, { force: true }));
      const name = encodeURIComponent(`${path.parse(run.fileName).name}-rejected.xlsx`);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="rejected.xlsx"; filename*=UTF-8''${name}`)
        .send(stream);
    },
  );
}
