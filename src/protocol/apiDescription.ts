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
import {
  activityListSchema,
  activityQuerySchema,
  assignTaskSchema,
  bulkDecisionResultSchema,
  bulkDecisionSchema,
  createdTasksSchema,
  deviceDetailSchema,
  deviationListSchema,
  floorExceptionsSchema,
  floorPeopleSchema,
  importReportSchema,
  importRequestSchema,
  newTaskSchema,
  resolveSchema,
  shiftChartSchema,
  taskCsvSchema,
  taskSummaryListSchema,
} from './console';
import { healthSchema } from './health';
import { createdUserSchema, newUserSchema, pinResetSchema, userChangeListSchema, userChangeSchema, userListSchema } from './users';
import { APP_VERSION } from './version';

const json = (schema: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' });

interface Endpoint {
  readonly method: 'get' | 'post';
  readonly path: string;
  readonly summary: string;
  readonly description: string;
  readonly auth: 'none' | 'device' | 'supervisor';
  readonly request?: z.ZodType;
  /** The answer's schema; null: 204 with no body; 'csv': a CSV file. */
  readonly response: z.ZodType | null | 'csv';
  readonly parameters?: readonly { name: string; in: 'path' | 'query'; description: string }[];
}

const warehouse = { name: 'warehouseId', in: 'path', description: 'The warehouse, e.g. wh-main.' } as const;

const deviceEndpoints: readonly Endpoint[] = [
  { method: 'get', path: '/api/health', summary: 'Is the server up', description: 'Answers without a session: the database kind and the server version.', auth: 'none', response: healthSchema },
  {
    method: 'post',
    path: '/api/auth/sign-in',
    summary: 'Sign a worker in on a device',
    description:
      'User name and PIN; the device sends its own id (a UUID it made once). The token is bound to that device id: every later request sends `Authorization: Bearer <token>` and `x-device-id: <id>`. Repeated wrong PINs lock the user name at that client address for a while; many for one name from several addresses, or from one address over many names, hold those back too (429 too-many-attempts with retryAfterSeconds). Sets an HttpOnly cookie naming the device, so a browser whose app data was cleared is told at its next sign-in (previousDevice).',
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
    description: `Operations in the device's sequence order, at most ${MAX_PUSH_BATCH} a batch; each payload is a FloorOperation (see components). Each operation id is applied once: a retry gets the stored result; the same id with another payload gets status conflict. The sequence must be gapless: at a gap the server stops and answers nextSeq, from which the device sends again. An operation that can never apply is rejected with a reason (why.code, with its facts, and message) and still advances the sequence. A count far from the book waits for a supervisor (status review); work done before it that arrives later recomputes it, and settles it (applied, told at the next pull) when it then fits the threshold. Deviations on a pick, putaway or count (the deviations list the worker confirmed, and those the server finds from its own book) are recorded for supervisors; the step applies all the same. An expiry on a product that does not track expiry is dropped. A step whose time the server cannot place even after correcting the device's clock is rejected (op-bad-payload). The answer comes only once the batch is durable. 5xx or no answer: send the same batch again later (with backoff). The x-protocol-version header names the app's protocol version (none: 1); an app older than the server reads gets 426 update-required (readable: the versions read) before anything is read, and keeps its operations until the new app sends them.`,
    auth: 'device',
    request: pushRequestSchema,
    response: pushResponseSchema,
  },
  {
    method: 'post',
    path: '/api/sync/pull',
    summary: 'Get what changed since the cursor, and report the device’s status',
    description:
      'Pages in commit order: products, bins with their whole stock (binClocks: the change clock of each), tasks, and the fate of this device’s own operations, with the warehouse settings. Pull again while more is true; store each page with its cursor. A cursor never skips a change that commits late. kind reset: the server’s data was reset or restored: download the warehouse again, keeping unsent operations. The body carries the device’s status, shown to supervisors. The x-protocol-version header as for push (426 update-required for an older app).',
    auth: 'device',
    request: pullRequestSchema,
    response: pullResponseSchema,
  },
  { method: 'get', path: '/api/supervisor/devices', summary: 'Devices and their sync status', description: 'Supervisors only.', auth: 'supervisor', response: deviceListSchema },
  {
    method: 'get',
    path: '/api/supervisor/warehouses/{warehouseId}/count-reviews',
    summary: 'Counts waiting for review',
    description:
      'Counts over the warehouse threshold: per line the book at the count’s moment and what was counted. The book includes work done before the count that reached the server after it: such work recomputes the review (recomputedAt; linesAtArrival: the lines as first seen), and a review it brings within the threshold is settled by the server (auto-approved) and leaves this list. Supervisors only.',
    auth: 'supervisor',
    parameters: [warehouse],
    response: countReviewListSchema,
  },
  {
    method: 'get',
    path: '/api/supervisor/warehouses/{warehouseId}/count-reviews-history',
    summary: 'Counts decided lately',
    description: 'Counts decided in the last `days` (default 7, at most 90), newest first: approved, rejected or sent for recount by a supervisor (decidedBy), or auto-approved by the server (decidedBy null, with its note). Supervisors only.',
    auth: 'supervisor',
    parameters: [warehouse, { name: 'days', in: 'query', description: '1 to 90' }],
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

const inConsole = (rest: string) => `/api/supervisor/warehouses/{warehouseId}/${rest}`;
const queryOf = (schema: z.ZodObject, descriptions: Record<string, string>) => Object.keys(schema.shape).map((name) => ({ name, in: 'query' as const, description: descriptions[name] ?? name }));

/** The supervisor's console: supervisors and admins only (403 for anyone else), on the warehouses they work in. */
const consoleEndpoints: readonly Endpoint[] = [
  { method: 'get', path: '/api/supervisor/devices/{deviceId}', summary: 'One device in detail', description: 'What it last said of itself, its last 100 operations with their fate, rejected ones not resolved, and its sync history (one row per sync: steps that arrived, steps waiting, and how its run before went).', auth: 'supervisor', parameters: [{ name: 'deviceId', in: 'path', description: 'The device id.' }], response: deviceDetailSchema },
  {
    method: 'get',
    path: inConsole('activity'),
    summary: 'The activity log',
    description: 'Operations, newest first (at most `limit`, default 200), filtered by user (user name or id), device (id or its first characters), bin, product (SKU, id or a printed code; 404 when none has it) and time (`from`, `to`; without `from`, the last 24 hours).',
    auth: 'supervisor',
    parameters: [warehouse, ...queryOf(activityQuerySchema, { from: 'ISO time, inclusive', to: 'ISO time, exclusive' })],
    response: activityListSchema,
  },
  { method: 'get', path: inConsole('chart'), summary: 'Operations per hour and sync lag', description: 'Per hour of the last `hours` (default 12) and device: operations done, and the median and worst delay between doing and reaching the server.', auth: 'supervisor', parameters: [warehouse, { name: 'hours', in: 'query', description: '1 to 168' }], response: shiftChartSchema },
  { method: 'get', path: inConsole('rejected'), summary: 'Rejected operations not resolved', description: 'From every device of the warehouse, oldest first, with the reason.', auth: 'supervisor', parameters: [warehouse], response: activityListSchema },
  { method: 'post', path: inConsole('rejected/{opId}/resolve'), summary: 'Resolve a rejected operation', description: 'With a note; it stops being flagged here and, after its next pull, on the device that sent it. 409 when it was not rejected or is resolved already.', auth: 'supervisor', parameters: [warehouse, { name: 'opId', in: 'path', description: 'The operation id.' }], request: resolveSchema, response: null },
  { method: 'get', path: inConsole('exceptions'), summary: 'Short picks and stock flags', description: 'Short picks not undone, and flags not resolved: negative stock after a pick, bins a picker asked to be counted.', auth: 'supervisor', parameters: [warehouse], response: floorExceptionsSchema },
  { method: 'post', path: inConsole('flags/{flagId}/resolve'), summary: 'Resolve a stock flag', description: 'With a note. 404 when there is no open flag of that number.', auth: 'supervisor', parameters: [warehouse, { name: 'flagId', in: 'path', description: 'The flag number.' }], request: resolveSchema, response: null },
  {
    method: 'get',
    path: inConsole('deviations'),
    summary: 'Deviations not resolved',
    description:
      'Picks, putaways and counts that were unusual, newest first: a lot the bin does not hold (lot-not-in-bin), a lot other than the first-expiring good one (not-fefo), more units in one step than the warehouse’s limit (over-step-limit), “bin is empty” on a bin whose book held stock (empty-bin-held-stock), more taken than the book held (more-than-bin-holds). onDevice: the worker confirmed it; byServer: the server found it from its own book at the step’s moment (facts: what it saw). The steps were applied; steps undone since are left out.',
    auth: 'supervisor',
    parameters: [warehouse],
    response: deviationListSchema,
  },
  { method: 'post', path: inConsole('deviations/{deviationId}/resolve'), summary: 'Resolve a deviation', description: 'With a note. 404 when there is no open deviation of that number.', auth: 'supervisor', parameters: [warehouse, { name: 'deviationId', in: 'path', description: 'The deviation number.' }], request: resolveSchema, response: null },
  { method: 'post', path: inConsole('task-conflicts/{conflictId}/resolve'), summary: 'Resolve a task conflict', description: 'An over-pick or a step after a supervisor’s decision, with a note; the devices named stop showing it at their next pull. 404 when there is no open conflict of that number.', auth: 'supervisor', parameters: [warehouse, { name: 'conflictId', in: 'path', description: 'The conflict number.' }], request: resolveSchema, response: null },
  { method: 'post', path: inConsole('count-reviews-bulk'), summary: 'Decide several counts at once', description: 'Each count in its own transaction: those decided already (or unknown) are listed in `failed` with the reason, the others decided.', auth: 'supervisor', parameters: [warehouse], request: bulkDecisionSchema, response: bulkDecisionResultSchema },
  { method: 'get', path: inConsole('tasks'), summary: 'Tasks', description: 'Open and in progress, and any made in the last 7 days, with lines done.', auth: 'supervisor', parameters: [warehouse], response: taskSummaryListSchema },
  {
    method: 'post',
    path: inConsole('tasks'),
    summary: 'Make a task by hand',
    description: 'A pick list (lines placed on the bins holding the stock, earliest expiry first, then walk order; 422 when stock is short), a putaway task (no bins: the device suggests), or a count task for listed bins, a zone, or bins not counted for N days. 201 with the task id.',
    auth: 'supervisor',
    parameters: [warehouse],
    request: newTaskSchema,
    response: createdTasksSchema.shape.tasks.element,
  },
  { method: 'post', path: inConsole('tasks-csv'), summary: 'Make tasks from a CSV', description: 'Order lines (order, sku, qty) make one pick list per order; a receipt (receipt, sku, qty, lot) one putaway task per receipt. Every row is checked first; with any problem nothing is made and the answer lists the problems by line and column. mode=check only checks.', auth: 'supervisor', parameters: [warehouse], request: taskCsvSchema, response: createdTasksSchema },
  { method: 'post', path: inConsole('tasks/{taskId}/assign'), summary: 'Assign an open task', description: 'To a user (name or id) who does that job, or back to the open list with null. 409 when the task is not open.', auth: 'supervisor', parameters: [warehouse, { name: 'taskId', in: 'path', description: 'The task id.' }], request: assignTaskSchema, response: null },
  { method: 'get', path: inConsole('people'), summary: 'The people of the warehouse', description: 'Who tasks can be assigned to, with their role and jobs.', auth: 'supervisor', parameters: [warehouse], response: floorPeopleSchema },
  {
    method: 'post',
    path: inConsole('import'),
    summary: 'Import products, bins or stock from CSV',
    description:
      'The CSV (comma or semicolon, quoted fields, a header line naming the columns) is checked row by row. mode=check: report only. mode=all: import only if every row is good, else nothing. mode=valid-only: import the good rows and leave the others out, on purpose. The answer is the report (rows, good rows, problems by line and column, rows imported): 201 when something was imported, 200 otherwise. A product row is the whole product (its codes replace the old ones); a bin row makes its zone if new; a stock row sets the quantity now (the ledger gets the difference).',
    auth: 'supervisor',
    parameters: [warehouse],
    request: importRequestSchema,
    response: importReportSchema,
  },
  { method: 'get', path: inConsole('export/stock.csv'), summary: 'Stock as CSV', description: 'Per bin, product and lot, with the unit cost and value where known.', auth: 'supervisor', parameters: [warehouse], response: 'csv' },
  { method: 'get', path: inConsole('export/ledger.csv'), summary: 'The ledger as CSV', description: 'Every movement between `from` and `to` (default: the last 7 days) with the operation, user and device that caused it.', auth: 'supervisor', parameters: [warehouse, { name: 'from', in: 'query', description: 'ISO time' }, { name: 'to', in: 'query', description: 'ISO time' }], response: 'csv' },
];

const user = { name: 'userId', in: 'path', description: 'The user id (as listed).' } as const;

const userEndpoints: readonly Endpoint[] = [
  { method: 'get', path: '/api/supervisor/users', summary: 'Users', description: 'Every user for an admin; for a supervisor, the users of their warehouses. Each says whether the signed-in user may manage it (notManageable: why not), with the warehouses they may grant.', auth: 'supervisor', response: userListSchema },
  { method: 'post', path: '/api/supervisor/users', summary: 'Add a user', description: 'Answers 201 with the new id. 409 when the name is taken (in any case); 403 when a supervisor asks for another role than worker or a warehouse they do not work in; 422 for an unknown warehouse; 400 for a weak PIN.', auth: 'supervisor', request: newUserSchema, response: createdUserSchema },
  { method: 'post', path: '/api/supervisor/users/{userId}', summary: 'Change a user', description: 'Display name, role, jobs, warehouses, disabled: what is left out stays. Disabling ends the user’s sessions (their next request is 401 user-disabled). Audited. 403 with the reason when the signed-in user may not.', auth: 'supervisor', parameters: [user], request: userChangeSchema, response: null },
  { method: 'post', path: '/api/supervisor/users/{userId}/pin', summary: 'Reset a user’s PIN', description: 'Ends the user’s sessions: every device signs in again with the new PIN. Audited (never the PIN).', auth: 'supervisor', parameters: [user], request: pinResetSchema, response: null },
  { method: 'get', path: inConsole('user-changes'), summary: 'Changes to users', description: 'Who changed which user of this warehouse, what (before and after) and when, newest first; since `from` (default: the last 7 days).', auth: 'supervisor', parameters: [warehouse, { name: 'from', in: 'query', description: 'ISO time' }, { name: 'limit', in: 'query', description: 'At most this many (default 200).' }], response: userChangeListSchema },
];

export const endpoints: readonly Endpoint[] = [...deviceEndpoints, ...consoleEndpoints, ...userEndpoints];

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
        ...(e.response === 'csv'
          ? { 200: { description: 'A CSV file (RFC 4180, UTF-8, CRLF)', content: { 'text/csv': { schema: { type: 'string' } } } } }
          : e.response
            ? { 200: { description: 'OK', content: { 'application/json': { schema: json(e.response, 'output') } } } }
            : { 204: { description: 'Done' } }),
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
