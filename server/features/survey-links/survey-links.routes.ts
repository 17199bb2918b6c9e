import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams, NoBody } from '../../../core/contracts/common';
import {
  CreatedLink,
  LinkList,
  LinkListQuery,
  LinkSettings,
  MessageProvider,
  SendLinkRequest,
  SendLinkResult,
  UpdateLinkSettings,
  UpdateMessageProvider,
} from '../../../core/contracts/survey-links';
import type { Actor } from '../../http/actor';
import { onsiteRoutes } from './onsite.routes';
import { publicSurveyRoutes } from './public.routes';
import * as settings from './settings.service';
import * as svc from './survey-links.service';

const tags = ['survey-links'];

/** The address staff reach the server at: the default base of the links they create. */
const originOf = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

/** Staff side of mobile survey links (SPEC §1.5 P-GEN), their settings and the SMS provider. */
export function surveyLinksRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.manyi.database;
  const { config } = app.manyi;
  const actorOf = (req: FastifyRequest) => req.actor as Actor;

  r.post(
    '/api/callbacks/tasks/:id/link',
    {
      schema: {
        tags,
        summary: 'Create a mobile survey link for the task (replaces its live link); URL and QR code',
        params: IdParams,
        body: NoBody,
        response: { 201: CreatedLink },
      },
      config: { access: 'callbacks:work' },
    },
    async (req, reply) => reply.status(201).send(await svc.createLink(db, actorOf(req), req.params.id, originOf(req))),
  );
  r.post(
    '/api/callbacks/tasks/:id/link/send',
    {
      schema: {
        tags,
        summary: "Send a new survey link to the customer's mobile through the dealer's SMS provider",
        params: IdParams,
        body: SendLinkRequest,
        response: { 200: SendLinkResult },
      },
      config: { access: 'callbacks:work' },
    },
    async (req) => svc.sendLink(db, config, actorOf(req), req.params.id, req.body?.phoneId, originOf(req)),
  );
  r.get(
    '/api/survey-links',
    {
      schema: {
        tags,
        summary: "A task's survey links and SMS deliveries",
        querystring: LinkListQuery,
        response: { 200: LinkList },
      },
      config: { access: 'callbacks:work' },
    },
    async (req) => svc.listLinks(db, actorOf(req), req.query.taskId),
  );
  r.get(
    '/api/survey-link-settings',
    {
      schema: {
        tags,
        summary: 'Privacy notice, validity, public address and SMS text',
        response: { 200: LinkSettings },
      },
      config: { access: 'callbacks:configure' },
    },
    async (req) => settings.getLinkSettings(db, actorOf(req)),
  );
  r.put(
    '/api/survey-link-settings',
    {
      schema: {
        tags,
        summary: 'Save the survey-link settings',
        body: UpdateLinkSettings,
        response: { 200: LinkSettings },
      },
      config: { access: 'callbacks:configure' },
    },
    async (req) => settings.updateLinkSettings(db, actorOf(req), req.body),
  );
  r.get(
    '/api/message-provider',
    {
      schema: { tags, summary: "The dealer's SMS / message provider", response: { 200: MessageProvider } },
      config: { access: 'notifications:manage' },
    },
    async (req) => settings.getProvider(db, actorOf(req)),
  );
  r.put(
    '/api/message-provider',
    {
      schema: {
        tags,
        summary: 'Configure the SMS provider',
        body: UpdateMessageProvider,
        response: { 200: MessageProvider },
      },
      config: { access: 'notifications:manage' },
    },
    async (req) => settings.updateProvider(db, config, actorOf(req), req.body),
  );
  onsiteRoutes(app);
  publicSurveyRoutes(app);
}
