/**
 * Scans from a playing video: once the decoder is ready, takes a new frame, reads it
 * in the worker, and announces a scan when frames agree (frameAgreement.ts). One frame
 * is in flight at a time, and the next is taken only when framePacing.ts says the
 * decoder has rested long enough, so a slow device reads fewer frames a second rather
 * than queueing them or keeping a core busy.
 */
import { makeScan } from '../scan';
import { announceScan } from '../scanBus';
import { FrameAgreement } from './frameAgreement';
import type { FrameDecoder } from './frameDecoder';
import { nextFrameDue } from './framePacing';

type VideoWithFrameCallback = HTMLVideoElement & { requestVideoFrameCallback?: (callback: () => void) => number };

/** Starts reading frames; returns the function that stops. */
export function scanFromVideo(video: HTMLVideoElement, decoder: FrameDecoder, onError?: (error: Error) => void): () => void {
  const agreement = new FrameAgreement();
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  let stopped = false;
  let rest: ReturnType<typeof setTimeout> | undefined;

  const next = () => {
    if (stopped) return;
    const v = video as VideoWithFrameCallback;
    // A new video frame when the browser can tell us; else the next paint.
    if (v.requestVideoFrameCallback) v.requestVideoFrameCallback(() => void readOne());
    else requestAnimationFrame(() => void readOne());
  };

  const readOne = async () => {
    if (stopped || context === null) return;
    const { videoWidth: width, videoHeight: height } = video;
    if (width === 0 || height === 0) return next();
    const startedAt = performance.now();
    if (canvas.width !== width || canvas.height !== height) Object.assign(canvas, { width, height });
    context.drawImage(video, 0, 0, width, height);
    const frame = context.getImageData(0, 0, width, height);
    try {
      const read = await decoder.decode(frame);
      if (stopped) return;
      const accepted = agreement.offer(read, startedAt);
      if (accepted) announceScan(makeScan(accepted.text, accepted.symbology, 'camera', performance.now()));
    } catch (error) {
      if (stopped) return;
      onError?.(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    const finishedAt = performance.now();
    const wait = nextFrameDue(startedAt, finishedAt) - finishedAt;
    if (wait <= 0) next();
    else rest = setTimeout(next, wait);
  };

  if (context === null) onError?.(new Error('This browser cannot read camera frames (no 2D canvas).'));
  else {
    // Frames wait for the engine: the first one would otherwise carry the engine's
    // start-up (the .wasm compiled) as its cost, and the pacing would rest as long.
    decoder.ready.then(next, () => undefined);
  }
  return () => {
    stopped = true;
    clearTimeout(rest);
  };
}
