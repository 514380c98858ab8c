import { defineConfig } from 'vitest/config';

// Unit tests (domain, device storage on fake-indexeddb, sync client) and server
// tests (through Fastify's inject, on PGlite and, when DATABASE_URL is set, on
// PostgreSQL). Browser tests are Playwright's, under tests/browser.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts', 'tests/architecture/**/*.test.ts', 'tests/device/**/*.test.ts', 'tests/sync/**/*.test.ts', 'tests/scanning/**/*.test.ts', 'tests/server/**/*.test.ts'],
    environment: 'node',
    // Device storage tests run Dexie on fake-indexeddb; it must be in place before Dexie loads.
    setupFiles: ['fake-indexeddb/auto'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: true,
    // Two files at a time. Vitest's default (the CPUs less one) runs one at a time on this
    // 2-core machine, while most of a server test's time is spent waiting: on PostgreSQL's
    // own process, on scrypt in libuv's pool, on a child process. One at a time took 12 min.
    maxWorkers: 2,
  },
});
