import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { healthSchema, type Health } from '../../../protocol/health';
import { apiPaths } from '../../../protocol/paths';
import { APP_VERSION, READABLE_PROTOCOL, type ProtocolRange } from '../../../protocol/version';
import { refusal, type BodyLimits } from './routeSchema';

export default async function healthRoutes(app: FastifyInstance, options: { bodyLimits: BodyLimits; readable?: ProtocolRange }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    apiPaths.health,
    {
      bodyLimit: options.bodyLimits.request,
      schema: {
        operationId: 'health',
        summary: 'Is the server up',
        description: 'Answers without a session: the database kind, the server version and the protocol versions it reads.',
        tags: ['server'],
        security: [],
        'x-access': 'anyone',
        response: { 200: healthSchema, 503: refusal('The server is stopping, or its database does not answer.') },
      },
    },
    async (): Promise<Health> => {
      // A real round trip, so "ok" means the database answers too.
      await app.db.query('select 1');
      return { ok: true, db: app.db.kind, version: APP_VERSION, protocol: options.readable ?? READABLE_PROTOCOL };
    },
  );
}
