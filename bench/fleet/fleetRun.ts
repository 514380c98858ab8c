/**
 * A fleet of simulated handhelds against one or more server processes (device i talks
 * to `urls[i % urls.length]`, as a load balancer would spread them): all sign in at
 * once, as at the start of a shift, then each works at the floor's pace for `seconds`.
 * The figures are what the devices saw (bench/fleet/simulatedDevice.ts); the server's
 * CPU and memory are sampled by the caller (bench/fleet/processUse.ts).
 */
import { percentile, median } from '../stats';
import { SimulatedDevice, newRecorder, type DevicePlace } from './simulatedDevice';

export interface FleetOptions {
  readonly urls: readonly string[];
  readonly devices: number;
  readonly seconds: number;
  readonly warehouseId: string;
  readonly users: readonly { readonly username: string; readonly pin: string }[];
  readonly places: readonly DevicePlace[];
  /** The floor's pace: a batch of 1-2 steps every 5 s, a pull every 15 s. */
  readonly pushEveryMs?: number;
  readonly pullEveryMs?: number;
}

export interface Spread3 {
  readonly n: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
}

export interface FleetFigures {
  readonly devices: number;
  readonly processes: number;
  readonly seconds: number;
  /** From the first sign-in sent to the last answered. */
  readonly signInAllMs: number;
  /** Each device's sign-in, its busy waits included. */
  readonly signIn: Spread3;
  readonly signInBusyRetries: number;
  readonly push: Spread3;
  readonly pull: Spread3;
  /** Median bytes of a pulled page (JSON as parsed). */
  readonly pullBytesMedian: number;
  /** Steps the server answered applied. */
  readonly stepsApplied: number;
  readonly stepsPerSecond: number;
  readonly errors: Record<string, number>;
  readonly errorCount: number;
}

const spread3 = (values: readonly number[]): Spread3 => ({ n: values.length, p50: round(median(values)), p95: round(percentile(values, 95)), p99: round(percentile(values, 99)) });
const round = (ms: number) => Math.round(ms * 10) / 10;

export async function runFleet(options: FleetOptions): Promise<FleetFigures> {
  const recorder = newRecorder();
  const devices = Array.from({ length: options.devices }, (_, i) => new SimulatedDevice(options.urls[i % options.urls.length]!, options.warehouseId, options.users[i % options.users.length]!, options.places[i % options.places.length]!, recorder));
  const signInStart = performance.now();
  const signedIn = await Promise.all(devices.map((device) => device.signIn()));
  const signInAllMs = performance.now() - signInStart;
  const working = devices.filter((_, i) => signedIn[i]);
  const start = performance.now();
  for (const device of working) device.start(options.pushEveryMs ?? 5000, options.pullEveryMs ?? 15_000);
  await new Promise((resolve) => setTimeout(resolve, options.seconds * 1000));
  await Promise.all(working.map((device) => device.stop()));
  const elapsed = (performance.now() - start) / 1000;
  const errors = Object.fromEntries([...recorder.errors].sort((a, b) => b[1] - a[1]));
  return {
    devices: options.devices,
    processes: options.urls.length,
    seconds: Math.round(elapsed),
    signInAllMs: Math.round(signInAllMs),
    signIn: spread3(recorder.signIns),
    signInBusyRetries: recorder.busyRetries,
    push: spread3(recorder.pushes),
    pull: spread3(recorder.pulls),
    pullBytesMedian: Math.round(median(recorder.pullBytes)),
    stepsApplied: recorder.stepsApplied,
    stepsPerSecond: Math.round((recorder.stepsApplied / elapsed) * 10) / 10,
    errors,
    errorCount: Object.values(errors).reduce((sum, n) => sum + n, 0),
  };
}
