/**
 * `npm run bench:speed`: issue 14's speed figures alone (bench/handheldSpeed.ts), on the
 * big catalog, printed as JSON; `npm run bench` measures the same and writes them to
 * docs/BENCHMARKS.md. BENCH_BIG_TEMPLATE names a catalog folder seeded before (see
 * bench/bigCatalog.ts); BENCH_SPEED_PARTS picks parts (download,scan,pull).
 */
import { rmSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumArgs } from '../playwright.config';
import { startServer } from '../tests/browser/server';
import { bigCatalogFolder, bigShape } from './bigCatalog';
import { measureSpeed } from './handheldSpeed';

const parts = new Set((process.env.BENCH_SPEED_PARTS ?? 'download,scan,pull').split(','));

async function main() {
  const { dir, seedMs } = await bigCatalogFolder();
  if (seedMs !== null) console.log('seeded the catalog in', seedMs, 'ms');
  const server = await startServer({ DATA_DIR: dir, SEED_DEMO: '0' });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  try {
    const figures = await measureSpeed(browser, server, bigShape(), {
      downloadRuns: parts.has('download') ? Number(process.env.BENCH_DOWNLOAD_RUNS ?? 1) : 0,
      scans: parts.has('scan') ? Number(process.env.BENCH_SCANS ?? 400) : 0,
      pull: parts.has('pull'),
      log: (...args) => console.log(...args),
    });
    console.log(JSON.stringify(figures, null, 1));
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
