/**
 * One handheld of a simulated fleet, over HTTP as the app speaks to the server: it signs
 * in (as the app does, a sign-in held back as busy sent again), takes the pull cursor of a finished download, then pushes a batch of 1-2 putaways
 * every `pushEveryMs` and pulls every `pullEveryMs` (each page until `more` is false, the
 * device's status with the first), each at its own offset so the fleet does not beat in
 * step. A device sends one push and one pull at a time, as the app does; a late answer
 * delays its next request and is not piled on.
 *
 * What it records is the server's answer as a device sees it: the time of every request,
 * the bytes of every pulled page (the JSON as parsed; the wire carries it compressed),
 * and every failure with its reason (a status other than 200, a network error, or a
 * pushed step the server did not apply).
 */
import { randomUUID } from 'node:crypto';
import { apiPaths } from '../../src/protocol/paths';
import { APP_VERSION, PROTOCOL_VERSION, PROTOCOL_VERSION_HEADER } from '../../src/protocol/versionNumbers';
import type { DeviceStatus } from '../../src/protocol/syncMessages';
import { BUSY_TRIES } from '../../src/sync/signIn';

export interface DevicePlace {
  readonly binCode: string;
  readonly productId: string;
}

export interface FleetRecorder {
  readonly signIns: number[];
  readonly pushes: number[];
  readonly pulls: number[];
  readonly pullBytes: number[];
  readonly errors: Map<string, number>;
  stepsApplied: number;
  /** Sign-ins held back as busy and sent again, as the app does by itself. */
  busyRetries: number;
}

export const newRecorder = (): FleetRecorder => ({ signIns: [], pushes: [], pulls: [], pullBytes: [], errors: new Map(), stepsApplied: 0, busyRetries: 0 });

const failed = (recorder: FleetRecorder, what: string) => recorder.errors.set(what, (recorder.errors.get(what) ?? 0) + 1);

interface Answer {
  readonly status: number;
  readonly text: string;
  readonly ms: number;
}

export class SimulatedDevice {
  readonly deviceId = randomUUID();
  private token = '';
  private userId = '';
  private cursor: string | null = null;
  private seq = 0;
  private stopped = false;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly url: string,
    private readonly warehouseId: string,
    private readonly user: { readonly username: string; readonly pin: string },
    private readonly place: DevicePlace,
    private readonly recorder: FleetRecorder,
  ) {}

  private async call(path: string, method: 'GET' | 'POST', body?: unknown): Promise<Answer> {
    const headers: Record<string, string> = { accept: 'application/json', 'accept-encoding': 'gzip', [PROTOCOL_VERSION_HEADER]: String(PROTOCOL_VERSION) };
    if (this.token) {
      headers.authorization = `Bearer ${this.token}`;
      headers['x-device-id'] = this.deviceId;
    }
    if (body !== undefined) headers['content-type'] = 'application/json';
    const start = performance.now();
    const response = await fetch(`${this.url}${path}`, { method, headers, body: body === undefined ? null : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, text, ms: performance.now() - start };
  }

  /**
   * Signs in as the app does (sync/signIn.ts: a sign-in held back as busy is sent again
   * after the seconds named, up to BUSY_TRIES times) and takes the cursor a download
   * would leave; false (recorded) when either failed.
   */
  async signIn(): Promise<boolean> {
    try {
      const start = performance.now();
      let answer = await this.call(apiPaths.signIn, 'POST', { username: this.user.username, pin: this.user.pin, deviceId: this.deviceId, appVersion: APP_VERSION });
      for (let tries = 1; answer.status === 429 && busyFor(answer.text) !== null && tries < BUSY_TRIES; tries++) {
        this.recorder.busyRetries++;
        await new Promise((resolve) => setTimeout(resolve, busyFor(answer.text)! * 1000 + Math.random() * 2000));
        answer = await this.call(apiPaths.signIn, 'POST', { username: this.user.username, pin: this.user.pin, deviceId: this.deviceId, appVersion: APP_VERSION });
      }
      answer = { ...answer, ms: performance.now() - start };
      if (answer.status !== 200) {
        failed(this.recorder, `sign-in ${answer.status} ${reasonOf(answer.text)}`);
        return false;
      }
      this.recorder.signIns.push(answer.ms);
      const body = JSON.parse(answer.text) as { token: string; user: { id: string } };
      this.token = body.token;
      this.userId = body.user.id;
      const manifest = await this.call(apiPaths.downloadManifest(this.warehouseId), 'GET');
      if (manifest.status !== 200) {
        failed(this.recorder, `download manifest ${manifest.status} ${reasonOf(manifest.text)}`);
        return false;
      }
      this.cursor = (JSON.parse(manifest.text) as { pullCursor: string }).pullCursor;
      return true;
    } catch (error) {
      failed(this.recorder, `sign-in network ${(error as Error).message}`);
      return false;
    }
  }

  /** Works until `stop`: pushes and pulls on their timers, each first at a random offset. */
  start(pushEveryMs: number, pullEveryMs: number): void {
    this.every(pushEveryMs, () => this.push());
    this.every(pullEveryMs, () => this.pull());
  }

  /** Stops the timers and waits for the requests in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    await Promise.all([...this.running]);
  }

  private every(ms: number, work: () => Promise<void>): void {
    const next = (delay: number) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        if (this.stopped) return;
        const started = performance.now();
        const job = work().finally(() => {
          this.running.delete(job);
          if (!this.stopped) next(Math.max(0, ms - (performance.now() - started)));
        });
        this.running.add(job);
      }, delay);
      this.timers.add(timer);
    };
    next(Math.random() * ms);
  }

  private async push(): Promise<void> {
    const count = 1 + Math.floor(Math.random() * 2);
    const operations = Array.from({ length: count }, () => ({
      opId: randomUUID(),
      deviceSeq: ++this.seq,
      userId: this.userId,
      createdAt: new Date().toISOString(),
      payload: { type: 'putaway', taskId: null, lineNo: null, binCode: this.place.binCode, productId: this.place.productId, lot: '', expiry: null, qty: 1, suggestedBinCode: null },
    }));
    try {
      const answer = await this.call('/api/sync/push', 'POST', { warehouseId: this.warehouseId, sentAt: new Date().toISOString(), operations });
      this.recorder.pushes.push(answer.ms);
      if (answer.status !== 200) {
        failed(this.recorder, `push ${answer.status} ${reasonOf(answer.text)}`);
        this.seq -= count; // not taken: the same numbers go with the next batch
        return;
      }
      const results = (JSON.parse(answer.text) as { results: { status: string; why?: { code: string } | null }[] }).results;
      for (const result of results) {
        if (result.status === 'applied') this.recorder.stepsApplied++;
        else failed(this.recorder, `step ${result.status} ${result.why?.code ?? ''}`.trim());
      }
    } catch (error) {
      failed(this.recorder, `push network ${(error as Error).message}`);
      this.seq -= count;
    }
  }

  private async pull(): Promise<void> {
    let first = true;
    for (let page = 0; page < 100 && !this.stopped; page++) {
      try {
        const answer = await this.call('/api/sync/pull', 'POST', { warehouseId: this.warehouseId, cursor: this.cursor, ...(first ? { status: this.status() } : {}) });
        first = false;
        this.recorder.pulls.push(answer.ms);
        if (answer.status !== 200) {
          failed(this.recorder, `pull ${answer.status} ${reasonOf(answer.text)}`);
          return;
        }
        this.recorder.pullBytes.push(Buffer.byteLength(answer.text));
        const body = JSON.parse(answer.text) as { kind: string; cursor?: string; more?: boolean };
        if (body.kind !== 'changes') {
          failed(this.recorder, `pull ${body.kind}`);
          return;
        }
        this.cursor = body.cursor ?? this.cursor;
        if (!body.more) return;
      } catch (error) {
        failed(this.recorder, `pull network ${(error as Error).message}`);
        return;
      }
    }
  }

  private status(): DeviceStatus {
    return { appVersion: APP_VERSION, pending: 0, oldestPendingAt: null, rejected: 0, lastSyncAt: new Date().toISOString(), persisted: true, usageBytes: 50_000_000, quotaBytes: 2_000_000_000, lastError: null };
  }
}

/** The seconds to wait when the answer is a sign-in held back as busy, else null. */
function busyFor(text: string): number | null {
  try {
    const error = (JSON.parse(text) as { error?: { busy?: boolean; retryAfterSeconds?: number } }).error;
    return error?.busy === true ? (error.retryAfterSeconds ?? 3) : null;
  } catch {
    return null;
  }
}

/** The reason code of an error answer, or its first characters. */
function reasonOf(text: string): string {
  try {
    return (JSON.parse(text) as { error?: { reason?: string } }).error?.reason ?? text.slice(0, 80);
  } catch {
    return text.slice(0, 80);
  }
}
