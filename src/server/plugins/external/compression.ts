import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** Download pages are large JSON; compressed they cross a weak Wi-Fi several times faster. */
export default fp(async function compression(app: FastifyInstance) {
  await app.register(compress, { global: true, threshold: 2048, encodings: ['br', 'gzip', 'deflate'] });
});
