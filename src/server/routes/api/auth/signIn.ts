import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { signInRequestSchema, signInResponseSchema, type SignInResponse } from '../../../../protocol/auth';
import { apiPaths } from '../../../../protocol/paths';
import { ApiProblem, BusyProblem } from '../../../problems';
import { access, problems, refusal, type BodyLimits } from '../routeSchema';
import { findUserByName, recordDeviceSignIn, warehousesOf } from '../../../repositories/people';
import { claimSignInAttempt, recordRightPin, recordWrongPin } from '../../../repositories/signInAttempts';
import { UNKNOWN_USER_HASH, verifyPin } from '../../../security/pinHash';
import { heldBackMessage } from '../../../security/signInThrottle';
import { newToken, tokenHash } from '../../../security/tokens';
import { deviceCookie, previousDeviceOf } from '../../../repositories/deviceMemory';

/**
 * Sign-in with user name and PIN. The attempt is claimed in the database before the PIN
 * is checked (repositories/signInAttempts.ts): a guess held back is never checked, and a
 * right PIN during a lock does not sign in. The client address is the connection's own
 * (`request.ip`; the server trusts no proxy header). `ratePerMinute` is the per-address
 * brake: wrong PINs a minute from one address over every user name.
 */
const description =
  'User name and PIN; the device sends its own id (a UUID it made once). The token is bound to that device id: every later request sends `Authorization: Bearer <token>` and `x-device-id: <id>`. Each attempt is counted before the PIN is checked: wrong PINs lock the user name at that address for a while, slow it from every address past a ceiling, and brake an address guessing over many names (429 too-many-attempts with retryAfterSeconds). A disabled user is told so (403 user-disabled) only after a right PIN. Sets an HttpOnly cookie naming the device, so a browser whose app data was cleared is told at its next sign-in (previousDevice).';

export default async function signInRoutes(app: FastifyInstance, options: { sessionDays: number; ratePerMinute: number; secureCookie: boolean; bodyLimits: BodyLimits }) {
  app.withTypeProvider<ZodTypeProvider>().post(
    apiPaths.signIn,
    {
      bodyLimit: options.bodyLimits.request,
      config: { what: 'sign-in' },
      schema: {
        operationId: 'signIn',
        summary: 'Sign a worker in on a device',
        description,
        ...access('anyone'),
        body: signInRequestSchema,
        response: { 200: signInResponseSchema, ...problems('anyone'), 429: refusal('Too many wrong PINs for this user, or from this address: wait retryAfterSeconds. With busy: true, only many sign-ins being checked at once: send the same sign-in again after retryAfterSeconds.') },
      },
    },
    async (request, reply): Promise<SignInResponse> => {
      const body = request.body;
      const attempt = { username: body.username, address: request.ip };
      const claim = await claimSignInAttempt(app.db, attempt, options.ratePerMinute);
      if (!claim.allowed) {
        request.log.warn({ username: body.username, address: attempt.address, heldBackBy: claim.scope }, 'sign-in held back');
        const message = heldBackMessage(claim.scope, body.username, claim.retryAfterSeconds, claim.busy);
        throw claim.busy ? new BusyProblem(message, claim.retryAfterSeconds) : new ApiProblem(429, 'too-many-attempts', message, claim.retryAfterSeconds);
      }
      const user = await findUserByName(app.db, body.username);
      // Verify against a dummy hash for unknown users, so timing does not tell which names exist.
      const pinMatches = await verifyPin(body.pin, user?.pinHash ?? UNKNOWN_USER_HASH);
      if (user === null || !pinMatches) {
        await recordWrongPin(app.db, attempt);
        request.log.warn({ username: body.username, deviceId: body.deviceId, address: attempt.address, heldBackBy: claim.ifWrong?.scope ?? null }, 'wrong PIN');
        if (claim.ifWrong) {
          throw new ApiProblem(429, 'too-many-attempts', heldBackMessage(claim.ifWrong.scope, body.username, claim.ifWrong.retryAfterSeconds), claim.ifWrong.retryAfterSeconds);
        }
        throw new ApiProblem(401, 'wrong-pin', 'User or PIN is wrong. Check both and try again.');
      }
      await recordRightPin(app.db, attempt);
      // Said only once the PIN is right, so a guesser learns nothing from it.
      if (user.disabled) throw new ApiProblem(403, 'user-disabled', `${user.username} is disabled. Ask a supervisor to enable it again.`);
      const warehouses = await warehousesOf(app.db, user.id);
      if (warehouses.length === 0) throw new ApiProblem(403, 'forbidden', `${user.username} is not assigned to any warehouse. Ask a supervisor.`);

      const token = newToken();
      const expiresAt = new Date(Date.now() + options.sessionDays * 86_400_000);
      await app.db.transaction(async (tx) => {
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
