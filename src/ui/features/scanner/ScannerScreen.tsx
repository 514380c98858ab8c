import { useEffect, useState, type FormEvent } from 'react';
import { brokenScanMeaning, interpretCode } from '../../../domain/codes/interpretCode';
import type { WedgeScan } from '../../../scanning/wedge';
import { configureWedge, onArrivedKey, onWedgeScan, type ArrivedKey } from '../../../scanning/wedgeListener';
import { Screen } from '../../components/Screen';
import { giveFeedback } from '../../feedback/scanFeedback';
import { readPreferences, wedgeSettingsOf, writePreferences, type Preferences } from '../../preferences';
import { visibleKey } from './arrivedText';
import { useSay, useT } from '../../i18n/useT';

/**
 * Scanner test and settings: scan a test code and see exactly what arrived, key
 * by key with the time between keys, and how the app reads it; set the scanner's
 * prefix, suffix and GS substitute, and the feedback volume and vibration.
 */
export function ScannerScreen() {
  const [keys, setKeys] = useState<(ArrivedKey & { gapMs: number | null })[]>([]);
  const [scan, setScan] = useState<WedgeScan | null>(null);
  const [preferences, setPreferences] = useState<Preferences>(readPreferences);
  const [saved, setSaved] = useState(false);
  const t = useT();
  const say = useSay();

  useEffect(() => {
    let last: number | null = null;
    const stopKeys = onArrivedKey((key) => {
      const gapMs = last === null || key.time - last > 1000 ? null : key.time - last;
      last = key.time;
      setKeys((previous) => (gapMs === null ? [{ ...key, gapMs }] : [...previous, { ...key, gapMs }]).slice(-80));
    });
    const stopScans = onWedgeScan(setScan);
    return () => {
      stopKeys();
      stopScans();
    };
  }, []);

  function save(event: FormEvent) {
    event.preventDefault();
    writePreferences(preferences);
    configureWedge(wedgeSettingsOf(preferences));
    setSaved(true);
  }

  const meaning = scan ? (scan.broken ? brokenScanMeaning(scan.raw) : interpretCode(scan.text)) : null;
  return (
    <Screen title={t('scanner.title')}>
      <p className="expect">{t('scanner.expect')}</p>
      {scan && meaning && (
        <section className="result" aria-label={t('scanner.lastScan')} data-testid="last-scan">
          <p>{t('scanner.readAs', t(`scanner.meaning.${meaning.kind}`), scan.symbology)}</p>
          <p className="mono">{[...scan.text].map((c) => visibleKey(c)).join(' ')}</p>
          {meaning.kind === 'invalid' && <p data-testid="last-scan-problem">{say(meaning.error.why)}</p>}
        </section>
      )}
      <table className="lines" aria-label={t('scanner.keys')} data-testid="arrived-keys">
        <thead>
          <tr>
            <th>{t('scanner.key')}</th>
            <th>{t('scanner.code')}</th>
            <th>{t('scanner.gap')}</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key, i) => (
            <tr key={i}>
              <td>{visibleKey(key.key, key.ctrlKey)}</td>
              <td className="mono">{key.key.length === 1 ? `U+${key.key.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : '—'}</td>
              <td>{key.gapMs === null ? '—' : key.gapMs.toFixed(0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="form" onSubmit={save}>
        <label htmlFor="prefix">{t('scanner.prefix')}</label>
        <input id="prefix" value={preferences.scanner.prefix} onChange={(e) => setPreferences({ ...preferences, scanner: { ...preferences.scanner, prefix: e.target.value } })} />
        <label htmlFor="suffix">{t('scanner.suffix')}</label>
        <input id="suffix" value={preferences.scanner.suffix} onChange={(e) => setPreferences({ ...preferences, scanner: { ...preferences.scanner, suffix: e.target.value } })} />
        <label htmlFor="gs">{t('scanner.gs')}</label>
        <input id="gs" maxLength={1} value={preferences.scanner.gsSubstitute ?? ''} onChange={(e) => setPreferences({ ...preferences, scanner: { ...preferences.scanner, gsSubstitute: e.target.value || null } })} />
        <label htmlFor="volume">{t('scanner.volume')}</label>
        <input id="volume" type="range" min={0} max={1} step={0.1} value={preferences.feedback.volume} onChange={(e) => setPreferences({ ...preferences, feedback: { ...preferences.feedback, volume: Number(e.target.value) } })} />
        <label className="check">
          <input type="checkbox" checked={preferences.feedback.vibration} onChange={(e) => setPreferences({ ...preferences, feedback: { ...preferences.feedback, vibration: e.target.checked } })} />
          {t('scanner.vibrate')}
        </label>
        <button type="button" onClick={() => giveFeedback('ok', preferences.feedback)}>
          {t('scanner.tryOk')}
        </button>
        <button type="button" onClick={() => giveFeedback('error', preferences.feedback)}>
          {t('scanner.tryError')}
        </button>
        <button type="submit" className="primary">
          {t('scanner.save')}
        </button>
        {saved && <p role="status">{t('scanner.saved')}</p>}
      </form>
    </Screen>
  );
}
