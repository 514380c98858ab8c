import type { FastifyInstance } from 'fastify';
import { apiPaths } from '../../protocol/paths';
import type { BodyLimits } from './api/routeSchema';

/**
 * The local authority's certificate, for a phone to install and trust (public:
 * a certificate is no secret). Served as a download the phone recognises.
 */
export default async function caCertificateRoutes(app: FastifyInstance, options: { caCert: string | null; bodyLimits: BodyLimits }) {
  // Not part of the API document: a file for a phone's settings, not for a program.
  app.get(apiPaths.caCertificate, { bodyLimit: options.bodyLimits.request, schema: { hide: true } }, async (_request, reply) => {
    if (options.caCert === null) {
      return reply.status(404).send({ error: { reason: 'not-found', message: 'This server uses a certificate given by path; there is no local authority to install.' } });
    }
    return reply.header('content-type', 'application/x-x509-ca-cert').header('content-disposition', 'attachment; filename="warehouse-handheld-ca.crt"').send(options.caCert);
  });
}
