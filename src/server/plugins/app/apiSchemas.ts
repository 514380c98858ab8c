/**
 * Routes declare their request and answer schemas (zod, from src/protocol); the same
 * schemas check each request and make the OpenAPI document (@fastify/swagger, with
 * fastify-type-provider-zod turning zod into JSON Schema), so what is described is
 * what is checked. A request that fails its schema is answered 400 by the error
 * handler (plugins/app/errors.ts), naming each field that is wrong.
 *
 * Answers are written with JSON.stringify, not checked against their schemas: they
 * describe the answer, and a slip in one must not turn a good request into a 5xx.
 */
import { apiPaths } from '../../../protocol/paths';
import swagger from '@fastify/swagger';
import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import fp from 'fastify-plugin';
import { createJsonSchemaTransform, jsonSchemaTransformObject, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrorSchema } from '../../../protocol/errors';
import { floorOperationSchema } from '../../../protocol/operations';
import { pushedOperationSchema } from '../../../protocol/syncMessages';
import { APP_VERSION } from '../../../protocol/version';
import { authHeaders } from '../../../protocol/paths';
import { nulCharacterAt } from '../../nulCharacters';

/** Schemas the document names once, as components, wherever routes use them. */
const components: readonly [z.core.$ZodType, string][] = [
  [apiErrorSchema, 'ApiError'],
  [floorOperationSchema, 'FloorOperation'],
];

/**
 * A pushed step's payload is taken as any JSON (a payload the server cannot read is
 * rejected with a reason, step by step, not with a 400 for the batch), but what a
 * device must send there is a FloorOperation: the document says so.
 */
const payloadIsFloorOperation = (ctx: { zodSchema: unknown; jsonSchema: Record<string, unknown> }) => {
  if (ctx.zodSchema !== pushedOperationSchema.shape.payload) return;
  for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key];
  ctx.jsonSchema.$ref = '#/components/schemas/FloorOperationInput';
};

/** The route's schema, after refusing any NUL character (which no text column can hold). */
const checkRequest: FastifySchemaCompiler<z.core.$ZodType> = (route) => {
  const validate = validatorCompiler(route);
  // A NUL in one pushed step's payload rejects that step alone: the rest of the batch, and the device's queue, go on.
  const skip = route.url === apiPaths.syncPush && route.httpPart === 'body' ? (path: string) => /^operations\.\d+\.payload$/.test(path) : undefined;
  return (data: unknown) => {
    const at = nulCharacterAt(data, skip);
    if (at !== null) return { error: [{ instancePath: `/${at.replaceAll('.', '/')}`, message: 'holds a NUL character (\\u0000), which the server cannot store: remove it' }] as never };
    return validate(data);
  };
};

export default fp(async function apiSchemas(app: FastifyInstance) {
  for (const [schema, id] of components) if (!z.globalRegistry.has(schema)) z.globalRegistry.add(schema, { id });
  app.setValidatorCompiler(checkRequest);
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Warehouse floor handheld API',
        version: APP_VERSION,
        description:
          'The API of the warehouse handheld’s server. A device signs in, downloads its warehouse, works offline, and syncs: push its operations (each applied once), pull what changed. Every error body is {error: {reason, message}}.',
      },
      servers: [{ url: '/', description: 'This server' }],
      tags: [
        { name: 'device', description: 'What a handheld does: sign in, download, push and pull.' },
        { name: 'console', description: 'The supervisor’s console: supervisors and admins only, in the warehouses they work in.' },
        { name: 'server', description: 'The server itself: health and these docs.' },
      ],
      components: {
        securitySchemes: {
          deviceSession: { type: 'http', scheme: 'bearer', description: 'The token from sign-in, bound to the device it was issued to.' },
          deviceId: { type: 'apiKey', in: 'header', name: authHeaders.deviceId, description: 'The id (a UUID) the device made once and signed in with; a token sent with another id is refused.' },
        },
      },
      security: [{ deviceSession: [], deviceId: [] }],
    },
    transform: createJsonSchemaTransform({ zodToJsonConfig: { override: payloadIsFloorOperation } }),
    transformObject: jsonSchemaTransformObject,
  });
});
