/**
 * The protocol version check of push and pull, before the body is read: a device
 * older than the server reads gets 426 `update-required` (its steps stay on the
 * device, nothing is read or written), one newer than the server gets 503 (another
 * server, or this one updated, will read it). No header: protocol 1 (apps from before
 * the header), so they keep syncing while the server still reads protocol 1.
 */
import type { FastifyRequest } from 'fastify';
import { PROTOCOL_VERSION_HEADER, protocolVersionOf, type ProtocolRange } from '../../../protocol/version';
import { ApiProblem } from '../../problems';

export class ProtocolProblem extends ApiProblem {
  constructor(
    statusCode: number,
    reason: 'update-required' | 'unavailable' | 'bad-request',
    message: string,
    readonly readable: ProtocolRange,
  ) {
    super(statusCode, reason, message, reason === 'unavailable' ? 60 : undefined);
  }
}

export function protocolCheck(readable: ProtocolRange) {
  const range = readable.oldest === readable.newest ? `${readable.oldest}` : `${readable.oldest} to ${readable.newest}`;
  return async function checkProtocolVersion(request: FastifyRequest): Promise<void> {
    const version = protocolVersionOf(request.headers[PROTOCOL_VERSION_HEADER]);
    if (version === null) {
      throw new ProtocolProblem(400, 'bad-request', `The ${PROTOCOL_VERSION_HEADER} header must be a whole number (this server reads protocol ${range}).`, readable);
    }
    if (version < readable.oldest) {
      throw new ProtocolProblem(426, 'update-required', `This app (protocol ${version}) is older than this server reads (protocol ${range}). Reload the app to get the new one; the steps wait on the device and go once it is updated.`, readable);
    }
    if (version > readable.newest) {
      throw new ProtocolProblem(503, 'unavailable', `This app (protocol ${version}) is newer than this server (protocol ${range}): the server is being updated. The steps wait on the device; it tries again by itself.`, readable);
    }
  };
}
