import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiPaths } from '../../../../protocol/paths';
import { wireTime } from '../../../../protocol/wireText';
import { createdUserSchema, newUserSchema, pinResetSchema, userChangeListSchema, userChangeSchema, userListSchema, type UserChangeEntry, type UserList } from '../../../../protocol/users';
import { sessionOf } from '../../../plugins/app/authentication';
import { addUser, changeUser, listUsers, managerOf, resetPin, type Manager } from '../../../repositories/console/users';
import { userChangesIn } from '../../../repositories/console/userAudit';
import { hashPin } from '../../../security/pinHash';
import { access, done, problems, warehouseParams, type BodyLimits } from '../routeSchema';
import { supervisedWarehouse } from './warehouseParam';

const userParams = z.object({ userId: z.string().min(1).max(80).regex(/^[\w.-]+$/, 'a user id').describe('The user id, e.g. u-picker1.') });
const changesQuery = z.object({
  from: z.optional(wireTime),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});
const whoMay = 'Admins manage every user; supervisors manage workers whose warehouses are all their own, and may not raise a role or grant a warehouse they are not in (403 otherwise).';

/**
 * Users, managed by admins (every user) and supervisors (workers of their own
 * warehouses): list, add, change, disable or enable, reset a PIN; and the audit of
 * those changes for a warehouse's activity log.
 */
export default async function userRoutes(app: FastifyInstance, options: { bodyLimits: BodyLimits }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const bodyLimit = options.bodyLimits.request;
  const supervisor = access('supervisor');
  const refused = problems('supervisor');
  const manager = (request: FastifyRequest): Promise<Manager> => managerOf(app.db, sessionOf(request));

  routes.get(
    apiPaths.users,
    { bodyLimit, config: { what: 'users' }, schema: { operationId: 'listUsers', summary: 'Users this supervisor sees', description: `Every user of the supervisor's warehouses, with whether this supervisor may manage each. ${whoMay}`, ...supervisor, response: { 200: userListSchema, ...refused } } },
    async (request): Promise<UserList> => listUsers(app.db, await manager(request)),
  );

  routes.post(
    apiPaths.users,
    { bodyLimit, config: { what: 'new user' }, schema: { operationId: 'addUser', summary: 'Add a user', description: `A user name (unique in any case), display name, role, jobs, warehouses and a first PIN (not a weak one). Audited. 409 when the name is taken. ${whoMay}`, ...supervisor, body: newUserSchema, response: { 201: createdUserSchema, ...refused } } },
    async (request, reply) => {
      const input = request.body;
      const id = await addUser(app.db, await manager(request), { ...input, pinHash: await hashPin(input.pin) });
      return reply.status(201).send({ id });
    },
  );

  routes.post(
    apiPaths.routes.user,
    { bodyLimit, config: { what: 'change' }, schema: { operationId: 'changeUser', summary: 'Change, disable or enable a user', description: `Role, jobs, warehouses, display name, or disabled. Disabling ends the user's sessions. Audited. ${whoMay}`, ...supervisor, params: userParams, body: userChangeSchema, response: { 204: done, ...refused } } },
    async (request, reply) => {
      await changeUser(app.db, await manager(request), request.params.userId, request.body);
      return reply.status(204).send();
    },
  );

  routes.post(
    apiPaths.routes.userPin,
    { bodyLimit, config: { what: 'new PIN' }, schema: { operationId: 'resetUserPin', summary: "Reset a user's PIN", description: `Sets a new PIN, ends the user's sessions and forgets their wrong PINs. Audited (never the PIN). ${whoMay}`, ...supervisor, params: userParams, body: pinResetSchema, response: { 204: done, ...refused } } },
    async (request, reply) => {
      await resetPin(app.db, await manager(request), request.params.userId, await hashPin(request.body.pin));
      return reply.status(204).send();
    },
  );

  routes.get(
    apiPaths.routes.userChanges,
    { bodyLimit, config: { what: 'search' }, schema: { operationId: 'userChanges', summary: 'Changes to users in a warehouse', description: 'Who changed whom, what and when (never a PIN), for the activity log; the last 7 days unless from is given.', ...supervisor, params: warehouseParams, querystring: changesQuery, response: { 200: userChangeListSchema, ...refused } } },
    async (request): Promise<{ changes: UserChangeEntry[] }> => {
      const warehouseId = await supervisedWarehouse(app, request);
      const query = request.query;
      const from = query.from ? new Date(query.from) : new Date(app.now().getTime() - 7 * 86_400_000);
      return { changes: await userChangesIn(app.db, warehouseId, from, query.limit ?? 200) };
    },
  );
}
