/**
 * The fleet figures of issue 15: simulated handhelds at the floor's pace against real
 * server processes on one fresh PostgreSQL database (bench/fleet/fleetRun.ts), for
 * N = 100, 500 and 1,000 on one process, then the biggest fleet on three processes
 * sharing the database. Each run signs its devices in anew (new device ids, as a shift
 * of fresh handhelds), so every run's sign-in is a shift start of its own.
 */
import { execFileSync } from 'node:child_process';
import { migrate } from '../../src/server/storage/migrate';
import { openPostgres } from '../../src/server/storage/postgres';
import { seedDemoIfEmpty } from '../../src/server/seed/seedDemo';
import { MAIN_WAREHOUSE } from '../../src/server/seed/demoWarehouse';
import { startServerProcess, type ServerProcess } from '../../tests/server/serverProcessHelper';
import { withFreshPostgres } from '../syncFigures';
import { runFleet, type FleetFigures } from './fleetRun';
import { addFleetUsers, fleetPlaces } from './fleetFloor';
import { watchProcess, watchProcessesNamed, watchSelf, type ProcessUse } from './processUse';

/** BENCH_SERVER_NODE_ARGS: node options for the server processes, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`. */
const SERVER_NODE_ARGS = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);

export interface FleetRun {
  readonly figures: FleetFigures;
  /** Each server process over the run (sign-in included). */
  readonly servers: readonly ProcessUse[];
  /** PostgreSQL's processes, and the load generator itself, in cores over the run. */
  readonly postgresCores: number;
  readonly generatorCores: number;
}

export interface FleetReport {
  /** The day and the commit measured. */
  readonly measured: string;
  readonly seconds: number;
  readonly runs: readonly FleetRun[];
}

export interface FleetPlan {
  readonly fleets: readonly number[];
  /** Devices on three processes (0: no such run). */
  readonly onThree: number;
  readonly seconds: number;
  readonly log?: (...args: unknown[]) => void;
}

export const DEFAULT_FLEET_PLAN: FleetPlan = { fleets: [100, 500, 1000], onThree: 1000, seconds: 60 };

export async function measureFleet(adminUrl: string, plan: FleetPlan): Promise<FleetReport> {
  const log = plan.log ?? (() => undefined);
  return withFreshPostgres(adminUrl, async (url) => {
    const db = await openPostgres(url, 2);
    await migrate(db);
    await seedDemoIfEmpty(db);
    const users = await addFleetUsers(db, Math.max(...plan.fleets, plan.onThree), MAIN_WAREHOUSE.warehouse.id);
    await db.close();
    const places = fleetPlaces(MAIN_WAREHOUSE);
    const runs: FleetRun[] = [];
    const runOn = async (processes: number, devices: number) => {
      const servers: ServerProcess[] = [];
      try {
        for (let i = 0; i < processes; i++) servers.push(await startServerProcess({ DATABASE_URL: url, SEED_DEMO: '0' }, 90_000, SERVER_NODE_ARGS));
        const watches = servers.map((server) => watchProcess(server.pid));
        const postgres = watchProcessesNamed('postgres');
        const generator = watchSelf();
        const figures = await runFleet({ urls: servers.map((s) => s.url), devices, seconds: plan.seconds, warehouseId: MAIN_WAREHOUSE.warehouse.id, users, places });
        const run = { figures, servers: watches.map((read) => read()), postgresCores: postgres(), generatorCores: generator() };
        log(JSON.stringify(run));
        runs.push(run);
      } finally {
        await Promise.all(servers.map((server) => server.stop()));
      }
    };
    for (const devices of plan.fleets) await runOn(1, devices);
    if (plan.onThree > 0) await runOn(3, plan.onThree);
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    return { measured: `${new Date().toISOString().slice(0, 10)} at ${commit}`, seconds: plan.seconds, runs };
  });
}

const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`);

export function fleetSection(report: FleetReport): string {
  const rows = report.runs.map(({ figures: f, servers, postgresCores, generatorCores }) => {
    const cpu = servers.map((s) => s.cpuCores.toFixed(2)).join(' + ');
    const rss = servers.map((s) => `${s.peakRssMb}`).join(' + ');
    const errors = f.errorCount === 0 ? '0' : `${f.errorCount} (${Object.entries(f.errors).map(([what, n]) => `${what}: ${n}`).join('; ')})`;
    return `| ${f.devices} | ${f.processes} | ${ms(f.signInAllMs)} (${f.signInBusyRetries} busy retries) | ${f.stepsPerSecond} | ${ms(f.push.p50)} / ${ms(f.push.p95)} / ${ms(f.push.p99)} | ${ms(f.pull.p50)} / ${ms(f.pull.p95)} / ${ms(f.pull.p99)} | ${(f.pullBytesMedian / 1024).toFixed(1)} KB | ${cpu} | ${postgresCores.toFixed(2)} | ${generatorCores.toFixed(2)} | ${rss} MB | ${errors} |`;
  });
  return `## Fleet load (issue 15), \`npm run bench:load\`

Simulated handhelds over HTTP (bench/fleet/): every device signs in at once (as at a
shift's start, all from one address as behind a warehouse's NAT, a sign-in held back as
busy sent again as the app does), then pushes a batch of 1-2 putaways every 5 s and
pulls every 15 s (each page until \`more\` is false, its status with the first), for
${report.seconds} s, against server processes on one fresh PostgreSQL database on this
machine (the demo warehouse, one worker of its own per device; the server as \`npm start\` runs
it, logging each request at its default level, info). The server processes,
PostgreSQL and the load generator share this machine's 2 cores. Push and pull times are
each request's, as the device saw it; a pulled page's bytes are its JSON (the wire
carries it gzipped). CPU is each server process's share of one core over the run, its
sign-in included (PostgreSQL's: all its processes; the load generator's: its own Node
process, 1,000 devices' timers, requests and JSON); memory the server's peak resident size.

| Devices | Processes | Sign-in of all | Steps/s applied | Push p50 / p95 / p99 | Pull p50 / p95 / p99 | Pulled page (median) | Server CPU (cores) | PostgreSQL CPU | Load generator CPU | Server peak RSS | Errors |
|---:|---:|---|---:|---|---|---:|---|---:|---:|---|---|
${rows.join('\n')}

Measured ${report.measured}. Targets (issue 15): 1,000 devices on one process with push p99 ≤ 300 ms, pull p99 ≤ 1 s,
0 errors, sign-in of 1,000 in ≤ 30 s; three processes carry more than one.
`;
}

/** The report's section in place of the one of the same heading in `previous`, or after it. */
export function withSection(previous: string, section: string): string {
  const heading = section.split('\n', 1)[0]!;
  const parts = previous.split(/^(?=## )/m);
  const at = parts.findIndex((part) => part.split('\n', 1)[0] === heading);
  if (at === -1) return `${previous.trimEnd()}\n\n${section.trimEnd()}\n`;
  parts[at] = `${section.trimEnd()}\n\n`;
  return `${parts.join('').trimEnd()}\n`;
}
