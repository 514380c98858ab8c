/**
 * Says so when this browser's app data was cleared since it was last used, rather than
 * letting the device look empty and in sync: how many steps were waiting when it last
 * synced (those are lost), or that it cannot tell. Shown until the worker confirms.
 */
import { deleteRecord, readRecord } from '../../device/syncState';
import { floorDb } from '../floor';
import { useLiveQuery } from '../hooks/useLiveQuery';
import { useT, useShowTime } from '../i18n/useT';

export function StorageLostNotice() {
  const t = useT();
  const showTime = useShowTime();
  const lost = useLiveQuery(async () => (await readRecord(floorDb, 'storageLost')) ?? null, [], null);
  if (lost === null) return null;
  const detail =
    lost.pendingAtLastSync === null
      ? t('lost.unknown')
      : lost.pendingAtLastSync === 0
        ? t('lost.nothing', lost.lastSyncAt ? showTime(lost.lastSyncAt) : t('status.never'))
        : t('lost.steps', lost.pendingAtLastSync, lost.lastSyncAt ? showTime(lost.lastSyncAt) : t('status.never'));
  return (
    <div className="problem" role="alert" data-testid="storage-lost">
      <p>{t('lost.title')}</p>
      <p>{detail}</p>
      <button type="button" onClick={() => void deleteRecord(floorDb, 'storageLost')}>
        {t('lost.understood')}
      </button>
    </div>
  );
}
