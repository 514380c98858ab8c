import { floorDb } from '../floor';
import { useLiveQuery } from '../hooks/useLiveQuery';
import { useAppStore } from '../store/appStore';
import { readRecord } from '../../device/syncState';
import { unsentOperations } from '../../device/session';
import { useT } from '../i18n/useT';

function clock(iso: string | undefined, never: string): string {
  if (!iso) return never;
  const at = new Date(iso);
  const sameDay = at.toDateString() === new Date().toDateString();
  return sameDay ? at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : at.toLocaleString([], { dateStyle: 'short', timeStyle: 'short' });
}

/** Always on screen: online or not, operations waiting, last sync. */
export function StatusBar() {
  const online = useAppStore((s) => s.online);
  const t = useT();
  const waiting = useLiveQuery(() => unsentOperations(floorDb), [], 0);
  const lastSyncAt = useLiveQuery(() => readRecord(floorDb, 'lastSyncAt'), [], undefined);
  return (
    <header className="status-bar" role="status" aria-label={t('status.device')}>
      <span className={online ? 'status-online' : 'status-offline'} data-testid="connectivity">
        {online ? t('status.online') : t('status.offline')}
      </span>
      <span data-testid="waiting">{t('status.waiting', waiting)}</span>
      <span data-testid="last-sync">{t('status.synced', clock(lastSyncAt, t('status.never')))}</span>
    </header>
  );
}
