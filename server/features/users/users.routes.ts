import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams, Ok, Paging } from '../../../core/contracts/common';
import {
  CreateUserRequest,
  ResetPasswordRequest,
  UpdateUserRequest,
  User,
  UserList,
} from '../../../core/contracts/users';
import type { Actor } from '../../http/actor';
import { listExportRoute } from '../exports/list-export';
import { USERS_EXPORT } from './users.exports';
import * as users from './users.service';

const tags = ['users'];

export function usersRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.manyi.database.db;
  const actorOf = (req: FastifyRequest) => req.actor as Actor;

  r.get(
    '/api/users',
    {
      schema: { tags, summary: 'Users I administer', querystring: Paging, response: { 200: UserList } },
      config: { access: 'users:read' },
    },
    async (req) => users.listUsers(db, actorOf(req), req.query.limit, req.query.offset),
  );
  listExportRoute(app, USERS_EXPORT);

  r.post(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Create a user (must change the password at first login)',
        body: CreateUserRequest,
        response: { 201: User },
      },
      config: { access: 'users:manage' },
    },
    async (req, reply) => reply.status(201).send(await users.createUser(db, actorOf(req), req.body)),
  );

  r.get(
    '/api/users/:id',
    {
      schema: { tags, summary: 'One user', params: IdParams, response: { 200: User } },
      config: { access: 'users:read' },
    },
    async (req) => users.getUser(db, actorOf(req), req.params.id),
  );

  r.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: 'Change name, roles, language, or disable / enable',
        params: IdParams,
        body: UpdateUserRequest,
        response: { 200: User },
      },
      config: { access: 'users:manage' },
    },
    async (req) => users.updateUser(db, actorOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/users/:id/password',
    {
      schema: {
        tags,
        summary: 'Reset a password (the user must change it at next login)',
        params: IdParams,
        body: ResetPasswordRequest,
        response: { 200: Ok },
      },
      config: { access: 'users:manage' },
    },
    async (req) => {
      await users.resetPassword(db, actorOf(req), req.params.id, req.body.password);
      return { ok: true as const };
    },
  );
}
