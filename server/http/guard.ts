import type { FastifyInstance, FastifyRequest } from 'fastify';
import { appendAudit } from '../features/audit/audit.service';
import { resolveSession } from '../features/auth/auth.service';
import { AppError } from './errors';
import type { RouteInfo } from './fastify-types';

export const SESSION_COOKIE = 'manyi_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Route guard: every /api route must declare `config.access`. Resolves the session to an Actor,
 * enforces CSRF on state-changing requests, the forced password change, and the route's permission.
 * A denial is audited.
 */
export { checkOrigin };

export function installGuard(app: FastifyInstance) {
  app.decorateRequest('actor', null);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) return;
    // The interactive API reference (a plugin's routes) is public documentation.
    if (route.url.startsWith('/api/docs')) route.config = { ...route.config, access: 'public' };
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${String(route.method)} ${route.url} declares no access permission`);
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      const info: RouteInfo = {
        method,
        url: route.url,
        access,
        allowDuringPasswordChange: route.config?.allowDuringPasswordChange ?? false,
      };
      app.manyi.routes.push(info);
    }
  });

  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config;
    const access = config?.access;
    if (!access) return;
    checkOrigin(request);
    if (access === 'public') return;
    const { database, config: cfg } = app.manyi;
    const actor = await resolveSession(database.db, cfg, request.cookies[SESSION_COOKIE], request.ip);
    request.actor = actor;
    if (UNSAFE.has(request.method) && request.headers['x-csrf-token'] !== actor.csrfToken) {
      throw new AppError('CSRF_FAILED', 'Missing or wrong x-csrf-token header; reload the page');
    }
    if (actor.mustChangePassword && !config.allowDuringPasswordChange) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', 'Change your password before continuing');
    }
    if (access !== 'authenticated' && !actor.permissions.has(access)) {
      await appendAudit(database.db, {
        dealerId: actor.currentDealerId,
        actorUserId: actor.userId,
        actorUsername: actor.username,
        action: 'permission.denied',
        outcome: 'denied',
        ip: request.ip,
        details: { permission: access, method: request.method, route: request.routeOptions.url ?? '' },
      });
      throw new AppError('FORBIDDEN', `Your role does not have the permission ${access}`, { permission: access });
    }
  });
}

/** A browser sending a cross-site request sets Origin; refuse one that is not ours. */
function checkOrigin(request: FastifyRequest) {
  if (!UNSAFE.has(request.method)) return;
  const origin = request.headers.origin;
  if (!origin) return;
  const host = request.headers['x-forwarded-host'] ?? request.headers.host;
  try {
    if (new URL(origin).host !== host) throw new AppError('CSRF_FAILED', 'Cross-site request refused');
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('CSRF_FAILED', 'Cross-site request refused');
  }
}
