import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CallbackTask,
  CreateTaskRequest,
  MineResult,
  NextRequest,
  NextResult,
  RecordAttemptRequest,
  TaskResponseRequest,
} from '../../../core/contracts/callbacks';
import { IdParams, NoBody, Ok } from '../../../core/contracts/common';
import type { Actor } from '../../http/actor';
import * as attempts from './attempts.service';
import { callbacksAdminRoutes } from './callbacks-admin.routes';
import * as svc from './callbacks.service';
import * as tasks from './tasks.service';

const tags = ['callbacks'];

/** The agent side of the callback queue (SPEC §3.5–§3.6, §4.6 WF-5, §8.7). */
export function callbacksRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.manyi.database.db;
  const actorOf = (req: FastifyRequest) => req.actor as Actor;

  r.post(
    '/api/callbacks/next',
    {
      schema: {
        tags,
        summary: '"Next call": lease the most urgent due task nobody holds (drops the one you held)',
        body: NextRequest,
        response: { 200: NextResult },
      },
      config: { access: 'callbacks:work' },
    },
    async (req) => svc.nextTask(db, actorOf(req)),
  );
  r.get(
    '/api/callbacks/mine',
    {
      schema: { tags, summary: 'The task I hold, my appointments, my counts today', response: { 200: MineResult } },
      config: { access: 'callbacks:work' },
    },
    async (req) => svc.mine(db, actorOf(req)),
  );
  r.get(
    '/api/callbacks/tasks/:id',
    {
      schema: { tags, summary: 'One task with its context', params: IdParams, response: { 200: CallbackTask } },
      config: { access: 'callbacks:work' },
    },
    async (req) => svc.getTask(db, actorOf(req), req.params.id),
  );
  r.post(
    '/api/callbacks/tasks/:id/attempts',
    {
      schema: {
        tags,
        summary: 'Record a call attempt and its outcome (WF-5)',
        params: IdParams,
        body: RecordAttemptRequest,
        response: { 200: CallbackTask },
      },
      config: { access: 'callbacks:work' },
    },
    async (req) => attempts.recordAttempt(db, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/callbacks/tasks/:id/response',
    {
      schema: {
        tags,
        summary: "Submit the task's questionnaire answers; the task becomes SUCCESS",
        params: IdParams,
        body: TaskResponseRequest,
        response: { 200: CallbackTask },
      },
      config: { access: 'callbacks:work' },
    },
    async (req) => attempts.submitTaskResponse(db, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/callbacks/tasks/:id/release',
    {
      schema: {
        tags,
        summary: 'Give the task back to the queue',
        params: IdParams,
        body: NoBody,
        response: { 200: Ok },
      },
      config: { access: 'callbacks:work' },
    },
    async (req) => svc.releaseTask(db, actorOf(req), req.params.id),
  );
  r.post(
    '/api/callbacks/tasks',
    {
      schema: {
        tags,
        summary: 'Create a special, spot-check, second-callback or on-site task',
        body: CreateTaskRequest,
        response: { 201: CallbackTask },
      },
      config: { access: 'callbacks:lead' },
    },
    async (req, reply) => reply.status(201).send(await tasks.createTask(db, actorOf(req), req.body)),
  );
  callbacksAdminRoutes(app);
}
