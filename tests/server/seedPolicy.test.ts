/**
 * The demo (super1/9999 and friends) is seeded only where it is asked for: on the
 * embedded default, so `npm start` shows it, or with SEED_DEMO=1. A server started on
 * an empty PostgreSQL seeds nothing and says in its log how to make the first admin.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/server/config';
import { FIRST_ADMIN_HINT, startServer } from '../../src/server/start';
import { createTestDatabase, databaseKinds } from './testServer';

const url = 'postgres://db-host:5432/handheld';

describe('the seeding policy', () => {
  it('seeds the demo on the embedded default or when SEED_DEMO=1, never on PostgreSQL unless asked', () => {
    expect(readConfig({}).seedDemo).toBe(true);
    expect(readConfig({ DATABASE_URL: '' }).seedDemo).toBe(true);
    expect(readConfig({ SEED_DEMO: '0' }).seedDemo).toBe(false);
    expect(readConfig({ DATABASE_URL: url }).seedDemo).toBe(false);
    expect(readConfig({ DATABASE_URL: url, SEED_DEMO: '' }).seedDemo).toBe(false);
    expect(readConfig({ DATABASE_URL: url, SEED_DEMO: '1' }).seedDemo).toBe(true);
    expect(readConfig({ DATABASE_URL: url, SEED_DEMO: 'true' }).seedDemo).toBe(true);
    expect(() => readConfig({ SEED_DEMO: 'maybe' })).toThrow(/SEED_DEMO/);
  });
});

describe.runIf(databaseKinds.includes('postgres'))('a server on an empty PostgreSQL', () => {
  it('seeds nothing and logs how to create the first admin', async () => {
    const test = await createTestDatabase('postgres');
    try {
      const env = { ...process.env, DATABASE_URL: test.url!, SEED_DEMO: '', PORT: '0', HOST: '127.0.0.1', STATIC_DIR: '/nonexistent', LOG_LEVEL: 'info' };
      const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const deadline = Date.now() + 60_000;
      while (!output.includes('Server listening') && server.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
      expect(output).toContain('"demoSeeded":false');
      expect(output).toContain(JSON.stringify(FIRST_ADMIN_HINT));
      const [counts] = await test.db.query<{ users: number; warehouses: number }>('select (select count(*)::int from users) as users, (select count(*)::int from warehouses) as warehouses');
      expect(counts).toEqual({ users: 0, warehouses: 0 });
    } finally {
      await test.drop();
    }
  }, 90_000);

  it('seeds the demo when SEED_DEMO=1', async () => {
    const test = await createTestDatabase('postgres');
    try {
      const app = await startServer(readConfig({ DATABASE_URL: test.url!, SEED_DEMO: '1', LOG_LEVEL: 'silent', STATIC_DIR: '/nonexistent' }));
      await app.close();
      const rows = await test.db.query<{ username: string }>('select username from users order by username');
      expect(rows.map((r) => r.username)).toEqual(['counter1', 'picker1', 'super1']);
    } finally {
      await test.drop();
    }
  }, 120_000);
});
