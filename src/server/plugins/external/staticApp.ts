import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ApiError } from '../../../protocol/errors';

/**
 * Serves the built PWA from the same origin as the API. Any path outside /api that
 * is not a file gets index.html, so deep links such as /find load the app; the
 * service worker does the same offline. The service worker and the HTML are never
 * cached by HTTP, so an update is seen on the next visit; hashed assets are kept.
 */
export default fp(async function staticApp(app: FastifyInstance, options: { root: string }) {
  const root = resolve(options.root);
  const hasApp = existsSync(resolve(root, 'index.html'));
  if (hasApp) {
    await app.register(fastifyStatic, {
      root,
      wildcard: true,
      setHeaders(res, path) {
        if (/\/assets\/.+-[\w-]{8,}\.\w+$/.test(path)) res.header('cache-control', 'public, max-age=31536000, immutable');
        else res.header('cache-control', 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || (request.method !== 'GET' && request.method !== 'HEAD') || !hasApp) {
      const body: ApiError = { error: { reason: 'not-found', message: `Nothing is at ${request.method} ${request.url.split('?')[0]}.` } };
      return reply.status(404).send(body);
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
});
