/**
 * The sync routes: push (the device's operations, applied once each) and pull (what
 * changed since the device's cursor, with the device's status reported on the way).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { apiPaths } from '../../../../protocol/paths';
import { MAX_PUSH_BATCH, PULL_PAGE_SIZE, pullRequestSchema, pullResponseSchema, pushRequestSchema, pushResponseSchema, type PushResponse } from '../../../../protocol/syncMessages';
import { sessionOf } from '../../../plugins/app/authentication';
import { ApiProblem } from '../../../problems';
import { pushOperations } from '../../../repositories/deviceSync/pushOperations';
import { pullChanges } from '../../../repositories/deviceSync/pullChanges';
import { recordDeviceStatus } from '../../../repositories/deviceSync/deviceStatus';
import { access, problems, type BodyLimits } from '../routeSchema';
import { READABLE_PROTOCOL, type ProtocolRange } from '../../../../protocol/version';
import { protocolCheck } from '../../../plugins/app/protocolVersion';

const pushDescription = `Operations in the device's sequence order, at most ${MAX_PUSH_BATCH} a batch; each payload is a FloorOperation (see components). Each operation id is applied once: a retry gets the stored result; the same id with another payload gets status conflict. The sequence must be gapless: at a gap the server stops and answers nextSeq, from which the device sends again. An operation that can never apply is rejected with a reason (why.code, with its facts, and message) and still advances the sequence. A count far from the book waits for a supervisor (status review); work done before it that arrives later recomputes it, and settles it (applied, told at the next pull) when it then fits the threshold. Deviations on a pick, putaway or count (the deviations list the worker confirmed, and those the server finds from its own book) are recorded for supervisors; the step applies all the same. An expiry on a product that does not track expiry is dropped. A step whose time the server cannot place even after correcting the device's clock is rejected (op-bad-payload). The answer comes only once the batch is durable. 5xx or no answer: send the same batch again later (with backoff).`;

const pullDescription =
  'Pages in commit order: products, bins with their whole stock (binClocks: the change clock of each), tasks, and the fate of this device’s own operations, with the warehouse settings. Pull again while more is true; store each page with its cursor. A cursor never skips a change that commits late. kind reset: the server’s data was reset or restored: download the warehouse again, keeping unsent operations. The body carries the device’s status, shown to supervisors.';

export default async function syncRoutes(app: FastifyInstance, options: { bodyLimits: BodyLimits; readable?: ProtocolRange }) {
  // Before the body is read: an older app's body may not even parse under today's schemas.
  app.addHook('onRequest', protocolCheck(options.readable ?? READABLE_PROTOCOL));
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.post(
    apiPaths.syncPush,
    {
      bodyLimit: options.bodyLimits.request,
      config: { what: 'push' },
      schema: { operationId: 'syncPush', summary: 'Send the device’s operations', description: pushDescription, ...access('device'), body: pushRequestSchema, response: { 200: pushResponseSchema, ...problems('device') } },
    },
    async (request): Promise<PushResponse> => {
      const session = sessionOf(request);
      const body = request.body;
      await app.requireWarehouse(request, body.warehouseId);
      const other = body.operations.find((op) => op.userId !== session.userId);
      if (other) {
        throw new ApiProblem(403, 'forbidden', `These operations were done by another user (${other.userId}); only they can send them. Sign in as them on this device.`);
      }
      return pushOperations(app.db, { deviceId: session.deviceId, request: body, now: app.now(), doer: { userId: session.userId, role: session.role, jobs: session.jobs } });
    },
  );

  routes.post(
    apiPaths.syncPull,
    {
      bodyLimit: options.bodyLimits.request,
      config: { what: 'pull' },
      schema: { operationId: 'syncPull', summary: 'Get what changed since the cursor, and report the device’s status', description: pullDescription, ...access('device'), body: pullRequestSchema, response: { 200: pullResponseSchema, ...problems('device') } },
    },
    async (request, reply) => {
      const session = sessionOf(request);
      const body = request.body;
      await app.requireWarehouse(request, body.warehouseId);
      const answer = await pullChanges(app.db, { warehouseId: body.warehouseId, deviceId: session.deviceId, cursor: body.cursor, limit: body.limit ?? PULL_PAGE_SIZE });
      // Only once the pull is answerable: a pull refused (a cursor the server never made) records nothing.
      if (body.status) await recordDeviceStatus(app.db, session.deviceId, session.userId, body.warehouseId, body.status, app.now());
      if ('json' in answer) return reply.type('application/json; charset=utf-8').send(answer.json as never);
      return answer;
    },
  );
}
