/**
 * The warehouse's floor settings: blind counting, the recount threshold, the per-step
 * quantity limit and the time zone whose date is "today" on the floor. Checked here as
 * the server checks them (a problem says what to type before anything is sent); a save
 * names the version it was made on, so a save over someone else's newer one is refused
 * and the screen shows theirs. Every change is listed with who made it and when.
 */
import { useState } from 'react';
import { apiPaths } from '../../../protocol/paths';
import { changedAnswerSchema, settingsViewSchema, type SettingsView } from '../../../protocol/warehouseSettings';
import { checkSettingsChange, flatSettings, SETTING_LIMITS, type FlatSettings, type SettingName, type SettingsChange } from '../../../domain/floor/warehouseSettings';
import { floorDate, knownTimeZone, timeZoneNames } from '../../../domain/floor/floorDate';
import { Problem } from '../../components/Screen';
import { api } from '../../floor';
import { useFormat, useT } from '../../i18n/useT';
import { useConsoleAction, useConsoleQuery, type ConsoleAction } from './useConsoleQuery';
import { SyncError } from '../../../sync/syncError';
import { describeWarehouseChange, settingProblemWords } from './settingsWords';

type Draft = { readonly [K in SettingName]: K extends 'blindCount' ? boolean : string };

const draftOf = (view: SettingsView): Draft => {
  const flat = flatSettings(view.settings);
  return { blindCount: flat.blindCount, recountUnits: String(flat.recountUnits), recountPercent: String(flat.recountPercent), stepLimit: String(flat.stepLimit), timeZone: flat.timeZone };
};

/** What the form asks to change: only the settings that differ from those shown, numbers as typed (the check says what is wrong). */
function changeOf(view: SettingsView, draft: Draft): SettingsChange {
  const shown: FlatSettings = flatSettings(view.settings);
  const asNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
  const change: { -readonly [K in SettingName]?: unknown } = {};
  if (draft.blindCount !== shown.blindCount) change.blindCount = draft.blindCount;
  for (const name of ['recountUnits', 'recountPercent', 'stepLimit'] as const) if (asNumber(draft[name]) !== shown[name]) change[name] = draft[name].trim() === '' ? draft[name] : asNumber(draft[name]);
  if (draft.timeZone.trim() !== shown.timeZone) change.timeZone = draft.timeZone.trim();
  return change;
}

export function SettingsPanel({ warehouseId }: { warehouseId: string }) {
  const t = useT();
  const view = useConsoleQuery(apiPaths.console(warehouseId, 'settings'), settingsViewSchema);
  // Here rather than in the form: a save refused as stale shows the settings as they are now
  // (a new form) and keeps saying why.
  const action = useConsoleAction();
  const [outcome, setOutcome] = useState<string | null>(null);
  return (
    <section aria-label={t('console.tab.settings')}>
      <h2>{t('console.settings.title')}</h2>
      <p className="note">{t('console.settings.intro')}</p>
      {view.problem && <Problem message={view.problem} />}
      {view.data && (
        <SettingsForm
          key={view.data.version}
          warehouseId={warehouseId}
          view={view.data}
          action={action}
          outcome={outcome}
          said={setOutcome}
          reload={view.refresh}
        />
      )}
      {view.data && <SettingsChanges view={view.data} />}
    </section>
  );
}

function SettingsForm({ warehouseId, view, action, outcome, said, reload }: { warehouseId: string; view: SettingsView; action: ConsoleAction; outcome: string | null; said(words: string | null): void; reload(): void }) {
  const t = useT();
  const format = useFormat();
  const [draft, setDraft] = useState<Draft>(() => draftOf(view));
  const change = changeOf(view, draft);
  const checked = checkSettingsChange(view.settings, change);
  const nothingToSave = Object.keys(change).length === 0;
  const zone = knownTimeZone(draft.timeZone.trim());
  const set = <K extends SettingName>(name: K, value: Draft[K]) => {
    said(null);
    setDraft({ ...draft, [name]: value });
  };
  const save = async () => {
    said(null);
    let stale = false;
    const answer = await action.run(async () => {
      try {
        return await api.post(apiPaths.console(warehouseId, 'settings'), { version: view.version, ...change }, changedAnswerSchema);
      } catch (error) {
        stale = error instanceof SyncError && error.status === 409;
        throw error;
      }
    });
    if (answer) said(answer.changed ? t('console.settings.saved') : t('console.settings.unchanged'));
    // Saved, or refused because someone saved since: show the settings as they are now.
    if (answer || stale) reload();
  };
  const number = (name: 'recountUnits' | 'recountPercent' | 'stepLimit', step: string) => (
    <>
      <label htmlFor={`setting-${name}`}>{t(`console.settings.${name}`)}</label>
      <input id={`setting-${name}`} type="number" inputMode={step === '1' ? 'numeric' : 'decimal'} min={SETTING_LIMITS[name].min} max={SETTING_LIMITS[name].max} step={step} value={draft[name]} onChange={(e) => set(name, e.target.value)} />
    </>
  );
  return (
    <form
      className="form settings-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (checked.settings && !nothingToSave) void save();
      }}
    >
      <label className="check">
        <input type="checkbox" checked={draft.blindCount} onChange={(e) => set('blindCount', e.target.checked)} /> {t('console.settings.blindCount')}
      </label>
      {number('recountUnits', '1')}
      {number('recountPercent', '0.01')}
      <p className="note">{t('console.settings.recountHint')}</p>
      {number('stepLimit', '1')}
      <label htmlFor="setting-timeZone">{t('console.settings.timeZone')}</label>
      <input id="setting-timeZone" list="time-zones" autoComplete="off" spellCheck={false} value={draft.timeZone} onChange={(e) => set('timeZone', e.target.value)} />
      <datalist id="time-zones">
        {timeZoneNames().map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <p className="note" data-testid="floor-today">
        {zone ? t('console.settings.today', format.calendarDate(floorDate(Date.now(), zone)), zone) : '—'}{' '}
        {draft.timeZone !== view.serverTimeZone && (
          <button type="button" onClick={() => set('timeZone', view.serverTimeZone)}>
            {t('console.settings.serverZone', view.serverTimeZone)}
          </button>
        )}
      </p>
      {checked.problems.length > 0 && (
        <ul className="problem-text" data-testid="setting-problems">
          {checked.problems.map((p) => (
            <li key={p.setting}>{settingProblemWords(t, format, p)}</li>
          ))}
        </ul>
      )}
      <button type="submit" className="primary" disabled={action.busy || nothingToSave || checked.settings === null}>
        {t('console.settings.save')}
      </button>
      {action.problem && <Problem message={action.problem} />}
      {outcome && (
        <p className="saved" role="status">
          {outcome}
        </p>
      )}
    </form>
  );
}

function SettingsChanges({ view }: { view: SettingsView }) {
  const t = useT();
  const format = useFormat();
  return (
    <>
      <h3>{t('console.settings.changes')}</h3>
      {view.changes.length === 0 ? (
        <p className="note">{t('console.settings.noChanges')}</p>
      ) : (
        <div className="table-scroll" tabIndex={0}>
          <table className="console-table" data-testid="settings-changes">
            <thead>
              <tr>
                <th>{t('console.col.when')}</th>
                <th>{t('console.col.by')}</th>
                <th>{t('console.col.what')}</th>
              </tr>
            </thead>
            <tbody>
              {view.changes.map((c) => (
                <tr key={c.id}>
                  <td>{format.dateTime(c.changedAt)}</td>
                  <td>{c.actorName}</td>
                  <td>{describeWarehouseChange(t, format, c)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
