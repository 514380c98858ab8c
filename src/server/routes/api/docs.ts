/**
 * The API described: OpenAPI 3.0 as JSON at /api/docs/openapi.json, and the same as a
 * plain page at /api/docs (no script, so the app's Content-Security-Policy holds).
 */
import type { FastifyInstance } from 'fastify';
import { endpoints, openApiDocument } from '../../../protocol/apiDescription';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export default async function docsRoutes(app: FastifyInstance) {
  const document = openApiDocument();
  const page = renderPage(document as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: unknown }> }; responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>> });
  app.get('/api/docs/openapi.json', async () => document);
  app.get('/api/docs', async (_request, reply) => reply.type('text/html; charset=utf-8').send(page));
}

function renderPage(document: { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: unknown }> }; responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>> }): string {
  const sections = endpoints.map((e) => {
    const op = document.paths[e.path]![e.method]!;
    const request = op.requestBody?.content['application/json']?.schema;
    const response = op.responses['200']?.content?.['application/json']?.schema;
    return `<section id="${escape(`${e.method}-${e.path}`)}">
<h2>${e.method.toUpperCase()} ${escape(e.path)}</h2>
<p><strong>${escape(e.summary)}</strong> — access: ${e.auth === 'none' ? 'anyone' : e.auth === 'device' ? 'a signed-in device' : 'supervisors'}.</p>
<p>${escape(e.description)}</p>
${request ? `<details><summary>Request body</summary><pre>${escape(JSON.stringify(request, null, 2))}</pre></details>` : ''}
${response ? `<details><summary>Answer (200)</summary><pre>${escape(JSON.stringify(response, null, 2))}</pre></details>` : ''}
</section>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Warehouse handheld API</title></head>
<body>
<h1>Warehouse floor handheld API</h1>
<p>Machine-readable: <a href="/api/docs/openapi.json">OpenAPI 3.0 (JSON)</a>. Every request but sign-in, health and these docs carries <code>Authorization: Bearer &lt;token&gt;</code> and <code>x-device-id: &lt;the device's id&gt;</code>. Every error is <code>{"error": {"reason", "message"}}</code>.</p>
<p>To write a client: sign in, download the warehouse (manifest, then pages), keep operations in an outbox with a gapless sequence and a UUID each, push them in order (retry the same batch until answered), then pull from the manifest's pullCursor until <code>more</code> is false.</p>
${sections.join('\n')}
</body></html>`;
}
