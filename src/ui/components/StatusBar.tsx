import { floorDb } from '../floor';
import { useLiveQuery } from '../hooks/useLiveQuery';
import { useAppStore } from '../store/appStore';
import { readRecord } from '../../device/syncState';
import { unsentOperations } from '../../device/session';

function clock(iso: string | undefined): string {
  if (!iso) return 'never';
  const at = new Date(iso);
  const sameDay = at.toDateString() === new Date().toDateString();
  return sameDay ? at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : at.toLocaleString([], { dateStyle: 'short', timeStyle: 'short' });
}

/** Always on screen: online or not, operations waiting, last sync. */
export function StatusBar() {
  const online = useAppStore((s) => s.online);
  const waiting = useLiveQuery(() => unsentOperations(floorDb), [], 0);
  const lastSyncAt = useLiveQuery(() => readRecord(floorDb, 'lastSyncAt'), [], undefined);
  return (
    <header className="status-bar" role="status" aria-label="Device status">
      <span className={online ? 'status-online' : 'status-offline'} data-testid="connectivity">
        {online ? 'Online' : 'Offline'}
      </span>
      <span data-testid="waiting">{waiting} waiting</span>
      <span data-testid="last-sync">Synced {clock(lastSyncAt)}</span>
    </header>
  );
}
