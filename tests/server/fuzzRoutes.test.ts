/**
 * Every route in the OpenAPI document, fed generated requests (fast-check) as a
 * supervisor and as a worker: no answer is ever a 5xx, and a refused request (4xx)
 * leaves the database as it was.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { appOn, databaseKinds, seededDatabase, signIn, SMALL_MAIN, type SignedIn, type TestDatabase } from './testServer';
import { valueFor, type Known, type Schema } from './fuzz/requestArbitraries';
import { databaseChecksum } from './fuzz/databaseChecksum';

interface Operation {
  operationId: string;
  parameters?: { name: string; in: 'path' | 'query'; schema: Schema }[];
  requestBody?: { content: { 'application/json': { schema: Schema } } };
}

/** A URL can carry no lone surrogate: it is replaced, as a browser would. */
const wellFormed = (text: string) => text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

/** Runs per route: a few dozen keeps the file within a minute on PGlite. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 20);

describe.each(databaseKinds)('every route against generated bad input (%s)', (kind) => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let supervisor: SignedIn;
  let worker: SignedIn;
  let known: Known;
  let doc: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

  beforeAll(async () => {
    test = await seededDatabase(kind, [SMALL_MAIN]);
    app = await appOn(test.db);
    supervisor = await signIn(app, 'super1', '9999');
    worker = await signIn(app, 'picker1', '1111');
    doc = (await app.inject({ method: 'GET', url: '/api/docs/openapi.json' })).json();
    const pick = async (sql: string) => (await test.db.query<{ v: string }>(sql)).map((r) => r.v);
    known = {
      warehouseIds: ['wh-main', 'wh-yard', 'wh-nowhere'],
      skus: await pick('select sku as v from products order by sku limit 5'),
      binCodes: await pick('select code as v from bins order by code limit 5'),
      gtins: await pick('select gtin as v from product_codes order by gtin limit 3'),
      userIds: [supervisor.body.user.id, worker.body.user.id],
      opIds: await pick('select op_id::text as v from operations limit 3'),
    };
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await test?.drop();
  });

  it('answers no request with a 5xx, and changes nothing when it refuses one', async () => {
    const failures: string[] = [];
    const statuses: string[] = [];
    // Sign-out last: it ends the session the other routes use.
    const operations = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })))
      .sort((a, b) => Number(a.op.operationId === 'signOut') - Number(b.op.operationId === 'signOut'));
    expect(operations.length).toBeGreaterThan(25);
    for (const { path, method, op } of operations) {
      const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path');
      const queryParams = (op.parameters ?? []).filter((p) => p.in === 'query');
      const request = fc.record({
        as: fc.oneof({ arbitrary: fc.constant('supervisor'), weight: op.operationId.startsWith('sync') ? 1 : 4 }, { arbitrary: fc.constant('worker'), weight: 1 }),
        path: fc.record(Object.fromEntries(pathParams.map((p) => [p.name, valueFor(p.schema, doc.components.schemas, known, p.name)]))),
        query: fc.record(Object.fromEntries(queryParams.map((p) => [p.name, valueFor(p.schema, doc.components.schemas, known, p.name)])), { requiredKeys: [] }),
        body: op.requestBody ? valueFor(op.requestBody.content['application/json'].schema, doc.components.schemas, known) : fc.constant(undefined),
      });
      await fc.assert(
        fc.asyncProperty(request, async (r) => {
          const url = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(wellFormed(String(r.path[name]))));
          const query = new URLSearchParams(Object.entries(r.query).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString();
          const before = await databaseChecksum(test.db);
          const answer = await app.inject({
            method: method.toUpperCase() as 'GET' | 'POST',
            url: query ? `${url}?${query}` : url,
            headers: (r.as === 'supervisor' ? supervisor : worker).headers,
            ...(r.body !== undefined ? { payload: JSON.stringify(r.body), headers: { ...(r.as === 'supervisor' ? supervisor : worker).headers, 'content-type': 'application/json' } } : {}),
          });
          const shown = () => `${op.operationId} ${answer.statusCode} ${answer.body.slice(0, 300)} ← ${JSON.stringify(r).slice(0, 600)}`;
          if (process.env.FUZZ_SHOW) statuses.push(`${op.operationId}:${answer.statusCode}${answer.statusCode === 400 && op.operationId.startsWith('sync') ? answer.body.slice(0, 160) : ''}`);
          if (answer.statusCode >= 500) failures.push(shown());
          else if (answer.statusCode >= 400 && (await databaseChecksum(test.db)) !== before) failures.push(`changed the database: ${shown()}`);
          return true;
        }),
        { numRuns: op.operationId === 'signOut' ? 3 : RUNS, seed: Number(process.env.FUZZ_SEED ?? 12), endOnFailure: true },
      );
    }
    if (process.env.FUZZ_SHOW) console.log([...new Set(statuses)].map((s) => `${s} x${statuses.filter((t) => t === s).length}`).join('\n'));
    expect(failures).toEqual([]);
  }, 240_000);
});
