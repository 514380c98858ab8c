import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Request-rate limits per client address, for the routes that ask for one (sign-in).
 * These counters live in each server's memory, which is fine for a coarse brake;
 * the lock after repeated wrong PINs is kept in the database and shared.
 */
export default fp(async function rateLimits(app: FastifyInstance) {
  await app.register(rateLimit, { global: false });
});
