/** The API described as OpenAPI at /api/docs, from the same schemas the server checks with. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { appOn, createTestDatabase, type TestDatabase } from './testServer';
import { migrate } from '../../src/server/storage/migrate';
import { endpoints } from '../../src/protocol/apiDescription';

describe('the API description', () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    test = await createTestDatabase('pglite');
    await migrate(test.db);
    app = await appOn(test.db);
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  it('is OpenAPI 3.0 JSON naming every route the server has, with its request and answer schemas', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/docs/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json<{ openapi: string; paths: Record<string, Record<string, { responses: object; requestBody?: object }>>; components: { schemas: Record<string, unknown> } }>();
    expect(doc.openapi).toBe('3.0.3');
    for (const e of endpoints) {
      // Every documented route exists on the server…
      // (The three download pages are one route with the kind of data as its last part.)
      const url = e.path.replace(/\{(\w+)\}/g, ':$1').replace(/download\/(products|bins|tasks)$/, 'download/:entity');
      expect(app.hasRoute({ method: e.method.toUpperCase() as 'GET' | 'POST', url }), `${e.method} ${e.path}`).toBe(true);
      const op = doc.paths[e.path]![e.method]!;
      expect(Object.keys(op.responses).length).toBeGreaterThan(1);
      if (e.request) expect(op.requestBody).toBeDefined();
    }
    // …and every route under /api the server has is documented.
    const routes = routesOf(app.printRoutes({ commonPrefix: false })).filter((route) => route.startsWith('/api/'));
    const documented = new Set(endpoints.map((e) => e.path.replace(/\{(\w+)\}/g, ':$1').replace(/download\/(products|bins|tasks)$/, 'download/:entity')));
    documented.add('/api/docs').add('/api/docs/openapi.json');
    expect(routes.length).toBeGreaterThanOrEqual(endpoints.length - 2);
    for (const route of routes) expect(documented, route).toContain(route);
    expect(JSON.stringify(doc.components.schemas.FloorOperation)).toContain('rejection-settled');
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
