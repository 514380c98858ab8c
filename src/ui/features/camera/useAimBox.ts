/**
 * Where the aim box falls on the viewfinder: the decoder's aim region (fractions of
 * the frame) mapped through the video's `object-fit: cover`, recomputed when the frame
 * size changes (the phone turned) or the viewfinder is resized.
 */
import { useEffect, useState, type RefObject } from 'react';
import { AIM_REGION, aimBoxOnScreen, type FrameRegion } from '../../../scanning/camera/aimRegion';

export interface AimBox {
  /** Fractions of the viewfinder. */
  readonly box: FrameRegion;
  /** The frame's shape, for the viewfinder to take ("1280 / 720"), once known. */
  readonly aspectRatio: string | undefined;
}

export function useAimBox(video: RefObject<HTMLVideoElement | null>): AimBox {
  const [aim, setAim] = useState<AimBox>({ box: AIM_REGION, aspectRatio: undefined });
  useEffect(() => {
    const element = video.current;
    if (element === null) return undefined;
    const update = () => {
      const frame = { width: element.videoWidth, height: element.videoHeight };
      if (frame.width === 0 || frame.height === 0) return;
      const box = aimBoxOnScreen(frame, { width: element.clientWidth, height: element.clientHeight });
      const aspectRatio = `${frame.width} / ${frame.height}`;
      setAim((previous) => (sameRegion(previous.box, box) && previous.aspectRatio === aspectRatio ? previous : { box, aspectRatio }));
    };
    element.addEventListener('loadedmetadata', update);
    element.addEventListener('resize', update);
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(update) : null;
    observer?.observe(element);
    update();
    return () => {
      element.removeEventListener('loadedmetadata', update);
      element.removeEventListener('resize', update);
      observer?.disconnect();
    };
  }, [video]);
  return aim;
}

const sameRegion = (a: FrameRegion, b: FrameRegion) => Math.abs(a.left - b.left) + Math.abs(a.top - b.top) + Math.abs(a.width - b.width) + Math.abs(a.height - b.height) < 1e-4;

/** The box as CSS for an absolutely placed element. */
export function aimBoxStyle(box: FrameRegion): { left: string; top: string; width: string; height: string } {
  const percent = (v: number) => `${(v * 100).toFixed(2)}%`;
  return { left: percent(box.left), top: percent(box.top), width: percent(box.width), height: percent(box.height) };
}
