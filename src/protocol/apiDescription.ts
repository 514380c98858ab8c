/**
 * The API as OpenAPI 3.0, made from the same zod schemas both ends use, so the
 * description cannot drift from what the server checks. The server serves it at
 * /api/docs (a page) and /api/docs/openapi.json.
 */
import { z } from 'zod';
import { apiErrorSchema } from './errors';
import { signInRequestSchema, signInResponseSchema } from './auth';
import { downloadManifestSchema, downloadPageSchemas } from './download';
import { pullRequestSchema, pullResponseSchema, pushRequestSchema, pushResponseSchema, MAX_PUSH_BATCH } from './syncMessages';
import { floorOperationSchema } from './operations';
import { deviceListSchema } from './devices';
import { countDecisionSchema, countReviewListSchema } from './countReviews';
import { healthSchema } from './health';
import { APP_VERSION } from './version';

const json = (schema: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' });

interface Endpoint {
  readonly method: 'get' | 'post';
  readonly path: string;
  readonly summary: string;
  readonly description: string;
  readonly auth: 'none' | 'device' | 'supervisor';
  readonly request?: z.ZodType;
  readonly response: z.ZodType | null;
  readonly parameters?: readonly { name: string; in: 'path' | 'query'; description: string }[];
}

const warehouse = { name: 'warehouseId', in: 'path', description: 'The warehouse, e.g. wh-main.' } as const;

export const endpoints: readonly Endpoint[] = [
  { method: 'get', path: '/api/health', summary: 'Is the server up', description: 'Answers without a session: the database kind and the server version.', auth: 'none', response: healthSchema },
  {
    method: 'post',
    path: '/api/auth/sign-in',
    summary: 'Sign a worker in on a device',
    description:
      'User name and PIN; the device sends its own id (a UUID it made once). The token is bound to that device id: every later request sends `Authorization: Bearer <token>` and `x-device-id: <id>`. Repeated wrong PINs lock the user name for a while (429 too-many-attempts with retryAfterSeconds). Sets an HttpOnly cookie naming the device, so a browser whose app data was cleared is told at its next sign-in (previousDevice).',
    auth: 'none',
    request: signInRequestSchema,
    response: signInResponseSchema,
  },
  { method: 'post', path: '/api/auth/sign-out', summary: 'End the session', description: 'The token stops working at once.', auth: 'device', response: null },
  {
    method: 'get',
    path: '/api/warehouses/{warehouseId}/download',
    summary: 'Start the first download of a warehouse',
    description: 'Counts per kind of data, the data epoch, the change clock, the pull cursor to start from afterwards, and the warehouse settings.',
    auth: 'device',
    parameters: [warehouse],
    response: downloadManifestSchema,
  },
  ...(['products', 'bins', 'tasks'] as const).map(
    (entity): Endpoint => ({
      method: 'get',
      path: `/api/warehouses/{warehouseId}/download/${entity}`,
      summary: `Download ${entity}, a page at a time`,
      description: 'Pages in key order; `next` is the cursor of the following page (`?after=`), null on the last. Store each page with its cursor to resume after an interruption.',
      auth: 'device',
      parameters: [warehouse, { name: 'after', in: 'query', description: 'The cursor of the previous page.' }, { name: 'limit', in: 'query', description: 'Rows per page, at most 10,000.' }],
      response: downloadPageSchemas[entity],
    }),
  ),
  {
    method: 'post',
    path: '/api/sync/push',
    summary: 'Send the device’s operations',
    description: `Operations in the device's sequence order, at most ${MAX_PUSH_BATCH} a batch; each payload is a FloorOperation (see components). Each operation id is applied once: a retry gets the stored result; the same id with another payload gets status conflict. The sequence must be gapless: at a gap the server stops and answers nextSeq, from which the device sends again. An operation that can never apply is rejected with a reason (why.code, with its facts, and message) and still advances the sequence. A count far from the book waits for a supervisor (status review). The answer comes only once the batch is durable. 5xx or no answer: send the same batch again later (with backoff).`,
    auth: 'device',
    request: pushRequestSchema,
    response: pushResponseSchema,
  },
  {
    method: 'post',
    path: '/api/sync/pull',
    summary: 'Get what changed since the cursor, and report the device’s status',
    description:
      'Pages in commit order: products, bins with their whole stock (binClocks: the change clock of each), tasks, and the fate of this device’s own operations, with the warehouse settings. Pull again while more is true; store each page with its cursor. A cursor never skips a change that commits late. kind reset: the server’s data was reset or restored: download the warehouse again, keeping unsent operations. The body carries the device’s status, shown to supervisors.',
    auth: 'device',
    request: pullRequestSchema,
    response: pullResponseSchema,
  },
  { method: 'get', path: '/api/supervisor/devices', summary: 'Devices and their sync status', description: 'Supervisors only.', auth: 'supervisor', response: deviceListSchema },
  {
    method: 'get',
    path: '/api/supervisor/warehouses/{warehouseId}/count-reviews',
    summary: 'Counts waiting for review',
    description: 'Counts over the warehouse threshold: per line the book at the count’s moment and what was counted. Supervisors only.',
    auth: 'supervisor',
    parameters: [warehouse],
    response: countReviewListSchema,
  },
  {
    method: 'post',
    path: '/api/supervisor/warehouses/{warehouseId}/count-reviews/{opId}',
    summary: 'Approve or reject a count in review',
    description: 'Approve posts the count as of its moment (work after it is kept); reject leaves the stock and tells the counting device why; recount leaves the stock and makes an open count task for the bin (201 with recountTaskId). 204 on approve and reject, 404 when it is not waiting any more.',
    auth: 'supervisor',
    parameters: [warehouse, { name: 'opId', in: 'path', description: 'The count operation’s id.' }],
    request: countDecisionSchema,
    response: null,
  },
];

export function openApiDocument(): object {
  const errorResponse = { description: 'An error: a reason code a program can branch on, and a message a person can act on.', content: { 'application/json': { schema: json(apiErrorSchema, 'output') } } };
  const paths: Record<string, Record<string, object>> = {};
  for (const e of endpoints) {
    paths[e.path] ??= {};
    paths[e.path]![e.method] = {
      summary: e.summary,
      description: e.description,
      ...(e.auth === 'none' ? { security: [] } : {}),
      ...(e.parameters ? { parameters: e.parameters.map((p) => ({ ...p, required: p.in === 'path', schema: { type: 'string' } })) } : {}),
      ...(e.request ? { requestBody: { required: true, content: { 'application/json': { schema: json(e.request, 'input') } } } } : {}),
      responses: {
        ...(e.response ? { 200: { description: 'OK', content: { 'application/json': { schema: json(e.response, 'output') } } } } : { 204: { description: 'Done' } }),
        ...(e.auth !== 'none' ? { 401: errorResponse } : {}),
        ...(e.auth === 'supervisor' ? { 403: errorResponse } : {}),
        400: errorResponse,
        default: errorResponse,
      },
      'x-access': e.auth,
    };
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'Warehouse floor handheld API',
      version: APP_VERSION,
      description:
        'The API of the warehouse handheld’s server. A device signs in, downloads its warehouse, works offline, and syncs: push its operations (each applied once), pull what changed. Every error body is {error: {reason, message}}.',
    },
    components: {
      securitySchemes: {
        deviceSession: { type: 'http', scheme: 'bearer', description: 'The token from sign-in; send the device id in the x-device-id header with it.' },
      },
      schemas: { FloorOperation: json(floorOperationSchema, 'input') },
    },
    security: [{ deviceSession: [] }],
    paths,
  };
}
