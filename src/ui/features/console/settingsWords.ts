/**
 * The settings screen's and the activity log's words for the warehouse's settings: a
 * setting's name and value, a problem with a change (the same check the server makes,
 * domain/floor/warehouseSettings.ts, worded in the person's language), and an audited
 * change ("Per-step quantity limit: 1,000 → 400"). Pure, tested alone.
 */
// The console's words load with the console's code.
import '../../i18n/consoleWords';
import type { SettingName, SettingProblem } from '../../../domain/floor/warehouseSettings';
import type { WarehouseChangeEntry } from '../../../protocol/warehouseSettings';
import type { MessageKey } from '../../i18n/en';
import type { Translate } from '../../i18n/language';
import type { Formats } from '../../i18n/format';
import { deviceText } from './deviceLabel';

export const SETTING_WORDS: Readonly<Record<SettingName, MessageKey>> = {
  blindCount: 'console.setting.blindCount',
  recountUnits: 'console.setting.recountUnits',
  recountPercent: 'console.setting.recountPercent',
  stepLimit: 'console.setting.stepLimit',
  timeZone: 'console.setting.timeZone',
};

type ChangedValue = string | number | boolean | null;

/** A setting's value as the person reads it: on/off, a grouped number, a percent, a zone. */
export function settingValue(t: Translate, format: Formats, setting: string, value: ChangedValue): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? t('console.on') : t('console.off');
  if (typeof value === 'number') return setting === 'recountPercent' ? `${format.number(value)} %` : format.number(value);
  return value;
}

export function settingProblemWords(t: Translate, format: Formats, p: SettingProblem): string {
  const what = t(SETTING_WORDS[p.setting]);
  switch (p.code) {
    case 'whole-number':
      return t('console.settingProblem.whole-number', what, p.given, format.number(p.min), format.number(p.max));
    case 'number':
      return t('console.settingProblem.number', what, p.given, format.number(p.min), format.number(p.max));
    case 'time-zone':
      return t('console.settingProblem.time-zone', what, p.given);
    case 'yes-or-no':
      return t('console.settingProblem.yes-or-no', what, p.given);
  }
}

/** One audited change in words: each setting from → to, or a device's name from → to (the device by its id, which never changes). */
export function describeWarehouseChange(t: Translate, format: Formats, entry: WarehouseChangeEntry): string {
  if (entry.subject === 'device-name') {
    const name = entry.changes.name;
    const shown = (value: ChangedValue | undefined) => (typeof value === 'string' && value !== '' ? value : t('console.changes.noName'));
    return t('console.changes.deviceName', deviceText(t, entry.deviceId, null), shown(name?.from), shown(name?.to));
  }
  return Object.entries(entry.changes)
    .map(([setting, { from, to }]) => t('console.change.field', setting in SETTING_WORDS ? t(SETTING_WORDS[setting as SettingName]) : setting, settingValue(t, format, setting, from), settingValue(t, format, setting, to)))
    .join(t('console.clauseSeparator'));
}
