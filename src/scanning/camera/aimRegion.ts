/**
 * The aim box: where the worker is asked to hold the code, as fractions of the camera
 * frame exactly as the decoder receives it (videoWidth x videoHeight, before any
 * cropping the screen does). One definition for both sides: the viewfinder draws it
 * (aimBoxOnScreen) and the decoder may search it first (aimRegionInPixels), so what
 * the worker sees framed is what is read first.
 *
 * A wide band across the middle: a 1D code held level at arm's length fills most of
 * it; a QR or DataMatrix bin label fits inside its height in either orientation.
 */

/** A rectangle as fractions (0–1) of a frame's width and height, from its top-left corner. */
export interface FrameRegion {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export const AIM_REGION: FrameRegion = { left: 0.1, top: 0.25, width: 0.8, height: 0.5 };

/** The region in whole pixels of a frame of this size, never outside it and never empty. */
export function aimRegionInPixels(width: number, height: number, region: FrameRegion = AIM_REGION): { x: number; y: number; width: number; height: number } {
  const x = Math.min(width - 1, Math.max(0, Math.floor(region.left * width)));
  const y = Math.min(height - 1, Math.max(0, Math.floor(region.top * height)));
  const right = Math.max(x + 1, Math.min(width, Math.ceil((region.left + region.width) * width)));
  const bottom = Math.max(y + 1, Math.min(height, Math.ceil((region.top + region.height) * height)));
  return { x, y, width: right - x, height: bottom - y };
}

/**
 * Where the region falls on a video element that shows the frame with
 * `object-fit: cover` (scaled to fill, centred, the overflow cut off): fractions of
 * the element, clipped to what is visible.
 */
export function aimBoxOnScreen(frame: { width: number; height: number }, element: { width: number; height: number }, region: FrameRegion = AIM_REGION): FrameRegion {
  if (frame.width <= 0 || frame.height <= 0 || element.width <= 0 || element.height <= 0) return region;
  const scale = Math.max(element.width / frame.width, element.height / frame.height);
  const shownWidth = frame.width * scale;
  const shownHeight = frame.height * scale;
  const offsetX = (element.width - shownWidth) / 2;
  const offsetY = (element.height - shownHeight) / 2;
  const clip = (v: number) => Math.min(1, Math.max(0, v));
  const left = clip((offsetX + region.left * shownWidth) / element.width);
  const right = clip((offsetX + (region.left + region.width) * shownWidth) / element.width);
  const top = clip((offsetY + region.top * shownHeight) / element.height);
  const bottom = clip((offsetY + (region.top + region.height) * shownHeight) / element.height);
  return { left, top, width: right - left, height: bottom - top };
}
