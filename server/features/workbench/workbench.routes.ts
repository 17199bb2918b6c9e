import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from '../../../core/contracts/common';
import {
  CallScript,
  CallScriptInput,
  CallScriptList,
  ScriptLineParams,
  WorkbenchContext,
  WorkbenchToday,
} from '../../../core/contracts/workbench';
import type { Actor } from '../../http/actor';
import * as wb from './workbench.service';

const tags = ['workbench'];

/** The agent workbench's extras (SPEC §8.7) and the per-dealer call scripts (§7.6). */
export function workbenchRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.manyi.database.db;
  const actorOf = (req: FastifyRequest) => req.actor as Actor;

  r.get(
    '/api/workbench/tasks/:id/context',
    {
      schema: {
        tags,
        summary: 'The order followed up and the call script filled for this task',
        params: IdParams,
        response: { 200: WorkbenchContext },
      },
      config: { access: 'callbacks:work' },
    },
    async (req) => wb.getContext(db, actorOf(req), req.params.id),
  );
  r.get(
    '/api/workbench/today',
    {
      schema: { tags, summary: 'Open tasks due by today that I may take', response: { 200: WorkbenchToday } },
      config: { access: 'callbacks:work' },
    },
    async (req) => wb.today(db, actorOf(req)),
  );
  r.get(
    '/api/call-scripts',
    {
      schema: {
        tags,
        summary: "The dealer's call scripts (the preset until saved)",
        response: { 200: CallScriptList },
      },
      config: { access: 'callbacks:configure' },
    },
    async (req) => wb.listScripts(db, actorOf(req)),
  );
  r.put(
    '/api/call-scripts/:line',
    {
      schema: {
        tags,
        summary: 'Save the call script of one business line (never asks "车辆还有什么问题")',
        params: ScriptLineParams,
        body: CallScriptInput,
        response: { 200: CallScript },
      },
      config: { access: 'callbacks:configure' },
    },
    async (req) => wb.saveScript(db, actorOf(req), req.params.line, req.body),
  );
}
