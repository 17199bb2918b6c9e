import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { NoBody } from '../../../core/contracts/common';
import { PublicDone, PublicSubmitRequest, PublicSurvey, TokenParams } from '../../../core/contracts/survey-links';
import { AppError } from '../../http/errors';
import * as pub from './public.service';
import { hashToken } from './tokens';

const tags = ['public-survey'];

/**
 * Rate limits of the public survey API: per client address (route config) and per token (a second limiter),
 * so neither one address probing many tokens nor many addresses hammering one link get far.
 */
export const PUBLIC_LIMITS = {
  readPerIp: 60,
  writePerIp: 20,
  readPerToken: 30,
  writePerToken: 10,
  window: '1 minute',
} as const;

const tokenKey = (req: FastifyRequest) =>
  `survey-token:${req.method}:${hashToken(String((req.params as { token?: string }).token))}`;

/** The customer's side: no login; the token in the path is the only credential (SPEC §1.5 P-GEN). */
export function publicSurveyRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.manyi.database;
  // The plugin runs one limiter per request, so the per-token one is a check of its own in onRequest.
  const perToken = (max: number) => {
    const check = app.createRateLimit({ max, timeWindow: PUBLIC_LIMITS.window, keyGenerator: tokenKey });
    return async (req: FastifyRequest) => {
      const r = await check(req);
      if (!r.isAllowed && r.isExceeded)
        throw new AppError('RATE_LIMITED', 'Too many requests for this link; slow down');
    };
  };
  const perIp = (max: number) => ({ max, timeWindow: PUBLIC_LIMITS.window });
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/api/public/')) reply.header('cache-control', 'no-store');
  });

  r.get(
    '/api/public/s/:token',
    {
      schema: {
        tags,
        summary: 'The questionnaire behind a survey link, with the privacy notice (public)',
        params: TokenParams,
        response: { 200: PublicSurvey },
        security: [],
      },
      config: { access: 'public', rateLimit: perIp(PUBLIC_LIMITS.readPerIp) },
      onRequest: perToken(PUBLIC_LIMITS.readPerToken),
    },
    async (req) => pub.openSurvey(db, req.params.token, req.ip),
  );
  r.post(
    '/api/public/s/:token',
    {
      schema: {
        tags,
        summary: 'Submit the answers of a survey link (single use; public)',
        params: TokenParams,
        body: PublicSubmitRequest,
        response: { 200: PublicDone },
        security: [],
      },
      config: { access: 'public', rateLimit: perIp(PUBLIC_LIMITS.writePerIp) },
      onRequest: perToken(PUBLIC_LIMITS.writePerToken),
    },
    async (req) => pub.submitSurvey(db, req.params.token, req.body, req.ip),
  );
  r.post(
    '/api/public/s/:token/opt-out',
    {
      schema: {
        tags,
        summary: '"不再联系我": withdraw consent to service callbacks (uses the link up; public)',
        params: TokenParams,
        body: NoBody,
        response: { 200: PublicDone },
        security: [],
      },
      config: { access: 'public', rateLimit: perIp(PUBLIC_LIMITS.writePerIp) },
      onRequest: perToken(PUBLIC_LIMITS.writePerToken),
    },
    async (req) => pub.optOut(db, req.params.token, req.ip),
  );
}
