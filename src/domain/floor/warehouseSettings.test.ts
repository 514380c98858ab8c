import { describe, expect, it } from 'vitest';
import { checkSettingsChange, DEFAULT_WAREHOUSE_SETTINGS, settingProblemInEnglish, settingsDifferences } from './warehouseSettings';

const current = DEFAULT_WAREHOUSE_SETTINGS;

describe('a change to the warehouse’s settings', () => {
  it('applies what is within range, a zone with its known spelling, a percent to two decimals', () => {
    const { settings } = checkSettingsChange(current, { blindCount: false, recountUnits: 0, recountPercent: 12.345, stepLimit: 1_000_000, timeZone: ' asia/shanghai ' });
    expect(settings).toEqual({ blindCount: false, recountThreshold: { units: 0, percent: 12.35 }, stepLimit: 1_000_000, timeZone: 'Asia/Shanghai' });
    expect(checkSettingsChange(current, {}).settings).toEqual(current);
  });

  it('refuses everything wrong at once, with nothing applied', () => {
    const checked = checkSettingsChange(current, { recountUnits: -1, recountPercent: 101, stepLimit: 0, timeZone: 'Mars/Base', blindCount: 'yes' });
    expect(checked.settings).toBeNull();
    expect(checked.problems.map((p) => p.setting)).toEqual(['blindCount', 'recountUnits', 'recountPercent', 'stepLimit', 'timeZone']);
    expect(checked.problems.map(settingProblemInEnglish)).toEqual([
      'Blind counting: "yes" is neither on nor off.',
      'Recount threshold (units): "-1" is not a whole number from 0 to 1,000,000.',
      'Recount threshold (percent): "101" is not a number from 0 to 100.',
      'Per-step quantity limit: "0" is not a whole number from 1 to 1,000,000.',
      'Time zone: "Mars/Base" is not a time zone this server knows. Give an IANA name such as Asia/Shanghai, Europe/Berlin or UTC.',
    ]);
  });

  it('refuses a limit over a million, fractions of units, and numbers that are not numbers', () => {
    for (const change of [{ stepLimit: 1_000_001 }, { stepLimit: 2.5 }, { recountUnits: 1.5 }, { recountUnits: Number.NaN }, { recountPercent: Number.POSITIVE_INFINITY }, { stepLimit: '10' }, { timeZone: '+08:00' }, { timeZone: 8 }]) {
      expect(checkSettingsChange(current, change).settings, JSON.stringify(change)).toBeNull();
    }
  });

  it('lists what differs, before and after, setting by setting', () => {
    const after = { ...current, stepLimit: 50, timeZone: 'Europe/Berlin' };
    expect(settingsDifferences(current, after)).toEqual({ stepLimit: { from: 1000, to: 50 }, timeZone: { from: 'UTC', to: 'Europe/Berlin' } });
    expect(settingsDifferences(current, current)).toEqual({});
  });
});
