import type { FastifyInstance } from 'fastify';
import { apiPaths } from '../../../../protocol/paths';
import { sessionOf } from '../../../plugins/app/authentication';
import { revokeSession } from '../../../repositories/people';

export default async function signOutRoutes(app: FastifyInstance) {
  app.post(apiPaths.signOut, async (request, reply) => {
    await revokeSession(app.db, sessionOf(request).tokenHash);
    return reply.status(204).send();
  });
}
