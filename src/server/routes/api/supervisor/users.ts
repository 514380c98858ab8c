import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { apiPaths } from '../../../../protocol/paths';
import { newUserSchema, pinResetSchema, userChangeSchema, type UserChangeEntry, type UserList } from '../../../../protocol/users';
import { sessionOf } from '../../../plugins/app/authentication';
import { parseOr400 } from '../../../problems';
import { addUser, changeUser, listUsers, managerOf, resetPin, type Manager } from '../../../repositories/console/users';
import { userChangesIn } from '../../../repositories/console/userAudit';
import { hashPin } from '../../../security/pinHash';
import { supervisedWarehouse } from './warehouseParam';

const userParams = z.object({ userId: z.string().min(1).max(80).regex(/^[\w.-]+$/, 'a user id') }).loose();
const changesQuery = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

/**
 * Users, managed by admins (every user) and supervisors (workers of their own
 * warehouses): list, add, change, disable or enable, reset a PIN; and the audit of
 * those changes for a warehouse's activity log.
 */
export default async function userRoutes(app: FastifyInstance) {
  const manager = (request: FastifyRequest): Promise<Manager> => managerOf(app.db, sessionOf(request));
  const userIdOf = (request: FastifyRequest) => parseOr400(userParams, request.params, 'user').userId;

  app.get(apiPaths.users, async (request): Promise<UserList> => listUsers(app.db, await manager(request)));

  app.post(apiPaths.users, async (request, reply) => {
    const input = parseOr400(newUserSchema, request.body, 'new user');
    const id = await addUser(app.db, await manager(request), { ...input, pinHash: await hashPin(input.pin) });
    return reply.status(201).send({ id });
  });

  app.post(apiPaths.routes.user, async (request, reply) => {
    const userId = userIdOf(request);
    const change = parseOr400(userChangeSchema, request.body, 'change');
    await changeUser(app.db, await manager(request), userId, change);
    return reply.status(204).send();
  });

  app.post(apiPaths.routes.userPin, async (request, reply) => {
    const userId = userIdOf(request);
    const { pin } = parseOr400(pinResetSchema, request.body, 'new PIN');
    await resetPin(app.db, await manager(request), userId, await hashPin(pin));
    return reply.status(204).send();
  });

  app.get(apiPaths.routes.userChanges, async (request): Promise<{ changes: UserChangeEntry[] }> => {
    const warehouseId = await supervisedWarehouse(app, request);
    const query = parseOr400(changesQuery, request.query, 'search');
    const from = query.from ? new Date(query.from) : new Date(app.now().getTime() - 7 * 86_400_000);
    return { changes: await userChangesIn(app.db, warehouseId, from, query.limit ?? 200) };
  });
}
