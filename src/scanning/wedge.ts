/**
 * Hardware scanners in keyboard-wedge mode "type" the code into the page, far
 * faster than a person, and end it with Enter or Tab. This detector tells the two
 * apart from key timings alone, with no DOM: the adapter feeds it keys and time,
 * and it says which keys to hold back, which to give back to the page, and when a
 * scan is complete.
 *
 * Invariants:
 * - A key is held back while it may be the start of a burst, so a scan never leaks
 *   into a text field. Keys held back and then found to be typing are released in
 *   their order, at most `maxGapMs` after they were pressed.
 * - A burst is a scan only if it ends with a terminator, has at least `minLength`
 *   characters, and no gap in it exceeds `maxGapMs`.
 * - The same text scanned again within `repeatWindowMs` is one scan (scanners that
 *   send twice); whether a deliberate re-scan counts is the flow's business.
 * - The configured prefix and suffix are removed; AIM symbology identifiers tell the
 *   symbology. GS1 strings keep their AIM prefix, so the GS1 parser knows FNC1 led them.
 */
import { AIM_SYMBOLOGIES, GS1_AIM_IDENTIFIERS, type ScanSymbology } from './scan';

export interface WedgeSettings {
  /** Longest gap between two keys of one scan. Scanners send a key every 1–20 ms; people rarely type faster than every 50 ms. */
  readonly maxGapMs: number;
  readonly minLength: number;
  readonly terminators: readonly string[];
  /** Text the scanner is set to send before / after each code. */
  readonly prefix: string;
  readonly suffix: string;
  /** A printable character the scanner is set to send for GS (FNC1), e.g. `~`; null when it sends the control character. */
  readonly gsSubstitute: string | null;
  readonly repeatWindowMs: number;
}

export const DEFAULT_WEDGE_SETTINGS: WedgeSettings = {
  maxGapMs: 35,
  minLength: 4,
  terminators: ['Enter', 'Tab'],
  prefix: '',
  suffix: '',
  gsSubstitute: null,
  repeatWindowMs: 150,
};

export interface WedgeScan {
  /** The code as the rest of the app reads it (GS as U+001D; GS1 strings keep their AIM prefix). */
  readonly text: string;
  readonly symbology: ScanSymbology;
  /** Exactly what arrived, for the scanner test screen. */
  readonly raw: string;
  readonly at: number;
}

export interface WedgeKey {
  /** KeyboardEvent.key */
  readonly key: string;
  readonly ctrlKey?: boolean;
  readonly time: number;
}

export interface WedgeDecision {
  /** Hold this key back from the page (it may be part of a scan). */
  readonly hold: boolean;
  /** Keys held earlier that turned out to be typing: give them back, in order. */
  readonly release: readonly string[];
  readonly scan: WedgeScan | null;
}

const GS = '\u001d';

/** One character a key stands for, or null for keys that are not text (Shift, arrows…). */
function characterOf(key: WedgeKey): string | null {
  if (key.key === GS || (key.ctrlKey === true && (key.key === ']' || key.key === '5'))) return GS;
  return key.key.length === 1 ? key.key : null;
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

export class WedgeDetector {
  private held: { char: string; time: number }[] = [];
  private lastScan: WedgeScan | null = null;

  constructor(private readonly settings: WedgeSettings = DEFAULT_WEDGE_SETTINGS) {}

  /** Keys the detector holds now. */
  get holding(): number {
    return this.held.length;
  }

  /** Called when time passes with no key: releases held keys whose burst has gone quiet. */
  tick(now: number): readonly string[] {
    const last = this.held.at(-1);
    if (last && now - last.time > this.settings.maxGapMs) return this.releaseAll();
    return [];
  }

  keydown(key: WedgeKey): WedgeDecision {
    const quiet = this.tick(key.time);
    if (this.settings.terminators.includes(key.key)) {
      if (this.held.length >= this.settings.minLength) {
        const raw = this.held.map((h) => h.char).join('');
        this.held = [];
        const scan = cleanScan(raw, this.settings, key.time);
        const repeat = this.lastScan !== null && this.lastScan.text === scan.text && key.time - this.lastScan.at <= this.settings.repeatWindowMs;
        this.lastScan = scan;
        return { hold: true, release: quiet, scan: repeat ? null : scan };
      }
      return { hold: false, release: [...quiet, ...this.releaseAll()], scan: null };
    }
    const char = characterOf(key);
    if (char === null) return { hold: false, release: quiet, scan: null };
    this.held.push({ char, time: key.time });
    return { hold: true, release: quiet, scan: null };
  }

  private releaseAll(): string[] {
    const released = this.held.map((h) => h.char);
    this.held = [];
    return released;
  }
}
