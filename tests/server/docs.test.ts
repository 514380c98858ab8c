/** The API described as OpenAPI at /api/docs, generated from the schemas the routes check with, and linted. */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { appOn, createTestDatabase, type TestDatabase } from './testServer';
import { migrate } from '../../src/server/storage/migrate';
import { floorOperationSchema } from '../../src/protocol/operations';

interface Schema {
  type?: string;
  $ref?: string;
  oneOf?: Schema[];
  properties?: Record<string, Schema>;
  items?: Schema;
}
interface Operation {
  operationId?: string;
  security?: unknown[];
  parameters?: { name: string; in: string; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, unknown>;
}
interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; securitySchemes: Record<string, { type: string; scheme?: string; in?: string; name?: string }> };
  security: Record<string, unknown[]>[];
}

const lintWith = promisify(execFile);

describe('the API description', () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let doc: Document;
  beforeAll(async () => {
    test = await createTestDatabase('pglite');
    await migrate(test.db);
    app = await appOn(test.db);
    const response = await app.inject({ method: 'GET', url: '/api/docs/openapi.json' });
    expect(response.statusCode).toBe(200);
    doc = response.json<Document>();
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  const operations = () => Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })));

  it('passes Redocly lint with no errors', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      await writeFile(file, JSON.stringify(doc));
      const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
      const { stdout } = await lintWith(process.execPath, ['node_modules/@redocly/cli/bin/cli.js', 'lint', file, '--format=json'], { env, maxBuffer: 16 * 1024 * 1024 });
      const report = JSON.parse(stdout) as { totals: { errors: number }; problems: { ruleId: string; severity: string; message: string }[] };
      expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(report.totals.errors).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('names every route under /api the server has, each with its own operationId', () => {
    expect(doc.openapi).toBe('3.0.3');
    const documented = new Set(operations().map(({ path, method }) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`));
    const routes = routesOf(app.printRoutes({ commonPrefix: false })).filter((r) => r.startsWith('/api/') && !r.startsWith('/api/docs'));
    expect(routes.length).toBeGreaterThan(25);
    for (const route of routes) expect([...documented].some((d) => d.endsWith(` ${route}`)), route).toBe(true);
    const ids = operations().map(({ op }) => op.operationId);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has the bearer session and the device-id header as security schemes, left off sign-in and health only', () => {
    expect(doc.components.securitySchemes.deviceSession).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.securitySchemes.deviceId).toMatchObject({ type: 'apiKey', in: 'header', name: 'x-device-id' });
    expect(doc.security).toEqual([{ deviceSession: [], deviceId: [] }]);
    const open = operations().filter(({ op }) => Array.isArray(op.security) && op.security.length === 0).map(({ path }) => path);
    expect(open.sort()).toEqual(['/api/auth/sign-in', '/api/health']);
  });

  it('says a pushed step is one of every floor operation type', () => {
    const push = doc.paths['/api/sync/push']!.post!.requestBody!.content['application/json']!.schema;
    const payload = push.properties!.operations!.items!.properties!.payload!;
    expect(payload.$ref).toBe('#/components/schemas/FloorOperationInput');
    const union = doc.components.schemas.FloorOperationInput!;
    const types = union.oneOf!.map((branch) => (branch.properties!.type as { enum?: string[] }).enum?.[0]);
    expect(types.sort()).toEqual(floorOperationSchema.def.options.map((o) => o.shape.type.def.values[0]).sort());
  });

  it('types numbers as numbers, in queries and bodies alike', () => {
    const page = doc.paths['/api/warehouses/{warehouseId}/download/{entity}']!.get!;
    expect(page.parameters!.find((p) => p.name === 'limit')!.schema.type).toBe('integer');
    const activity = doc.paths['/api/supervisor/warehouses/{warehouseId}/activity']!.get!;
    expect(activity.parameters!.find((p) => p.name === 'limit')!.schema.type).toBe('integer');
    const push = doc.paths['/api/sync/push']!.post!.requestBody!.content['application/json']!.schema;
    expect(push.properties!.operations!.items!.properties!.deviceSeq!.type).toBe('integer');
    const putaway = doc.components.schemas.FloorOperationInput!.oneOf!.find((b) => (b.properties!.type as { enum?: string[] }).enum?.[0] === 'putaway')!;
    expect(putaway.properties!.qty!.type).toBe('integer');
  });

  it('is a readable page too, with no script', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/docs' });
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('POST /api/sync/push');
    expect(response.body).not.toContain('<script');
  });
});

/** The full paths in Fastify's route tree print-out (children are indented under their parent). */
function routesOf(tree: string): string[] {
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split('\n')) {
    const marker = line.search(/[├└]── /);
    if (marker === -1) continue;
    const depth = marker / 4;
    const segment = line.slice(marker + 4).split(' (')[0]!;
    stack.length = depth;
    stack.push(segment);
    routes.push(stack.join(''));
  }
  return routes;
}
