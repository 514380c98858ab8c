import type { FastifyInstance } from 'fastify';
import { signInRequestSchema, type SignInResponse } from '../../../../protocol/auth';
import { apiPaths } from '../../../../protocol/paths';
import { ApiProblem, parseOr400 } from '../../../problems';
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

export default async function signInRoutes(app: FastifyInstance, options: { sessionDays: number; ratePerMinute: number; secureCookie: boolean }) {
  app.post(
    apiPaths.signIn,
    { config: { rateLimit: { max: options.ratePerMinute, timeWindow: '1 minute' } } },
    async (request, reply): Promise<SignInResponse> => {
      const body = parseOr400(signInRequestSchema, request.body, 'sign-in');
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
      // Said only once the PIN is right, so a guesser learns nothing from it.
      if (user.disabled) throw new ApiProblem(403, 'user-disabled', `${user.username} is disabled. Ask a supervisor to enable it again.`);
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
