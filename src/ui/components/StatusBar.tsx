import { floorDb } from '../floor';
import { useLiveQuery } from '../hooks/useLiveQuery';
import { useAppStore } from '../store/appStore';
import { readStatusBarFacts } from '../../device/outboxViews';
import { useShowTime, useT } from '../i18n/useT';

/** Steps waiting longer than this turn the bar to a warning: something keeps the device from syncing. */
export const WAITING_TOO_LONG_MS = 30 * 60_000;

const readBar = () => readStatusBarFacts(floorDb);

/** Always on screen: online or not, syncing, steps waiting, last sync; a warning when something needs attention. Tapping it opens the sync screen. */
export function StatusBar() {
  const online = useAppStore((s) => s.online);
  const syncing = useAppStore((s) => s.syncing);
  const needsSignIn = useAppStore((s) => s.syncNeedsSignIn);
  const updateRequired = useAppStore((s) => s.syncUpdateRequired);
  const updateReady = useAppStore((s) => s.updateReady);
  const signedIn = useAppStore((s) => s.session !== null);
  const navigate = useAppStore((s) => s.navigate);
  const t = useT();
  const showTime = useShowTime();
  const bar = useLiveQuery(readBar, [], { pending: 0, oldestAt: null, rejected: 0, lastSyncAt: undefined });
  const waitingLong = bar.oldestAt !== null && Date.now() - Date.parse(bar.oldestAt) > WAITING_TOO_LONG_MS;
  const warnings = [updateRequired ? t('sync.warnUpdate', updateReady) : null, needsSignIn ? t('sync.warnSignIn') : null, bar.rejected > 0 ? t('sync.warnRejected', bar.rejected) : null, waitingLong ? t('sync.warnOld') : null].filter((w): w is string => w !== null);
  return (
    <header className={`status-bar${warnings.length > 0 ? ' status-warning' : ''}`} aria-label={t('status.device')}>
      {/* Named by what it shows (a label of its own would hide that from a screen reader); where it leads is said after. */}
      <button type="button" className="status-open" onClick={() => signedIn && navigate('/sync')}>
        <span className={online ? 'status-online' : 'status-offline'} data-testid="connectivity">
          {online ? t('status.online') : t('status.offline')}
        </span>
        {syncing && <span data-testid="syncing">{t('status.syncing')}</span>}
        <span data-testid="waiting">{t('status.waiting', bar.pending)}</span>
        <span data-testid="last-sync">{t('status.synced', bar.lastSyncAt ? showTime(bar.lastSyncAt) : t('status.never'))}</span>
        {warnings.length > 0 && <span data-testid="sync-warning">⚠ {warnings.join(' · ')}</span>}
        {signedIn && <span className="said-only">{t('status.openSync')}</span>}
      </button>
    </header>
  );
}
