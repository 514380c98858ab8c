/**
 * Where scans from every source meet. The wedge listener, the camera and manual
 * entry announce here; the screen that expects a scan listens here.
 */
import type { Scan } from './scan';

type ScanListener = (scan: Scan) => void;

const listeners = new Set<ScanListener>();

/** Subscribes to scans from every source; returns the function that unsubscribes. */
export function onScan(listener: ScanListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function announceScan(scan: Scan): void {
  for (const listener of listeners) listener(scan);
  // Lets a test (or a browser extension of the warehouse's) see every scan as it happens.
  if (typeof window !== 'undefined') window.dispatchEvent(new CustomEvent('floor:scan', { detail: scan }));
}
