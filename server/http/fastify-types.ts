import type { Permission } from '../../core/permissions';
import type { Config } from '../config';
import type { Database } from '../db/client';
import type { Actor } from './actor';

/** What a route needs: a permission from core/permissions, or public / any logged-in user. */
export type RouteAccess = Permission | 'public' | 'authenticated';

export interface RouteInfo {
  method: string;
  url: string;
  access: RouteAccess;
  /** Allowed while the user must still change an admin-set password. */
  allowDuringPasswordChange: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    allowDuringPasswordChange?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    manyi: { database: Database; config: Config; routes: RouteInfo[] };
  }
}
