import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pingDatabase } from '../../db/client';
import { AppError } from '../../http/errors';

const Health = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), version: z.string() });

export function healthRoutes(app: FastifyInstance, version: string) {
  const { database } = app.manyi;
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      schema: { tags: ['health'], summary: 'Liveness and database check', response: { 200: Health } },
      config: { access: 'public' },
    },
    async () => {
      try {
        await pingDatabase(database.db);
      } catch {
        throw new AppError('DATABASE_UNAVAILABLE', 'The database does not answer');
      }
      return { status: 'ok' as const, database: database.kind, version };
    },
  );
}
