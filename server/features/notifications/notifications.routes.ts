import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams, NoBody, Ok } from '../../../core/contracts/common';
import {
  CreateWecomRobotRequest,
  NotificationList,
  NotificationQuery,
  Preferences,
  PutPreferencesRequest,
  Queued,
  ReadAllResult,
  WecomRobot,
  WecomRobotList,
} from '../../../core/contracts/notifications';
import type { Actor } from '../../http/actor';
import * as notifications from './notifications.service';
import * as robots from './wecom-robots.service';

const tags = ['notifications'];

export function notificationsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, config } = app.manyi;
  const db = database.db;
  const actorOf = (req: FastifyRequest) => req.actor as Actor;
  const inbox = { access: 'authenticated' } as const;
  const manage = { access: 'notifications:manage' } as const;

  r.get(
    '/api/notifications',
    {
      schema: {
        tags,
        summary: 'My inbox and unread count',
        querystring: NotificationQuery,
        response: { 200: NotificationList },
      },
      config: inbox,
    },
    async (req) => notifications.listInbox(db, actorOf(req), req.query),
  );
  r.post(
    '/api/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark one of my notifications read',
        params: IdParams,
        body: NoBody,
        response: { 200: Ok },
      },
      config: inbox,
    },
    async (req) => notifications.readNotification(db, actorOf(req), req.params.id),
  );
  r.post(
    '/api/notifications/read-all',
    {
      schema: { tags, summary: 'Mark my whole inbox read', body: NoBody, response: { 200: ReadAllResult } },
      config: inbox,
    },
    async (req) => notifications.readAllNotifications(db, actorOf(req)),
  );
  r.get(
    '/api/notifications/preferences',
    {
      schema: { tags, summary: 'My channels per event kind, and the role defaults', response: { 200: Preferences } },
      config: inbox,
    },
    async (req) => notifications.getPreferences(db, config, actorOf(req)),
  );
  r.put(
    '/api/notifications/preferences',
    {
      schema: {
        tags,
        summary: 'Replace my preferences (and, with notifications:manage, the role defaults)',
        body: PutPreferencesRequest,
        response: { 200: Preferences },
      },
      config: inbox,
    },
    async (req) => notifications.putPreferences(db, config, actorOf(req), req.body),
  );

  r.get(
    '/api/wecom-robots',
    { schema: { tags, summary: 'WeCom group robots of my dealer', response: { 200: WecomRobotList } }, config: manage },
    async (req) => robots.listRobots(db, actorOf(req)),
  );
  r.post(
    '/api/wecom-robots',
    {
      schema: {
        tags,
        summary: 'Add a group robot (the URL is stored encrypted)',
        body: CreateWecomRobotRequest,
        response: { 201: WecomRobot },
      },
      config: manage,
    },
    async (req, reply) => reply.status(201).send(await robots.createRobot(db, config, actorOf(req), req.body)),
  );
  r.delete(
    '/api/wecom-robots/:id',
    { schema: { tags, summary: 'Remove a group robot', params: IdParams, response: { 200: Ok } }, config: manage },
    async (req) => robots.deleteRobot(db, actorOf(req), req.params.id),
  );
  r.post(
    '/api/wecom-robots/:id/test',
    {
      schema: {
        tags,
        summary: 'Queue a test message to the group',
        params: IdParams,
        body: NoBody,
        response: { 202: Queued },
      },
      config: manage,
    },
    async (req, reply) => reply.status(202).send(await robots.testRobot(db, actorOf(req), req.params.id)),
  );
}
