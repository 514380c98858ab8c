import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { apiErrorSchema } from '../../../../protocol/errors';
import { signInRequestSchema, signInResponseSchema, type SignInResponse } from '../../../../protocol/auth';
import { apiPaths } from '../../../../protocol/paths';
import { ApiProblem } from '../../../problems';
import { access, problems, type BodyLimits } from '../routeSchema';
import {
  clearWrongPins,
  findUserByName,
  lockedForSeconds,
  recordDeviceSignIn,
  recordWrongPin,
  warehousesOf,
} from '../../../repositories/people';
import { UNKNOWN_USER_HASH, verifyPin } from '../../../security/pinHash';
import { newToken, tokenHash } from '../../../security/tokens';
import { deviceCookie, previousDeviceOf } from '../../../repositories/deviceMemory';

const description =
  'User name and PIN; the device sends its own id (a UUID it made once). The token is bound to that device id: every later request sends `Authorization: Bearer <token>` and `x-device-id: <id>`. Repeated wrong PINs lock the user name for a while (429 too-many-attempts with retryAfterSeconds). Sets an HttpOnly cookie naming the device, so a browser whose app data was cleared is told at its next sign-in (previousDevice).';

export default async function signInRoutes(app: FastifyInstance, options: { sessionDays: number; ratePerMinute: number; secureCookie: boolean; bodyLimits: BodyLimits }) {
  app.withTypeProvider<ZodTypeProvider>().post(
    apiPaths.signIn,
    {
      bodyLimit: options.bodyLimits.request,
      config: { rateLimit: { max: options.ratePerMinute, timeWindow: '1 minute' }, what: 'sign-in' },
      schema: {
        operationId: 'signIn',
        summary: 'Sign a worker in on a device',
        description,
        ...access('anyone'),
        body: signInRequestSchema,
        response: { 200: signInResponseSchema, ...problems('anyone'), 429: apiErrorSchema.describe('Too many wrong PINs, or too many sign-ins from this address: wait retryAfterSeconds.') },
      },
    },
    async (request, reply): Promise<SignInResponse> => {
      const body = request.body;
      const locked = await lockedForSeconds(app.db, body.username);
      if (locked > 0) {
        throw new ApiProblem(429, 'too-many-attempts', `Too many wrong PINs for ${body.username}. Try again in ${locked} seconds, or ask a supervisor.`, locked);
      }
      const user = await findUserByName(app.db, body.username);
      // Verify against a dummy hash for unknown users, so timing does not tell which names exist.
      const pinMatches = await verifyPin(body.pin, user?.pinHash ?? UNKNOWN_USER_HASH);
      if (user === null || !pinMatches) {
        const lock = await recordWrongPin(app.db, body.username);
        request.log.warn({ username: body.username, deviceId: body.deviceId, lock }, 'wrong PIN');
        if (lock > 0) {
          throw new ApiProblem(429, 'too-many-attempts', `Too many wrong PINs for ${body.username}. Try again in ${lock} seconds, or ask a supervisor.`, lock);
        }
        throw new ApiProblem(401, 'wrong-pin', 'User or PIN is wrong. Check both and try again.');
      }
      const warehouses = await warehousesOf(app.db, user.id);
      if (warehouses.length === 0) throw new ApiProblem(403, 'forbidden', `${user.username} is not assigned to any warehouse. Ask a supervisor.`);

      const token = newToken();
      const expiresAt = new Date(Date.now() + options.sessionDays * 86_400_000);
      await app.db.transaction(async (tx) => {
        await clearWrongPins(tx, user.username);
        await recordDeviceSignIn(tx, {
          tokenHash: tokenHash(token),
          userId: user.id,
          deviceId: body.deviceId,
          appVersion: body.appVersion,
          userAgent: String(request.headers['user-agent'] ?? '').slice(0, 300),
          expiresAt,
        });
      });
      request.log.info({ username: user.username, deviceId: body.deviceId }, 'signed in');
      const previousDevice = await previousDeviceOf(app.db, request.headers.cookie, body.deviceId);
      if (previousDevice) request.log.warn({ deviceId: body.deviceId, previous: previousDevice }, 'this browser was another device: its app data was cleared');
      reply.header('set-cookie', deviceCookie(body.deviceId, options.secureCookie));
      return {
        token,
        expiresAt: expiresAt.toISOString(),
        user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role, jobs: user.jobs },
        warehouses,
        previousDevice,
      };
    },
  );
}
