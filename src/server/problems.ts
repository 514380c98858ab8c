/**
 * An error the API answers on purpose, with an HTTP status, a reason code from the
 * protocol and a message a person can act on. Anything else thrown is a 5xx whose
 * details stay in the log.
 */
import { z } from 'zod';
import type { ApiErrorReason } from '../protocol/errors';

export class ApiProblem extends Error {
  constructor(
    readonly statusCode: number,
    readonly reason: ApiErrorReason,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiProblem';
  }
}

/** A sign-in held back only because many are being checked at once: the client tries again by itself (`busy` in the body). */
export class BusyProblem extends ApiProblem {
  constructor(message: string, retryAfterSeconds: number) {
    super(429, 'too-many-attempts', message, retryAfterSeconds);
  }
}

/** Parses a request part with its protocol schema (zod/mini, or the server's own classic zod), or answers 400 naming every field that is wrong. */
export function parseOr400<S extends z.core.$ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = z.safeParse(schema, value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message));
  throw new ApiProblem(400, 'bad-request', `The ${what} is not valid: ${problems.join('; ')}`);
}
