/**
 * Scans from a playing video: takes each new frame the decoder is free for, reads it
 * in the worker, and announces a scan when frames agree (frameAgreement.ts).
 */
import { makeScan } from '../scan';
import { announceScan } from '../scanBus';
import { FrameAgreement } from './frameAgreement';
import type { FrameDecoder } from './frameDecoder';

type VideoWithFrameCallback = HTMLVideoElement & { requestVideoFrameCallback?: (callback: () => void) => number };

/** Starts reading frames; returns the function that stops. */
export function scanFromVideo(video: HTMLVideoElement, decoder: FrameDecoder, onError?: (error: Error) => void): () => void {
  const agreement = new FrameAgreement();
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  let stopped = false;

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
    if (canvas.width !== width || canvas.height !== height) Object.assign(canvas, { width, height });
    context.drawImage(video, 0, 0, width, height);
    const frame = context.getImageData(0, 0, width, height);
    const seenAt = performance.now();
    try {
      const read = await decoder.decode(frame);
      if (stopped) return;
      const accepted = agreement.offer(read, seenAt);
      if (accepted) announceScan(makeScan(accepted.text, accepted.symbology, 'camera', performance.now()));
    } catch (error) {
      if (stopped) return;
      onError?.(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    next();
  };

  if (context === null) onError?.(new Error('This browser cannot read camera frames (no 2D canvas).'));
  else next();
  return () => {
    stopped = true;
  };
}
