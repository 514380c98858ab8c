/**
 * What a warehouse decides for its floor, set by its supervisors and sent to every
 * device with the warehouse's data: whether counts are blind, how far off a count may
 * be before the device asks for a recount on the spot, the per-step quantity limit,
 * and the time zone whose calendar says which day it is on the floor (floorDate.ts).
 *
 * A change is checked here, for the console (before it sends) and the server (which
 * decides) alike: each setting within its range, or a reason a person can act on.
 */
import { DEFAULT_VARIANCE_THRESHOLD, type VarianceThreshold } from './variance';
import { knownTimeZone } from './floorDate';
import { MAX_STEP_QTY } from './quantityLimits';

export interface WarehouseSettings {
  /** True: the counter does not see the quantity the device expects (the default). */
  readonly blindCount: boolean;
  readonly recountThreshold: VarianceThreshold;
  /**
   * Units in one step (a pick, a putaway, a typed count) above which the device asks
   * "are you sure?" and records the step as a deviation: a slip of the thumb (99,999
   * for 9) is caught on the floor, a real big quantity goes through once confirmed.
   */
  readonly stepLimit: number;
  /** The warehouse's IANA time zone: "today" and "expired" on its floor are dates there. */
  readonly timeZone: string;
}

export const DEFAULT_STEP_LIMIT = 1000;
export const DEFAULT_TIME_ZONE = 'UTC';

export const DEFAULT_WAREHOUSE_SETTINGS: WarehouseSettings = { blindCount: true, recountThreshold: DEFAULT_VARIANCE_THRESHOLD, stepLimit: DEFAULT_STEP_LIMIT, timeZone: DEFAULT_TIME_ZONE };

/** The settings one by one, as a supervisor changes them and the audit records them. */
export interface FlatSettings {
  readonly blindCount: boolean;
  readonly recountUnits: number;
  readonly recountPercent: number;
  readonly stepLimit: number;
  readonly timeZone: string;
}
export type SettingName = keyof FlatSettings;
export const SETTING_NAMES: readonly SettingName[] = ['blindCount', 'recountUnits', 'recountPercent', 'stepLimit', 'timeZone'];

/** Some settings to change, each as sent (the check below says whether it may be). */
export type SettingsChange = { readonly [K in SettingName]?: unknown };

export const SETTING_LIMITS = {
  recountUnits: { min: 0, max: 1_000_000 },
  recountPercent: { min: 0, max: 100 },
  stepLimit: { min: 1, max: MAX_STEP_QTY },
} as const;

export type SettingProblem =
  | { readonly setting: 'recountUnits' | 'stepLimit'; readonly code: 'whole-number'; readonly min: number; readonly max: number; readonly given: string }
  | { readonly setting: 'recountPercent'; readonly code: 'number'; readonly min: number; readonly max: number; readonly given: string }
  | { readonly setting: 'timeZone'; readonly code: 'time-zone'; readonly given: string }
  | { readonly setting: 'blindCount'; readonly code: 'yes-or-no'; readonly given: string };

export const flatSettings = (s: WarehouseSettings): FlatSettings => ({ blindCount: s.blindCount, recountUnits: s.recountThreshold.units, recountPercent: s.recountThreshold.percent, stepLimit: s.stepLimit, timeZone: s.timeZone });

const given = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value) ?? String(value)).slice(0, 80);

/**
 * The settings after `change`, or every problem with it (nothing applies unless all is
 * well). A percent keeps two decimals, as the server stores it; a zone its known spelling.
 */
export function checkSettingsChange(current: WarehouseSettings, change: SettingsChange): { readonly settings: WarehouseSettings; readonly problems: readonly [] } | { readonly settings: null; readonly problems: readonly SettingProblem[] } {
  const problems: SettingProblem[] = [];
  const next: { -readonly [K in SettingName]: FlatSettings[K] } = { ...flatSettings(current) };
  const whole = (setting: 'recountUnits' | 'stepLimit', value: unknown) => {
    const { min, max } = SETTING_LIMITS[setting];
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) next[setting] = value;
    else problems.push({ setting, code: 'whole-number', min, max, given: given(value) });
  };
  if (change.blindCount !== undefined) {
    if (typeof change.blindCount === 'boolean') next.blindCount = change.blindCount;
    else problems.push({ setting: 'blindCount', code: 'yes-or-no', given: given(change.blindCount) });
  }
  if (change.recountUnits !== undefined) whole('recountUnits', change.recountUnits);
  if (change.recountPercent !== undefined) {
    const { min, max } = SETTING_LIMITS.recountPercent;
    const value = change.recountPercent;
    if (typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max) next.recountPercent = Math.round(value * 100) / 100;
    else problems.push({ setting: 'recountPercent', code: 'number', min, max, given: given(value) });
  }
  if (change.stepLimit !== undefined) whole('stepLimit', change.stepLimit);
  if (change.timeZone !== undefined) {
    const zone = typeof change.timeZone === 'string' ? knownTimeZone(change.timeZone.trim()) : null;
    if (zone !== null) next.timeZone = zone;
    else problems.push({ setting: 'timeZone', code: 'time-zone', given: given(change.timeZone) });
  }
  if (problems.length > 0) return { settings: null, problems };
  return { settings: { blindCount: next.blindCount, recountThreshold: { units: next.recountUnits, percent: next.recountPercent }, stepLimit: next.stepLimit, timeZone: next.timeZone }, problems: [] };
}

/** What differs between two states of the settings, setting by setting, before and after. */
export function settingsDifferences(before: WarehouseSettings, after: WarehouseSettings): Partial<Record<SettingName, { from: FlatSettings[SettingName]; to: FlatSettings[SettingName] }>> {
  const [a, b] = [flatSettings(before), flatSettings(after)];
  return Object.fromEntries(SETTING_NAMES.filter((name) => a[name] !== b[name]).map((name) => [name, { from: a[name], to: b[name] }]));
}

const SETTING_WORDS: Readonly<Record<SettingName, string>> = {
  blindCount: 'Blind counting',
  recountUnits: 'Recount threshold (units)',
  recountPercent: 'Recount threshold (percent)',
  stepLimit: 'Per-step quantity limit',
  timeZone: 'Time zone',
};

/** A problem in English (the server's answer; the console words it in the person's language). */
export function settingProblemInEnglish(p: SettingProblem): string {
  const what = SETTING_WORDS[p.setting];
  switch (p.code) {
    case 'whole-number':
      return `${what}: "${p.given}" is not a whole number from ${p.min.toLocaleString('en')} to ${p.max.toLocaleString('en')}.`;
    case 'number':
      return `${what}: "${p.given}" is not a number from ${p.min} to ${p.max}.`;
    case 'time-zone':
      return `${what}: "${p.given}" is not a time zone this server knows. Give an IANA name such as Asia/Shanghai, Europe/Berlin or UTC.`;
    case 'yes-or-no':
      return `${what}: "${p.given}" is neither on nor off.`;
  }
}
