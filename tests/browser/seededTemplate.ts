/**
 * Playwright's global setup: seeds the demo warehouse once into a template data folder
 * (starting the real server on it, as every test file would), so each test file's own
 * server starts on a fresh copy instead of seeding again. Every file still gets its own
 * folder and server: no state is shared between files.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEEDED_TEMPLATE_ENV, startServer } from './server';

export default async function seedTemplate(): Promise<() => void> {
  const template = mkdtempSync(join(tmpdir(), 'handheld-e2e-template-'));
  const server = await startServer({ DATA_DIR: template });
  await server.stop();
  process.env[SEEDED_TEMPLATE_ENV] = template;
  return () => rmSync(template, { recursive: true, force: true });
}
