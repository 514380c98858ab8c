/**
 * Every API route but sign-in and health needs a device session: a bearer token
 * issued at sign-in, sent with the id of the device it was issued to. The token
 * alone is not enough: copied to another device it is refused.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isSupervisor } from '../../../domain/people/roles';
import { authHeaders } from '../../../protocol/paths';
import { ApiProblem } from '../../problems';
import { findSession, type SessionRecord } from '../../repositories/people';
import { tokenHash } from '../../security/tokens';

declare module 'fastify' {
  interface FastifyRequest {
    session: (SessionRecord & { readonly tokenHash: string }) | null;
  }
  interface FastifyInstance {
    authenticate(request: FastifyRequest): Promise<void>;
    requireSupervisor(request: FastifyRequest): Promise<void>;
    requireWarehouse(request: FastifyRequest, warehouseId: string): Promise<void>;
  }
}

export function sessionOf(request: FastifyRequest): SessionRecord & { readonly tokenHash: string } {
  if (request.session === null) throw new ApiProblem(401, 'not-signed-in', 'Sign in first.');
  return request.session;
}

export default fp(async function authentication(app: FastifyInstance) {
  app.decorateRequest('session', null);

  app.decorate('authenticate', async (request: FastifyRequest) => {
    const header = request.headers[authHeaders.authorization];
    // The scheme's name in any case (RFC 7235).
    const token = typeof header === 'string' && /^bearer /i.test(header) ? header.slice(7).trim() : '';
    if (token === '') throw new ApiProblem(401, 'not-signed-in', 'Sign in first: this request carries no session token.');
    const hash = tokenHash(token);
    const session = await findSession(app.db, hash);
    if (session === null) throw new ApiProblem(401, 'not-signed-in', 'This session is not known to the server. Sign in again.');
    if (session.disabled) throw new ApiProblem(401, 'user-disabled', `${session.username} was disabled by a supervisor: this session has ended. Ask a supervisor; work on the device is kept.`);
    if (session.revoked && session.endedBecause === 'pin-reset') {
      throw new ApiProblem(401, 'session-expired', `The PIN of ${session.username} was reset by a supervisor, which ended this session. Sign in again with the new PIN.`);
    }
    if (session.revoked) throw new ApiProblem(401, 'session-expired', 'This session was ended (signed out, or signed in again on this device). Sign in again.');
    if (session.expired) throw new ApiProblem(401, 'session-expired', 'This session has expired. Sign in again; work on the device is kept.');
    const deviceId = request.headers[authHeaders.deviceId];
    if (deviceId !== session.deviceId) {
      throw new ApiProblem(401, 'wrong-device', 'This session belongs to another device. Sign in on this device.');
    }
    request.session = { ...session, tokenHash: hash };
  });

  app.decorate('requireSupervisor', async (request: FastifyRequest) => {
    const session = sessionOf(request);
    if (!isSupervisor(session.role)) throw new ApiProblem(403, 'forbidden', 'Only a supervisor may do this.');
  });

  app.decorate('requireWarehouse', async (request: FastifyRequest, warehouseId: string) => {
    const session = sessionOf(request);
    // Read with the session (repositories/people.ts), one read a request fewer on every sync.
    if (!session.warehouseIds.includes(warehouseId)) {
      throw new ApiProblem(403, 'forbidden', `You do not work in warehouse ${warehouseId}.`);
    }
  });
});
