import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ChangePasswordRequest,
  LoginRequest,
  Me,
  SetLocaleRequest,
  SwitchDealerRequest,
} from '../../../core/contracts/auth';
import { NoBody, Ok } from '../../../core/contracts/common';
import type { Actor } from '../../http/actor';
import { SESSION_COOKIE } from '../../http/guard';
import * as auth from './auth.service';

const tags = ['auth'];

export function authRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, config } = app.manyi;
  const db = database.db;
  const actorOf = (req: FastifyRequest) => req.actor as Actor;

  const setCookie = (req: FastifyRequest, reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: config.cookieSecure ?? req.protocol === 'https',
      maxAge: Math.floor(config.sessionAbsoluteMs / 1000),
    });

  r.post(
    '/api/auth/login',
    {
      schema: { tags, summary: 'Log in with username and password', body: LoginRequest, response: { 200: Me } },
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const token = await auth.login(db, config, req.body, { ip: req.ip, userAgent: req.headers['user-agent'] });
      setCookie(req, reply, token);
      // Read for the answer, not remembered: the cache is for the requests that follow.
      const actor = await auth.resolveSession(db, config, token, req.ip, { remember: false });
      return auth.buildMe(actor);
    },
  );

  r.post(
    '/api/auth/logout',
    {
      schema: { tags, summary: 'Log out (ends this session)', body: NoBody, response: { 200: Ok } },
      config: { access: 'authenticated', allowDuringPasswordChange: true },
    },
    async (req, reply) => {
      await auth.logout(db, actorOf(req));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  r.get(
    '/api/auth/me',
    {
      schema: { tags, summary: 'The logged-in user, roles, permissions and dealers', response: { 200: Me } },
      config: { access: 'authenticated', allowDuringPasswordChange: true },
    },
    async (req) => auth.buildMe(actorOf(req)),
  );

  r.post(
    '/api/auth/password',
    {
      schema: { tags, summary: 'Change my password', body: ChangePasswordRequest, response: { 200: Ok } },
      config: { access: 'authenticated', allowDuringPasswordChange: true },
    },
    async (req) => {
      await auth.changePassword(db, actorOf(req), req.body);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/auth/dealer',
    {
      schema: { tags, summary: 'Switch the dealer I work in', body: SwitchDealerRequest, response: { 200: Me } },
      config: { access: 'authenticated' },
    },
    async (req) => auth.buildMe(await auth.switchDealer(db, actorOf(req), req.body.dealerId)),
  );

  r.put(
    '/api/auth/locale',
    {
      schema: { tags, summary: 'Set my UI language', body: SetLocaleRequest, response: { 200: Ok } },
      config: { access: 'authenticated', allowDuringPasswordChange: true },
    },
    async (req) => {
      await auth.setLocale(db, actorOf(req), req.body.locale);
      return { ok: true as const };
    },
  );
}
