/**
 * This device's preferences: how its scanner is set up and how loud feedback is.
 * Kept in localStorage (read synchronously at start, before the first key), and
 * checked on reading so a damaged value falls back to the defaults.
 */
import { DEFAULT_WEDGE_SETTINGS, type WedgeSettings } from '../scanning/wedge';
import { DEFAULT_FEEDBACK, type FeedbackSettings } from './feedback/scanFeedback';

export interface Preferences {
  readonly scanner: Pick<WedgeSettings, 'prefix' | 'suffix' | 'gsSubstitute'>;
  readonly feedback: FeedbackSettings;
  /** The camera the person chose on this device; null: the back camera. */
  readonly cameraId: string | null;
}

const KEY = 'handheld.preferences';

export const DEFAULT_PREFERENCES: Preferences = {
  scanner: { prefix: '', suffix: '', gsSubstitute: null },
  feedback: DEFAULT_FEEDBACK,
  cameraId: null,
};

/** Read once, then kept: feedback asks for them on every scan. */
let cached: Preferences | null = null;

export function readPreferences(): Preferences {
  cached ??= readStored();
  return cached;
}

function readStored(): Preferences {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<Preferences> | null;
    const scanner = { ...DEFAULT_PREFERENCES.scanner, ...stored?.scanner };
    const feedback = { ...DEFAULT_PREFERENCES.feedback, ...stored?.feedback };
    const valid =
      typeof scanner.prefix === 'string' && typeof scanner.suffix === 'string' && (scanner.gsSubstitute === null || typeof scanner.gsSubstitute === 'string') &&
      typeof feedback.volume === 'number' && feedback.volume >= 0 && feedback.volume <= 1 && typeof feedback.vibration === 'boolean';
    const cameraId = typeof stored?.cameraId === 'string' ? stored.cameraId : null;
    return valid ? { scanner, feedback, cameraId } : DEFAULT_PREFERENCES;
  } catch {
    return DEFAULT_PREFERENCES;
  }
}

export function writePreferences(preferences: Preferences): void {
  localStorage.setItem(KEY, JSON.stringify(preferences));
  cached = preferences;
}

export function wedgeSettingsOf(preferences: Preferences): WedgeSettings {
  return { ...DEFAULT_WEDGE_SETTINGS, ...preferences.scanner, gsSubstitute: preferences.scanner.gsSubstitute || null };
}
