/**
 * The API described: OpenAPI 3.0 as JSON at /api/docs/openapi.json, made by
 * @fastify/swagger from the schemas each route declares (plugins/app/apiSchemas.ts),
 * and the same as a plain page at /api/docs (no script, so the app's
 * Content-Security-Policy holds).
 */
import type { FastifyInstance } from 'fastify';
import type { BodyLimits } from './routeSchema';

interface Operation {
  readonly summary?: string;
  readonly description?: string;
  readonly operationId?: string;
  readonly 'x-access'?: string;
  readonly requestBody?: { content: Record<string, { schema: unknown }> };
  readonly responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
}
type Document = { readonly paths: Record<string, Record<string, Operation>> };

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const accessWords: Record<string, string> = { anyone: 'anyone', device: 'a signed-in device', supervisor: 'supervisors' };

export default async function docsRoutes(app: FastifyInstance, options: { bodyLimits: BodyLimits }) {
  // Made once, on first ask: every route is registered by then.
  let made: { document: object; page: string } | null = null;
  const described = () => {
    if (made === null) {
      const document = app.swagger() as object;
      made = { document, page: renderPage(document as Document) };
    }
    return made;
  };
  const hidden = { bodyLimit: options.bodyLimits.request, schema: { hide: true } };
  app.get('/api/docs/openapi.json', hidden, async () => described().document);
  app.get('/api/docs', hidden, async (_request, reply) => reply.type('text/html; charset=utf-8').send(described().page));
}

function renderPage(document: Document): string {
  const sections = Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, op]) => {
      const request = op.requestBody?.content['application/json']?.schema;
      const response = (op.responses['200'] ?? op.responses['201'])?.content?.['application/json']?.schema;
      return `<section id="${escape(op.operationId ?? `${method}-${path}`)}">
<h2>${method.toUpperCase()} ${escape(path)}</h2>
<p><strong>${escape(op.summary ?? '')}</strong> — access: ${accessWords[op['x-access'] ?? 'device'] ?? 'a signed-in device'}.</p>
<p>${escape(op.description ?? '')}</p>
${request ? `<details><summary>Request body</summary><pre>${escape(JSON.stringify(request, null, 2))}</pre></details>` : ''}
${response ? `<details><summary>Answer</summary><pre>${escape(JSON.stringify(response, null, 2))}</pre></details>` : ''}
</section>`;
    }),
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Warehouse handheld API</title></head>
<body>
<h1>Warehouse floor handheld API</h1>
<p>Machine-readable: <a href="/api/docs/openapi.json">OpenAPI 3.0 (JSON)</a>. Every request but sign-in, health and these docs carries <code>Authorization: Bearer &lt;token&gt;</code> and <code>x-device-id: &lt;the device's id&gt;</code>. Every error is <code>{"error": {"reason", "message"}}</code>.</p>
<p>To write a client: sign in, download the warehouse (manifest, then pages), keep operations in an outbox with a gapless sequence and a UUID each, push them in order (retry the same batch until answered), then pull from the manifest's pullCursor until <code>more</code> is false.</p>
${sections.join('\n')}
</body></html>`;
}
