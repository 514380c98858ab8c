/**
 * The CPU and memory a process used over a stretch of time, read from /proc (Linux):
 * CPU seconds (user and system) between two readings, as a share of one core, and the
 * resident memory at the end and at its peak (VmHWM).
 */
import { readFileSync } from 'node:fs';

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
