/**
 * The second tap of a double tap lands where the first one was. When the first tap
 * changes what the control under the thumb does (Confirm quantity becomes Finish list,
 * Finish list becomes Next pick list, Take this task opens the list's first step), that
 * second tap must not press the new control.
 *
 * Rule: a guarded control ignores a tap when the tap before it (anywhere on the page)
 * was less than DOUBLE_TAP_MS earlier, within a thumb's width of this one, and before
 * the control's meaning last changed: the two taps are one gesture that began on the
 * old control. A tap after the control changed by itself (a scan, a sync), after a
 * pause or elsewhere on the screen is taken; so is a key press (no pointer). Two taps
 * with a scan, a key or typing between them are not one gesture, however quick: the
 * worker did something else in between (the quick hand of a trained picker, or a test
 * driving the screen, taps Confirm lot, types the quantity, scans the bin and taps
 * Yes, save it well within a double tap's time). useTaskFlow's own rules (one step
 * per gesture, taps queued one at a time) still apply on top.
 */
import { useCallback, useLayoutEffect, useRef, type MouseEvent } from 'react';
import { DOUBLE_TAP_MS } from './useTaskFlow';

/** Two taps closer than this (CSS pixels) are on the same spot: a thumb's width. */
export const SAME_SPOT_PX = 48;

export interface Tap {
  readonly at: number;
  readonly x: number;
  readonly y: number;
}

const NO_TAP: Tap = { at: -Infinity, x: NaN, y: NaN };

export interface Taps {
  /** The tap before the last one, or NO_TAP when something other than a tap came between them. */
  readonly previous: Tap;
  readonly last: Tap;
}

export const NO_TAPS: Taps = { previous: NO_TAP, last: NO_TAP };

/** What the page remembers after a pointer tap, or after any other input (`'other'`): a scan, a key, typing. */
export function afterInput(taps: Taps, input: Tap | 'other'): Taps {
  return input === 'other' ? NO_TAPS : { previous: taps.last, last: input };
}

/** The last two pointer taps on the page, seen before any control handles them. */
let taps: Taps = NO_TAPS;
if (typeof document !== 'undefined') {
  document.addEventListener(
    'click',
    (event) => {
      // detail 0: a click made by a key (Enter, Space) or a script, not a pointer.
      if (event.detail === 0) return;
      taps = afterInput(taps, { at: performance.now(), x: event.clientX, y: event.clientY });
    },
    { capture: true },
  );
  const other = (event: Event) => {
    // A tap on a check box fires its own input event: that is the tap, not something between two.
    const target = event.target;
    if (event.type === 'input' && target instanceof HTMLInputElement && (target.type === 'checkbox' || target.type === 'radio')) return;
    taps = afterInput(taps, 'other');
  };
  for (const type of ['keydown', 'input']) document.addEventListener(type, other, { capture: true });
  window.addEventListener('floor:scan', other); // a camera or typed scan as well as a wedge's keys
}

/** Whether `tap` is the second of a double tap whose first tap (`previous`) came before the control changed. */
export function secondTapOfChange(changedAt: number, previous: Tap, tap: Tap): boolean {
  return changedAt > previous.at && tap.at - previous.at < DOUBLE_TAP_MS && Math.hypot(tap.x - previous.x, tap.y - previous.y) < SAME_SPOT_PX;
}

/**
 * A tap handler that does nothing for the second tap of a double tap that began before
 * `meaning` changed (or the control appeared). The change is timed in a layout effect:
 * after the DOM shows the new meaning, before the browser can deliver a tap on it.
 */
export function useFreshTap(meaning: string, action: () => void): (event: MouseEvent) => void {
  const changedAt = useRef(-Infinity);
  const live = useRef(action);
  useLayoutEffect(() => {
    live.current = action;
  });
  useLayoutEffect(() => {
    changedAt.current = performance.now();
  }, [meaning]);
  return useCallback((event: MouseEvent) => {
    if (event.detail !== 0 && secondTapOfChange(changedAt.current, taps.previous, { at: performance.now(), x: event.clientX, y: event.clientY })) return;
    live.current();
  }, []);
}
