/**
 * `npm run bench:load`: the fleet figures of issue 15 alone (bench/fleet/fleetBench.ts),
 * on PostgreSQL (DATABASE_URL, else this machine's), written to their section of
 * docs/BENCHMARKS.md; `npm run bench` measures them too. BENCH_LOAD_FLEETS (e.g.
 * "100,500,1000"), BENCH_LOAD_ON_THREE and BENCH_LOAD_SECONDS change the plan.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { DEFAULT_FLEET_PLAN, fleetSection, measureFleet, withSection } from './fleet/fleetBench';

async function main() {
  const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const fleets = process.env.BENCH_LOAD_FLEETS ? process.env.BENCH_LOAD_FLEETS.split(',').map(Number) : DEFAULT_FLEET_PLAN.fleets;
  const onThree = process.env.BENCH_LOAD_ON_THREE ? Number(process.env.BENCH_LOAD_ON_THREE) : DEFAULT_FLEET_PLAN.onThree;
  const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? DEFAULT_FLEET_PLAN.seconds);
  const report = await measureFleet(adminUrl, { fleets, onThree, seconds, log: (...args) => console.log(...args) });
  const section = fleetSection(report);
  const previous = existsSync('docs/BENCHMARKS.md') ? readFileSync('docs/BENCHMARKS.md', 'utf8') : '';
  writeFileSync('docs/BENCHMARKS.md', withSection(previous, section));
  console.log(section);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
