import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

/** Serves the built SPA; unknown non-API paths get index.html so the client router can answer them. */
export async function installStatic(app: FastifyInstance) {
  const hasWeb = fs.existsSync(path.join(WEB_DIST, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      wildcard: true,
      index: ['index.html'],
      setHeaders: (res, file) => {
        if (file.includes(`${path.sep}assets${path.sep}`))
          res.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isAsset = request.url.startsWith('/assets/');
    if (
      request.url.startsWith('/api') ||
      isAsset ||
      !hasWeb ||
      (request.method !== 'GET' && request.method !== 'HEAD')
    ) {
      return reply.status(404).send({
        error: { code: 'ROUTE_NOT_FOUND', message: `No route ${request.method} ${request.url.split('?')[0]}` },
      });
    }
    // The customer's survey link (/s/<token>) gets the small survey page, never the staff SPA.
    const page = request.url.startsWith('/s/') ? 'survey.html' : 'index.html';
    return reply.header('cache-control', 'no-cache').sendFile(page);
  });
}
