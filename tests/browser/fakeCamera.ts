/**
 * Chromium's fake camera plays a Y4M file (a one-line header, then raw I420 frames)
 * in a loop. This writes one from frames drawn like the scan benchmark's, and marks
 * the frames that show the timed code with a dark square in the top-left corner, so
 * the page can tell the moment the code appears in the feed.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { Pixels } from '../../src/scanning/camera/barcodeEngine';
import { compose, symbolOf, type SymbolFormat } from '../../bench/scan/hardImages';

export const CAMERA_WIDTH = 640;
export const CAMERA_HEIGHT = 360;
export const CAMERA_FPS = 15;
const MARKER = 24;

export interface Segment {
  /** The code shown, or null for frames with no code. */
  readonly code: { readonly text: string; readonly format: SymbolFormat; readonly module: number } | null;
  readonly seconds: number;
  /** Marks these frames as the ones whose appearance is timed. */
  readonly timed?: boolean;
}

function withMarker(pixels: Pixels, dark: boolean): Pixels {
  for (let y = 0; y < MARKER; y++) {
    for (let x = 0; x < MARKER; x++) {
      const i = (y * pixels.width + x) * 4;
      pixels.data.fill(dark ? 0 : 255, i, i + 3);
    }
  }
  return pixels;
}

function i420(pixels: Pixels): Buffer {
  const { width, height, data } = pixels;
  const out = Buffer.alloc((width * height * 3) / 2);
  const u0 = width * height;
  const v0 = u0 + u0 / 4;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * 4;
      out[y * width + x] = Math.round(0.299 * data[p]! + 0.587 * data[p + 1]! + 0.114 * data[p + 2]!);
    }
  }
  for (let y = 0; y < height / 2; y++) {
    for (let x = 0; x < width / 2; x++) {
      const p = (2 * y * width + 2 * x) * 4;
      const [r, g, b] = [data[p]!, data[p + 1]!, data[p + 2]!];
      out[u0 + y * (width / 2) + x] = Math.max(0, Math.min(255, Math.round(-0.169 * r - 0.331 * g + 0.5 * b + 128)));
      out[v0 + y * (width / 2) + x] = Math.max(0, Math.min(255, Math.round(0.5 * r - 0.419 * g - 0.081 * b + 128)));
    }
  }
  return out;
}

/** Writes the segments, in order, as one Y4M video at CAMERA_FPS. */
export async function writeFakeCameraVideo(path: string, segments: readonly Segment[]): Promise<void> {
  const file = openSync(path, 'w');
  try {
    writeSync(file, `YUV4MPEG2 W${CAMERA_WIDTH} H${CAMERA_HEIGHT} F${CAMERA_FPS}:1 Ip A1:1 C420jpeg\n`);
    for (const [s, segment] of segments.entries()) {
      const symbol = segment.code ? await symbolOf(segment.code.text, segment.code.format) : null;
      const frames = Math.round(segment.seconds * CAMERA_FPS);
      for (let f = 0; f < frames; f++) {
        // A little sensor noise that changes every frame, as a real camera's does.
        const pixels = compose(symbol, { module: segment.code?.module ?? 1, noise: 3 }, 100 * s + f, CAMERA_WIDTH, CAMERA_HEIGHT);
        writeSync(file, 'FRAME\n');
        writeSync(file, i420(withMarker(pixels, segment.timed === true)));
      }
    }
  } finally {
    closeSync(file);
  }
}

export function fakeCameraArgs(videoPath: string): string[] {
  return ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${videoPath}`];
}

/**
 * The page's watcher, as plain JavaScript: a function would be serialised from its
 * compiled text, and tsx's compiled text calls helpers the page does not have.
 */
const WATCHER = `
(() => {
  const marker = ${MARKER};
  window.scanTimes = [];
  window.appearTimes = [];
  window.addEventListener('floor:scan', (event) => {
    const scan = event.detail;
    window.scanTimes.push({ text: scan.text, source: scan.source, at: scan.at });
  });
  const canvas = document.createElement('canvas');
  canvas.width = marker;
  canvas.height = marker;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  let shown = false;
  function watch(video) {
    function onFrame() {
      if (!video.isConnected) return;
      if (video.videoWidth > 0) {
        context.drawImage(video, 0, 0, marker, marker, 0, 0, marker, marker);
        const [r, g, b] = context.getImageData(marker / 2, marker / 2, 1, 1).data;
        const dark = r + g + b < 150;
        if (dark && !shown) window.appearTimes.push(performance.now());
        shown = dark;
      }
      video.requestVideoFrameCallback(onFrame);
    }
    video.requestVideoFrameCallback(onFrame);
  }
  // Looks for the viewfinder's video as it comes and goes.
  setInterval(() => {
    const video = document.querySelector('.viewfinder video');
    if (video && !video.dataset.watched) {
      video.dataset.watched = '1';
      watch(video);
    }
  }, 20);
})();
`;

/** Records, in the page, every scan event and each moment the timed code appears in the camera's video. */
export async function watchCamera(page: Page): Promise<void> {
  await page.addInitScript({ content: WATCHER });
}

/**
 * For each appearance of the timed code: milliseconds to the first camera scan of
 * `text` before the code appeared again, or null if none came (a missed appearance).
 */
export async function appearToScanTimes(page: Page, text: string): Promise<(number | null)[]> {
  return page.evaluate((expected) => {
    const w = window as unknown as { scanTimes: { text: string; source: string; at: number }[]; appearTimes: number[] };
    return w.appearTimes.map((appeared, i) => {
      const next = w.appearTimes[i + 1] ?? Infinity;
      const scan = w.scanTimes.find((s) => s.source === 'camera' && s.text === expected && s.at >= appeared && s.at < next);
      return scan ? scan.at - appeared : null;
    });
  }, text);
}

/**
 * Chromium's fake camera has no torch and no zoom (not even with the pan-tilt-zoom
 * permission granted), so the page's video tracks are given both, as a phone's back
 * camera has them: getCapabilities() offers them, applyConstraints() takes them and
 * records what it was asked (window.cameraAsked), the rest goes to the real track.
 */
const TORCH_AND_ZOOM = `
(() => {
  window.cameraAsked = [];
  const zoomOf = new WeakMap();
  const proto = MediaStreamTrack.prototype;
  const { getCapabilities, getSettings, applyConstraints } = proto;
  proto.getCapabilities = function () {
    const real = getCapabilities.call(this);
    return this.kind === 'video' ? { ...real, torch: true, zoom: { min: 1, max: 5, step: 0.1 } } : real;
  };
  proto.getSettings = function () {
    const real = getSettings.call(this);
    return this.kind === 'video' ? { ...real, zoom: zoomOf.get(this) ?? 1 } : real;
  };
  proto.applyConstraints = async function (constraints) {
    const rest = [];
    for (const set of (constraints && constraints.advanced) || []) {
      if ('torch' in set || 'zoom' in set) {
        window.cameraAsked.push(set);
        if ('zoom' in set) zoomOf.set(this, set.zoom);
      } else rest.push(set);
    }
    return applyConstraints.call(this, { ...constraints, advanced: rest });
  };
})();
`;

export async function fakeTorchAndZoom(page: Page): Promise<void> {
  await page.addInitScript({ content: TORCH_AND_ZOOM });
}

/** What the page asked of the torch and the zoom, in order. */
export async function cameraAsked(page: Page): Promise<Record<string, unknown>[]> {
  return page.evaluate(() => (window as unknown as { cameraAsked: Record<string, unknown>[] }).cameraAsked);
}
