/**
 * What a worker hears, feels and sees after each scan: OK is a short high beep and
 * a short buzz; an error a low double tone, a long buzz and a red flash of the
 * screen; a deviation (a step that asks "are you sure?") a rising two-note chime, two
 * medium buzzes and an amber flash: not a success, not a refusal. Tones are made with Web Audio (no sound file to download or cache).
 */
import type { LookupResult } from '../../device/lookup';

export type Outcome = 'ok' | 'error' | 'deviation';

export interface FeedbackSettings {
  /** 0 (silent) to 1. */
  readonly volume: number;
  readonly vibration: boolean;
}

export const DEFAULT_FEEDBACK: FeedbackSettings = { volume: 0.6, vibration: true };

/** Find's rule: a product or bin found is OK; anything else is an error the worker must notice. */
export function outcomeOf(result: LookupResult): Outcome {
  return result.kind === 'product' || result.kind === 'bin' ? 'ok' : 'error';
}

const TONES: Record<Outcome, readonly { hz: number; ms: number }[]> = {
  ok: [{ hz: 1800, ms: 90 }],
  error: [
    { hz: 330, ms: 180 },
    { hz: 220, ms: 260 },
  ],
  deviation: [
    { hz: 660, ms: 140 },
    { hz: 990, ms: 220 },
  ],
};
const VIBRATION: Record<Outcome, number[]> = { ok: [60], error: [400, 100, 400], deviation: [150, 120, 150] };

let audio: AudioContext | null = null;

/**
 * Making the AudioContext costs a main-thread task of its own (about 50 ms on this
 * machine, 200 ms at 4x CPU): made on the first scan, it held that scan's screen. It is
 * made when the page is first idle after it loads. Before the person's first touch or key
 * the browser makes it suspended (and says so in the console); the first scan's feedback
 * resumes it, a hardware scanner's keys being a gesture as a touch is. A worker who only
 * scans after a reload no longer pays for it on the first scan.
 */
if (typeof window !== 'undefined' && typeof AudioContext !== 'undefined') {
  const makeAudio = () => {
    try {
      audio ??= new AudioContext();
    } catch {
      // No sound on this device: scans still vibrate and flash.
    }
  };
  const whenIdle = () => (typeof requestIdleCallback === 'function' ? requestIdleCallback(makeAudio, { timeout: 3000 }) : setTimeout(makeAudio, 500));
  if (document.readyState === 'complete') whenIdle();
  else window.addEventListener('load', whenIdle, { once: true });
}

function play(outcome: Outcome, volume: number): void {
  if (volume <= 0 || typeof AudioContext === 'undefined') return;
  audio ??= new AudioContext();
  if (audio.state === 'suspended') void audio.resume().catch(() => undefined);
  let at = audio.currentTime;
  for (const tone of TONES[outcome]) {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = outcome === 'error' ? 'square' : outcome === 'deviation' ? 'triangle' : 'sine';
    oscillator.frequency.value = tone.hz;
    gain.gain.value = volume * 0.3;
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(at);
    oscillator.stop(at + tone.ms / 1000);
    at += tone.ms / 1000 + 0.03;
  }
}

export function giveFeedback(outcome: Outcome, settings: FeedbackSettings = DEFAULT_FEEDBACK): void {
  try {
    play(outcome, settings.volume);
  } catch {
    // A browser that refuses audio before a user gesture still vibrates and flashes.
  }
  // Browsers refuse (and log) vibration before the person has touched the page once;
  // a hardware scanner's keys do not count as a touch, so ask only once it may work.
  const mayVibrate = (navigator as { userActivation?: { hasBeenActive: boolean } }).userActivation?.hasBeenActive ?? true;
  if (settings.vibration && mayVibrate && typeof navigator.vibrate === 'function') navigator.vibrate(VIBRATION[outcome]);
  if (outcome !== 'ok') flashScreen(outcome === 'error' ? 'flash-error' : 'flash-deviation');
}

const FLASH_MS = 700;
let flashEnds: ReturnType<typeof setTimeout> | undefined;
let flashStarts: number | undefined;

/**
 * The red or amber flash (a CSS animation on the body's class). Adding the class starts
 * it; a flash still showing starts again a frame later. Reading the layout to restart it
 * at once (offsetWidth) forced a layout of the whole screen inside the scan's task: 50-75
 * ms at 4x CPU on Find.
 */
function flashScreen(flash: 'flash-error' | 'flash-deviation'): void {
  const body = document.body;
  clearTimeout(flashEnds);
  // A third error before the restart's frame: one flash, not two starts with two ends.
  if (flashStarts !== undefined) cancelAnimationFrame(flashStarts);
  flashStarts = undefined;
  const showing = body.classList.contains(flash);
  body.classList.remove('flash-error', 'flash-deviation');
  const start = () => {
    body.classList.add(flash);
    flashEnds = setTimeout(() => body.classList.remove(flash), FLASH_MS);
  };
  if (showing) flashStarts = requestAnimationFrame(() => {
    flashStarts = undefined;
    start();
  });
  else start();
}
