import { useEffect, useState } from 'react';
import { readStorageHealth, requestPersistentStorage, type StorageHealth } from '../../../device/storageHealth';
import type { DeviceSession } from '../../../device/syncState';
import { signOutEverywhere } from '../../../sync/signIn';
import { APP_VERSION } from '../../../protocol/version';
import { api, floorDb } from '../../floor';
import { appStore, useAppStore } from '../../store/appStore';
import { Problem, Screen } from '../../components/Screen';
import { useSay, useT } from '../../i18n/useT';
import { LANGUAGES, type Language } from '../../i18n/language';
import { useLiveQuery } from '../../hooks/useLiveQuery';
import { floorToday, readWarehouseSettings } from '../../../device/taskWork';


/** About the device: who, which warehouse, storage kept or not, and signing out. */
export function SettingsScreen({ session }: { session: DeviceSession }) {
  const deviceId = useAppStore((s) => s.deviceId);
  const language = useAppStore((s) => s.language);
  const setLanguage = useAppStore((s) => s.setLanguage);
  const t = useT();
  const megabytes = (bytes: number | null) => (bytes === null ? t('settings.unknown') : `${(bytes / 1_048_576).toFixed(1)} MB`);
  const persistedText = (persisted: boolean | null) =>
    persisted === null ? t('settings.persistedUnknown') : persisted ? t('settings.persistedYes') : t('settings.persistedNo');
  const [health, setHealth] = useState<StorageHealth | null>(null);
  // The warehouse's zone as last pulled: which day "today" and "expired" are on this floor.
  const floorDay = useLiveQuery(async () => {
    const settings = await readWarehouseSettings(floorDb);
    return { timeZone: settings.timeZone, today: floorToday(settings, new Date()) };
  }, [], null);
  const [problem, setProblem] = useState<unknown>(null);
  const say = useSay();

  useEffect(() => {
    void readStorageHealth().then(setHealth);
  }, []);

  async function askPersistence() {
    await requestPersistentStorage();
    setHealth(await readStorageHealth());
  }

  async function signOut() {
    setProblem(null);
    try {
      await signOutEverywhere(floorDb, api);
      appStore.getState().setSession(null);
      appStore.getState().navigate('/');
    } catch (error) {
      setProblem(error);
    }
  }

  return (
    <Screen title={t('settings.title')}>
      <label className="camera-choice">
        {t('settings.language')}
        <select value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
          {(Object.keys(LANGUAGES) as Language[]).map((code) => (
            <option key={code} value={code}>
              {LANGUAGES[code]['language.name']}
            </option>
          ))}
        </select>
      </label>
      <dl className="facts">
        <dt>{t('settings.user')}</dt>
        <dd>
          {session.user.displayName} ({session.user.username})
        </dd>
        <dt>{t('settings.warehouse')}</dt>
        <dd>{session.warehouse ? `${session.warehouse.name} (${session.warehouse.code})` : '—'}</dd>
        <dt>{t('settings.timeZone')}</dt>
        <dd data-testid="floor-time-zone">{floorDay ? t('settings.timeZoneToday', floorDay.timeZone, floorDay.today) : '…'}</dd>
        <dt>{t('settings.version')}</dt>
        <dd>{APP_VERSION}</dd>
        <dt>{t('settings.device')}</dt>
        <dd className="mono">{deviceId}</dd>
        <dt>{t('settings.storageKept')}</dt>
        <dd data-testid="storage-persisted">{health ? persistedText(health.persisted) : '…'}</dd>
        <dt>{t('settings.storageUsed')}</dt>
        <dd data-testid="storage-used">{health ? t('settings.storageOf', megabytes(health.usageBytes), megabytes(health.quotaBytes)) : '…'}</dd>
      </dl>
      {health?.persisted === false && (
        <button type="button" onClick={askPersistence}>
          {t('settings.askPersist')}
        </button>
      )}
      <button type="button" onClick={() => appStore.getState().navigate('/scanner')}>
        {t('settings.scannerTest')}
      </button>
      <button type="button" className="danger" onClick={signOut}>
        {t('settings.signOut')}
      </button>
      {problem !== null && <Problem message={say(problem)} />}
    </Screen>
  );
}
