/**
 * Hardware scanners in keyboard-wedge mode "type" the code into the page, far
 * faster than a person, and end it with Enter or Tab. This detector tells the two
 * apart from key timings alone, with no DOM: the adapter (wedgeListener.ts) feeds it
 * keys and time, and it says which keys to hold back, which to give back to the page,
 * when a scan is complete, and when a scanner's burst broke off.
 *
 * Timing: a scanner sends a key every 1–20 ms; a person's keys come ≥ 30 ms apart
 * (≥ 50 ms usually), except a pair or three rolled quickly (double letters). So:
 * - A *run* is keys each at most `maxGapMs` after the one before. A run of at least
 *   `minLength` characters is a *burst*: a scanner's, as no person types that fast.
 * - A burst ending in a terminator (Enter/Tab) at most `maxGapMs` after its last
 *   character is a scan.
 * - A burst followed by a pause longer than `maxGapMs` is *broken*. What follows within
 *   `brokenWindowMs` of the previous key (more characters, the terminator) is its rest.
 *   It ends with its terminator, with any other key, or with `brokenWindowMs` of
 *   silence, and is then one broken scan: an error showing the characters received.
 * - Gaps are read from the keys' own times (when they were pressed), never from when
 *   the detector hears the clock: a burst that reaches a busy page late is still whole.
 *
 * Invariants:
 * - Nothing of a burst reaches the page: its characters stay held, and its terminator
 *   is held (so it never presses a focused button, submits a form or moves focus),
 *   whether the burst was whole or broken. A burst gives exactly one answer: a scan,
 *   a broken scan, or nothing for a scanner's immediate repeat.
 * - A run shorter than `minLength` is typing: its keys are released in their order
 *   before any later key acts (a key after a pause, a non-character key, a terminator)
 *   and at most `maxGapMs` after its last key, so a person's key is held at most
 *   `minLength × maxGapMs`, and never lost.
 * - Keys that are not text (Shift for capitals, Control…) do not count in the timing;
 *   other keys (Backspace, arrows, Escape, a key held down and repeating, a shortcut
 *   with Control) act after what was typed before them, never overtaking it.
 * - The same text scanned again within `repeatWindowMs` is one scan (scanners that
 *   send twice); whether a deliberate re-scan counts is the flow's business.
 * - The configured prefix and suffix are removed; AIM symbology identifiers tell the
 *   symbology. GS1 strings keep their AIM prefix, so the GS1 parser knows FNC1 led them.
 */
import { AIM_SYMBOLOGIES, GS1_AIM_IDENTIFIERS, type ScanSymbology } from './symbologies';

export interface WedgeSettings {
  /**
   * Longest gap between two keys of one scan. Scanners send a key every 1–20 ms; a
   * person rarely types faster than every 50 ms, and a fast typist's 30 ms must stay
   * typing, so the line sits between.
   */
  readonly maxGapMs: number;
  /** Characters at scanner speed that make a burst: fewer is typing (a quick double letter). */
  readonly minLength: number;
  readonly terminators: readonly string[];
  /** Text the scanner is set to send before / after each code. */
  readonly prefix: string;
  readonly suffix: string;
  /** A printable character the scanner is set to send for GS (FNC1), e.g. `~`; null when it sends the control character. */
  readonly gsSubstitute: string | null;
  readonly repeatWindowMs: number;
  /** After a burst pauses, how long (from its last key) more of it or its terminator still belongs to it. */
  readonly brokenWindowMs: number;
}

export const DEFAULT_WEDGE_SETTINGS: WedgeSettings = {
  maxGapMs: 25,
  minLength: 4,
  terminators: ['Enter', 'Tab'],
  prefix: '',
  suffix: '',
  gsSubstitute: null,
  repeatWindowMs: 150,
  brokenWindowMs: 300,
};

export interface WedgeScan {
  /** The code as the rest of the app reads it (GS as U+001D; GS1 strings keep their AIM prefix). */
  readonly text: string;
  readonly symbology: ScanSymbology;
  /** Exactly what arrived, for the scanner test screen. */
  readonly raw: string;
  readonly at: number;
  /** True for a burst that broke off: `raw` is what arrived, and nothing is to be read from it. */
  readonly broken?: true;
}

export interface WedgeKey {
  /** KeyboardEvent.key ('' when the browser gave none, as some autofill does). */
  readonly key: string;
  readonly ctrlKey?: boolean;
  /** KeyboardEvent.repeat: a key held down. */
  readonly repeat?: boolean;
  readonly time: number;
}

export interface WedgeDecision {
  /** Hold this key back from the page (it may be part of a scan). */
  readonly hold: boolean;
  /** Keys held earlier that turned out to be typing: give them back, in order. */
  readonly release: readonly string[];
  readonly scan: WedgeScan | null;
  /** A burst that broke off (ended by this key or by the silence before it): one scan error. */
  readonly broken: BrokenBurst | null;
}

const GS = '\u001d';

/** One character a key stands for, or null for keys that are not text (arrows, Backspace, Control+V…). */
function characterOf(key: WedgeKey): string | null {
  if (key.key === GS || (key.ctrlKey === true && (key.key === ']' || key.key === '5'))) return GS;
  if (key.ctrlKey === true) return null;
  return [...key.key].length === 1 ? key.key : null;
}

export function cleanScan(raw: string, settings: WedgeSettings, at: number): WedgeScan {
  let text = raw;
  if (settings.prefix && text.startsWith(settings.prefix)) text = text.slice(settings.prefix.length);
  if (settings.suffix && text.endsWith(settings.suffix)) text = text.slice(0, -settings.suffix.length);
  if (settings.gsSubstitute) text = text.split(settings.gsSubstitute).join(GS);
  let symbology: ScanSymbology = 'unknown';
  const aim = text.slice(0, 3);
  if (/^\][A-Za-z][0-9A-Za-z]$/.test(aim)) {
    symbology = AIM_SYMBOLOGIES[aim] ?? 'unknown';
    if (aim === ']E0' && /^\d{12}$/.test(text.slice(3))) symbology = 'upc-a';
    if (!GS1_AIM_IDENTIFIERS.has(aim)) text = text.slice(3);
  }
  return { text, symbology, raw, at };
}

/** A scanner's burst that broke off: what arrived, for the error the worker sees. */
export interface BrokenBurst {
  readonly received: string;
  readonly at: number;
}

/** What a moment of silence decided. */
export interface WedgeSilence {
  /** Keys held earlier that turned out to be typing: give them back, in order. */
  readonly release: readonly string[];
  readonly broken: BrokenBurst | null;
}

/** Keys that only change the next key (Shift for a capital letter…): they neither hold, release nor time anything. */
const MODIFIERS: ReadonlySet<string> = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock', 'ScrollLock', 'Fn', 'FnLock', 'Hyper', 'Super', 'Symbol', 'SymbolLock', 'OS']);

const NOTHING: WedgeSilence = { release: [], broken: null };

export class WedgeDetector {
  private held: { char: string; time: number }[] = [];
  /** A burst is held and a gap longer than `maxGapMs` came inside it: it broke off. */
  private paused = false;
  private lastScan: WedgeScan | null = null;

  constructor(private readonly settings: WedgeSettings = DEFAULT_WEDGE_SETTINGS) {}

  /** Keys the detector holds now. */
  get holding(): number {
    return this.held.length;
  }

  /** When the detector must hear the time again (tick) if no key comes first; null when it holds nothing. */
  get deadline(): number | null {
    const last = this.held.at(-1);
    if (!last) return null;
    return last.time + (this.isBurst() ? this.settings.brokenWindowMs : this.settings.maxGapMs);
  }

  /**
   * Called when time passes with no key: gives back typing that has gone quiet, and
   * ends a burst after its window as a broken scan. Silence alone never calls a burst
   * broken while its keys may still come: only the keys' own times say whether it paused.
   */
  tick(now: number): WedgeSilence {
    const last = this.held.at(-1);
    if (!last) return NOTHING;
    const quiet = now - last.time;
    if (!this.isBurst()) return quiet > this.settings.maxGapMs ? { release: this.releaseAll(), broken: null } : NOTHING;
    return quiet > this.settings.brokenWindowMs ? { release: [], broken: this.endBroken(now) } : NOTHING;
  }

  keydown(key: WedgeKey): WedgeDecision {
    if (MODIFIERS.has(key.key)) return { hold: false, ...NOTHING, scan: null };
    const before = this.tick(key.time);
    const last = this.held.at(-1);
    if (last && this.isBurst() && key.time - last.time > this.settings.maxGapMs) this.paused = true;
    const decided = this.decide(key);
    return { ...decided, release: [...before.release, ...decided.release], broken: before.broken ?? decided.broken };
  }

  /** Ends what is held as if a key that is not text came: typing is released, a burst is a broken scan. */
  interrupt(time: number): WedgeSilence {
    const before = this.tick(time);
    if (this.isBurst()) return { release: before.release, broken: this.endBroken(time) };
    return { release: [...before.release, ...this.releaseAll()], broken: before.broken };
  }

  private decide(key: WedgeKey): WedgeDecision {
    if (this.settings.terminators.includes(key.key) && key.repeat !== true) {
      if (!this.isBurst()) return { hold: false, release: this.releaseAll(), scan: null, broken: null };
      if (this.paused) return { hold: true, release: [], scan: null, broken: this.endBroken(key.time) };
      const raw = this.held.map((h) => h.char).join('');
      this.held = [];
      const scan = cleanScan(raw, this.settings, key.time);
      const repeat = this.lastScan !== null && this.lastScan.text === scan.text && key.time - this.lastScan.at <= this.settings.repeatWindowMs;
      this.lastScan = scan;
      return { hold: true, release: [], scan: repeat ? null : scan, broken: null };
    }
    const char = characterOf(key);
    // A key held down repeats: a person's. Any other key that is not text ends what is held.
    if (char === null || key.repeat === true) return { hold: false, ...this.interrupt(key.time), scan: null };
    this.held.push({ char, time: key.time });
    return { hold: true, release: [], scan: null, broken: null };
  }

  /** At least `minLength` characters held: they came at scanner speed, as typing is released at its first pause. */
  private isBurst(): boolean {
    return this.held.length >= this.settings.minLength;
  }

  private endBroken(at: number): BrokenBurst {
    const received = this.held.map((h) => h.char).join('');
    this.held = [];
    this.paused = false;
    return { received, at };
  }

  private releaseAll(): string[] {
    const released = this.held.map((h) => h.char);
    this.held = [];
    this.paused = false;
    return released;
  }
}
