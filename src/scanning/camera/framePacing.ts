/**
 * How fast the camera loop feeds the decoder, so a slow handheld reads fewer frames a
 * second instead of falling behind or keeping a core (and the battery) flat out.
 *
 * Invariants:
 * - One frame in flight: the next frame is taken only once the last one's read came
 *   back, so frames are never queued (cameraScanner.ts).
 * - A frame's cost is the time from taking it off the video (drawing it on the page)
 *   to its read arriving back from the worker. After a frame that cost `busy` ms the
 *   loop rests at least busy·(1−s)/s ms, so over any run of frames the path is busy at
 *   most the share s of the time, whatever each frame costs: 50 % here, leaving the
 *   other half to the page, the worker's start-up and the rest of the phone.
 * - Never more than one frame every `minIntervalMs` (20 a second): a fast phone gains
 *   nothing from more (two agreeing frames are 100 ms apart at that rate) but heat.
 */

export interface FramePacing {
  /** The share of time the decoding path may be busy, 0 < busyShare ≤ 1. */
  readonly busyShare: number;
  /** The least time from one frame's start to the next one's. */
  readonly minIntervalMs: number;
}

export const FRAME_PACING: FramePacing = { busyShare: 0.5, minIntervalMs: 50 };

/** When (same clock as the arguments) the next frame may be taken, for a frame taken at `startedAt` whose read came back at `finishedAt`. */
export function nextFrameDue(startedAt: number, finishedAt: number, pacing: FramePacing = FRAME_PACING): number {
  const busy = Math.max(0, finishedAt - startedAt);
  const rest = (busy * (1 - pacing.busyShare)) / pacing.busyShare;
  return Math.max(finishedAt + rest, startedAt + pacing.minIntervalMs);
}
