import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ApiError } from '../../../protocol/errors';
import { ApiProblem, BusyProblem } from '../../problems';
import { ProtocolProblem } from './protocolVersion';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the route's request is, in a person's words ("push", "task file"), for the 400 that says it is not valid. */
    what?: string;
  }
}

/** Where in the request a schema found a problem, in the words of a 400's message. */
const partWords: Record<string, string> = { body: '', querystring: ' query', params: ' address', headers: ' headers' };

/** The 400 for a request that fails its route's schema: each field that is wrong, and why (as parseOr400 words it). */
function notValid(error: FastifyError, what: string): ApiError {
  const issues = (error.validation ?? []).map((issue) => {
    const path = issue.instancePath.split('/').filter((part) => part !== '').join('.');
    return path === '' ? String(issue.message) : `${path}: ${issue.message}`;
  });
  return { error: { reason: 'bad-request', message: `The ${what}${partWords[error.validationContext ?? 'body'] ?? ''} is not valid: ${issues.join('; ')}` } };
}

/**
 * One error handler for the whole API: problems raised on purpose keep their
 * reason and message; client errors Fastify finds itself (body too large, bad
 * JSON, rate limit) get a reason too; anything else is logged with the request
 * and answered as a 500 without its details.
 */
export default fp(async function errors(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError | ApiProblem, request, reply) => {
    if (error instanceof ApiProblem) {
      if (error.retryAfterSeconds !== undefined) void reply.header('retry-after', String(error.retryAfterSeconds));
      const body: ApiError = {
        error: {
          reason: error.reason,
          message: error.message,
          ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
          ...(error instanceof ProtocolProblem ? { readable: error.readable } : {}),
          ...(error instanceof BusyProblem ? { busy: true } : {}),
        },
      };
      return reply.status(error.statusCode).send(body);
    }
    if (Array.isArray(error.validation) && error.validation.length > 0) {
      return reply.status(400).send(notValid(error, request.routeOptions.config.what ?? 'request'));
    }
    const status = error.statusCode ?? 500;
    if (status === 413) {
      return reply.status(413).send({ error: { reason: 'payload-too-large', message: 'The request is larger than the server accepts. Send it in smaller batches.' } } satisfies ApiError);
    }
    if (status === 429) {
      return reply.status(429).send({ error: { reason: 'rate-limited', message: 'Too many requests from this device. Wait a minute and try again.' } } satisfies ApiError);
    }
    if (status >= 400 && status < 500) {
      return reply.status(status).send({ error: { reason: 'bad-request', message: `The request is not valid: ${error.message}` } } satisfies ApiError);
    }
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send({ error: { reason: 'server-error', message: 'The server failed to answer. Your work is kept on the device; try again shortly.' } } satisfies ApiError);
  });
});
