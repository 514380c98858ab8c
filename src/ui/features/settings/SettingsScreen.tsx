import { useEffect, useState } from 'react';
import { readStorageHealth, requestPersistentStorage, type StorageHealth } from '../../../device/storageHealth';
import type { DeviceSession } from '../../../device/syncState';
import { signOutEverywhere } from '../../../sync/signIn';
import { APP_VERSION } from '../../../protocol/version';
import { api, floorDb } from '../../floor';
import { appStore, useAppStore } from '../../store/appStore';
import { Problem, Screen } from '../../components/Screen';

function megabytes(bytes: number | null): string {
  return bytes === null ? 'unknown' : `${(bytes / 1_048_576).toFixed(1)} MB`;
}

function persistedText(persisted: boolean | null): string {
  if (persisted === null) return 'Unknown (this browser cannot tell)';
  return persisted ? 'Yes — the browser will not delete the data' : 'No — the browser may delete the data when space runs low';
}

/** About the device: who, which warehouse, storage kept or not, and signing out. */
export function SettingsScreen({ session }: { session: DeviceSession }) {
  const deviceId = useAppStore((s) => s.deviceId);
  const [health, setHealth] = useState<StorageHealth | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

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
      setProblem(error instanceof Error ? error.message : String(error));
    }
  }

  return (
    <Screen title="Settings">
      <dl className="facts">
        <dt>User</dt>
        <dd>
          {session.user.displayName} ({session.user.username})
        </dd>
        <dt>Warehouse</dt>
        <dd>{session.warehouse ? `${session.warehouse.name} (${session.warehouse.code})` : '—'}</dd>
        <dt>App version</dt>
        <dd>{APP_VERSION}</dd>
        <dt>Device</dt>
        <dd className="mono">{deviceId}</dd>
        <dt>Storage kept</dt>
        <dd data-testid="storage-persisted">{health ? persistedText(health.persisted) : '…'}</dd>
        <dt>Storage used</dt>
        <dd data-testid="storage-used">{health ? `${megabytes(health.usageBytes)} of ${megabytes(health.quotaBytes)}` : '…'}</dd>
      </dl>
      {health?.persisted === false && (
        <button type="button" onClick={askPersistence}>
          Ask to keep storage
        </button>
      )}
      <button type="button" onClick={() => appStore.getState().navigate('/scanner')}>
        Scanner test and sound
      </button>
      <button type="button" className="danger" onClick={signOut}>
        Sign out
      </button>
      {problem && <Problem message={problem} />}
    </Screen>
  );
}
