import type { FastifyInstance } from 'fastify';
import { apiPaths } from '../../../../protocol/paths';
import { sessionOf } from '../../../plugins/app/authentication';
import { revokeSession } from '../../../repositories/people';

export default async function signOutRoutes(app: FastifyInstance) {
  app.post(apiPaths.signOut, async (request, reply) => {
    // In a transaction, so the revocation is durable (PGlite included) before the answer.
    const { tokenHash } = sessionOf(request);
    await app.db.transaction((tx) => revokeSession(tx, tokenHash));
    return reply.status(204).send();
  });
}
