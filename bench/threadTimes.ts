/**
 * CPU time of Chromium's threads, read from /proc (Linux): CDP throttles a page's main
 * thread only, so work moved to a Web Worker runs at the machine's speed under "4x".
 * Reading each thread's own CPU time before and after a run says how much of the work
 * each kind of thread did, so a figure at 4x can say what it left unthrottled.
 *
 * Kinds by thread: `page` (a renderer process's main thread, its pages' thread), `worker`
 * (DedicatedWorker thread: the sync worker, the decoder), `other` (every other thread of
 * Chromium: the browser process, IndexedDB's backend, the network, compositors).
 */
import { readdirSync, readFileSync } from 'node:fs';

export type ThreadKind = 'page' | 'worker' | 'other';
export type ThreadTimes = ReadonlyMap<string, { readonly kind: ThreadKind; readonly ms: number }>;

const TICK_MS = 10; // USER_HZ is 100 on Linux

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null; // the process or thread ended while being read
  }
}

function kindOf(name: string, mainOfRenderer: boolean): ThreadKind {
  if (mainOfRenderer || name.startsWith('CrRendererMain')) return 'page';
  if (name.startsWith('DedicatedWorker')) return 'worker';
  return 'other';
}

/** Every Chromium thread's CPU time so far (user + system), keyed by process and thread id. */
export function chromiumThreadTimes(): ThreadTimes {
  const times = new Map<string, { kind: ThreadKind; ms: number }>();
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    const command = read(`/proc/${pid}/cmdline`);
    if (command === null || !command.split('\0')[0]!.includes('chromium')) continue;
    const renderer = command.includes('--type=renderer');
    let threads: string[];
    try {
      threads = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of threads) {
      const stat = read(`/proc/${pid}/task/${tid}/stat`);
      const name = read(`/proc/${pid}/task/${tid}/comm`);
      if (stat === null || name === null) continue;
      // Fields after the name in parentheses (which may hold spaces): utime and stime are the 12th and 13th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = Number(fields[11]) + Number(fields[12]);
      times.set(`${pid}/${tid}`, { kind: kindOf(name.trim(), renderer && tid === pid), ms: ticks * TICK_MS });
    }
  }
  return times;
}

/** CPU time spent by each kind of thread between two readings (threads born between them count from zero). */
export function cpuSpent(before: ThreadTimes, after: ThreadTimes): Record<ThreadKind, number> {
  const spent: Record<ThreadKind, number> = { page: 0, worker: 0, other: 0 };
  for (const [key, now] of after) spent[now.kind] += now.ms - (before.get(key)?.ms ?? 0);
  return spent;
}

/**
 * Reads the threads every `everyMs` until stopped, and returns what each kind spent: a
 * thread that ends during the run (a worker terminated when its job is done) keeps the
 * time last read of it, so at most `everyMs` of its work goes uncounted.
 */
export function sampleCpu(everyMs = 100): () => Record<ThreadKind, number> {
  const before = chromiumThreadTimes();
  const last = new Map(before);
  const read = () => {
    for (const [key, now] of chromiumThreadTimes()) last.set(key, now);
  };
  const timer = setInterval(read, everyMs);
  return () => {
    clearInterval(timer);
    read();
    return cpuSpent(before, last);
  };
}
