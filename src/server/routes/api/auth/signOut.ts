import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { apiPaths } from '../../../../protocol/paths';
import { sessionOf } from '../../../plugins/app/authentication';
import { revokeSession } from '../../../repositories/people';
import { access, done, problems, type BodyLimits } from '../routeSchema';

export default async function signOutRoutes(app: FastifyInstance, options: { bodyLimits: BodyLimits }) {
  app.withTypeProvider<ZodTypeProvider>().post(
    apiPaths.signOut,
    {
      bodyLimit: options.bodyLimits.request,
      schema: { operationId: 'signOut', summary: 'End the session', description: 'The token stops working at once.', ...access('device'), response: { 204: done, ...problems('device') } },
    },
    async (request, reply) => {
      // In a transaction, so the revocation is durable (PGlite included) before the answer.
      const { tokenHash } = sessionOf(request);
      await app.db.transaction((tx) => revokeSession(tx, tokenHash));
      return reply.status(204).send();
    },
  );
}
