/**
 * The CPU and memory a process used over a stretch of time, read from /proc (Linux):
 * CPU seconds (user and system) between two readings, as a share of one core, and the
 * resident memory at the end and at its peak (VmHWM).
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // CLK_TCK on Linux

export interface ProcessUse {
  /** Of one core, over the stretch: 1.0 is one core busy all the time. */
  readonly cpuCores: number;
  readonly rssMb: number;
  readonly peakRssMb: number;
}

function cpuTicks(pid: number): number {
  // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

function memoryMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(`${field}:`));
  return line ? Math.round(Number(line.split(/\s+/)[1]) / 1024) : NaN;
}

/** Starts watching `pid`; the returned function reads what it used since. */
export function watchProcess(pid: number): () => ProcessUse {
  const ticks = cpuTicks(pid);
  const at = performance.now();
  return () => {
    const seconds = (performance.now() - at) / 1000;
    return {
      cpuCores: Math.round(((cpuTicks(pid) - ticks) / TICKS_PER_SECOND / seconds) * 100) / 100,
      rssMb: memoryMb(pid, 'VmRSS'),
      peakRssMb: memoryMb(pid, 'VmHWM'),
    };
  };
}

/** The pids whose command is `name` (PostgreSQL's processes: `postgres`). */
function pidsNamed(name: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === name;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/**
 * Starts watching every process named `name` (a database's server and its backends);
 * the returned function reads the cores they used since. A backend that exited meanwhile
 * is not counted (an undercount; a pool's connections live through a run).
 */
export function watchProcessesNamed(name: string): () => number {
  const ticksOf = (pid: number) => {
    try {
      return cpuTicks(pid);
    } catch {
      return null;
    }
  };
  const before = new Map(pidsNamed(name).map((pid) => [pid, ticksOf(pid) ?? 0]));
  const at = performance.now();
  return () => {
    const seconds = (performance.now() - at) / 1000;
    let ticks = 0;
    for (const pid of pidsNamed(name)) ticks += Math.max(0, (ticksOf(pid) ?? 0) - (before.get(pid) ?? 0));
    return Math.round((ticks / TICKS_PER_SECOND / seconds) * 100) / 100;
  };
}

/** This process's own cores since the returned function was made (the load generator). */
export function watchSelf(): () => number {
  const before = process.cpuUsage();
  const at = performance.now();
  return () => {
    const used = process.cpuUsage(before);
    return Math.round(((used.user + used.system) / 1e6 / ((performance.now() - at) / 1000)) * 100) / 100;
  };
}
