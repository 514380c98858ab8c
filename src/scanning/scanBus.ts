/**
 * Where scans from every source meet. The wedge listener, the camera and manual
 * entry announce here; the screen that expects a scan listens here.
 *
 * A scan that arrives while no screen listens (between two screens, while a screen
 * is mounting after a reload) is held for up to HELD_FOR_MS and given, in order, to
 * the next listener: every scan gets its answer from the screen the worker is on.
 */
import type { Scan } from './scan';

type ScanListener = (scan: Scan) => void;

const listeners = new Set<ScanListener>();
const held: { scan: Scan; at: number }[] = [];

export const HELD_FOR_MS = 2000;
const MOST_HELD = 20;

/** Subscribes to scans from every source; returns the function that unsubscribes. */
export function onScan(listener: ScanListener, now: () => number = () => performance.now()): () => void {
  listeners.add(listener);
  const waiting = held.splice(0).filter((h) => now() - h.at <= HELD_FOR_MS);
  for (const { scan } of waiting) listener(scan);
  return () => listeners.delete(listener);
}

export function announceScan(scan: Scan, now: () => number = () => performance.now()): void {
  if (listeners.size === 0) {
    held.push({ scan, at: now() });
    if (held.length > MOST_HELD) held.shift();
  }
  for (const listener of listeners) listener(scan);
  // Lets a test (or a browser extension of the warehouse's) see every scan as it happens.
  if (typeof window !== 'undefined') window.dispatchEvent(new CustomEvent('floor:scan', { detail: scan }));
}
