/**
 * The sync routes: push (the device's operations, applied once each) and pull (what
 * changed since the device's cursor, with the device's status reported on the way).
 */
import type { FastifyInstance } from 'fastify';
import { apiPaths } from '../../../../protocol/paths';
import { pullRequestSchema, pushRequestSchema, type PushResponse } from '../../../../protocol/syncMessages';
import { sessionOf } from '../../../plugins/app/authentication';
import { ApiProblem, parseOr400 } from '../../../problems';
import { pushOperations } from '../../../repositories/deviceSync/pushOperations';
import { pullChanges } from '../../../repositories/deviceSync/pullChanges';
import { recordDeviceStatus } from '../../../repositories/deviceSync/deviceStatus';
import { PULL_PAGE_SIZE } from '../../../../protocol/syncMessages';
import { READABLE_PROTOCOL, type ProtocolRange } from '../../../../protocol/version';
import { protocolCheck } from '../../../plugins/app/protocolVersion';

export default async function syncRoutes(app: FastifyInstance, options: { readable?: ProtocolRange }) {
  // Before the body is read: an older app's body may not even parse under today's schemas.
  app.addHook('onRequest', protocolCheck(options.readable ?? READABLE_PROTOCOL));

  app.post(apiPaths.syncPush, async (request): Promise<PushResponse> => {
    const session = sessionOf(request);
    const body = parseOr400(pushRequestSchema, request.body, 'push');
    await app.requireWarehouse(request, body.warehouseId);
    const other = body.operations.find((op) => op.userId !== session.userId);
    if (other) {
      throw new ApiProblem(403, 'forbidden', `These operations were done by another user (${other.userId}); only they can send them. Sign in as them on this device.`);
    }
    return pushOperations(app.db, { deviceId: session.deviceId, request: body, now: app.now(), doer: { userId: session.userId, role: session.role, jobs: session.jobs } });
  });

  app.post(apiPaths.syncPull, async (request, reply) => {
    const session = sessionOf(request);
    const body = parseOr400(pullRequestSchema, request.body, 'pull');
    await app.requireWarehouse(request, body.warehouseId);
    if (body.status) await recordDeviceStatus(app.db, session.deviceId, session.userId, body.warehouseId, body.status, app.now());
    const answer = await pullChanges(app.db, { warehouseId: body.warehouseId, deviceId: session.deviceId, cursor: body.cursor, limit: body.limit ?? PULL_PAGE_SIZE });
    if ('json' in answer) return reply.type('application/json; charset=utf-8').send(answer.json);
    return answer;
  });
}
