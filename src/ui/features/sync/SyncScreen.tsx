/**
 * The device's sync at a glance: online or not, syncing, last sync, what failed; the
 * steps waiting to be sent; counts waiting for a supervisor; and the steps the server
 * rejected, with the reason, each to be fixed or dismissed (both are steps too); and
 * steps shown as saved that could not be kept after a restart, until the worker read them.
 */
import type { DeviceSession } from '../../../device/syncState';
import { readRecord } from '../../../device/syncState';
import { productsByIds } from '../../../device/lookup';
import type { FloorOperation } from '../../../domain/floor/operations';
import { floorDb } from '../../floor';
import { useLiveQuery } from '../../hooks/useLiveQuery';
import { useAppStore } from '../../store/appStore';
import { Problem, Screen } from '../../components/Screen';
import { useSay, useT, useShowTime } from '../../i18n/useT';
import { SignInAgain } from './SignInAgain';
import { RejectedStep } from './RejectedStep';
import { productIdsOf, stepSummary } from './stepSummary';
import { readOutboxLists } from '../../../device/outboxViews';
import { readStepsNotKept } from '../../../device/stepsNotKept';
import { StepsNotKept } from './StepsNotKept';

const SHOWN = 100;

async function readSyncView() {
  const [{ pending, pendingCount, rejected, review }, lastSyncAt, lastError, notKept] = await Promise.all([
    readOutboxLists(floorDb, SHOWN),
    readRecord(floorDb, 'lastSyncAt'),
    readRecord(floorDb, 'lastSyncError'),
    readStepsNotKept(floorDb),
  ]);
  const ops = [...[...pending, ...rejected, ...review].map((e) => e.payload as FloorOperation), ...notKept.map((step) => step.op)];
  return { pending, pendingCount, rejected, review, notKept, lastSyncAt: lastSyncAt ?? null, lastError: lastError ?? null, products: await productsByIds(floorDb, productIdsOf(ops)) };
}

export function SyncScreen({ session }: { session: DeviceSession }) {
  const t = useT();
  const showTime = useShowTime();
  const say = useSay();
  const online = useAppStore((s) => s.online);
  const syncing = useAppStore((s) => s.syncing);
  const needsSignIn = useAppStore((s) => s.syncNeedsSignIn);
  const updateRequired = useAppStore((s) => s.syncUpdateRequired);
  const syncError = useAppStore((s) => s.syncError);
  const requestSync = useAppStore((s) => s.requestSync);
  const view = useLiveQuery(readSyncView, [], null);
  if (view === null) return <Screen title={t('sync.title')}>{t('common.loading')}</Screen>;
  const error = syncError ?? view.lastError?.why ?? null;

  return (
    <Screen title={t('sync.title')}>
      <dl className="facts" data-testid="sync-facts">
        <dt>{t('sync.network')}</dt>
        <dd>{online ? t('status.online') : t('status.offline')}</dd>
        <dt>{t('sync.lastSync')}</dt>
        <dd data-testid="sync-last">{view.lastSyncAt ? showTime(view.lastSyncAt) : t('status.never')}</dd>
        <dt>{t('sync.waiting')}</dt>
        <dd data-testid="sync-waiting">{view.pendingCount}</dd>
      </dl>
      {syncing && <p className="note" role="status">{t('sync.syncing')}</p>}
      {updateRequired && !syncing && (
        <p className="note" role="status" data-testid="update-required">
          {t('sync.updateRequired')}
        </p>
      )}
      {error && !syncing && <Problem message={say(error)} />}
      {needsSignIn && <SignInAgain session={session} />}
      <button type="button" className="primary" onClick={() => requestSync('person')} disabled={syncing || !online}>
        {t('sync.now')}
      </button>

      {view.notKept.length > 0 && <StepsNotKept steps={view.notKept} products={view.products} />}
      {view.rejected.length > 0 && (
        <section aria-label={t('sync.rejected')}>
          <h2>{t('sync.rejected')}</h2>
          <ul className="steps" data-testid="rejected-steps">
            {view.rejected.map((entry) => (
              <RejectedStep key={entry.opId} entry={entry} products={view.products} session={session} />
            ))}
          </ul>
        </section>
      )}
      {view.review.length > 0 && (
        <section aria-label={t('sync.inReview')}>
          <h2>{t('sync.inReview')}</h2>
          <ul className="steps" data-testid="review-steps">
            {view.review.map((entry) => (
              <li key={entry.opId}>{stepSummary(t, entry.payload as FloorOperation, view.products)}</li>
            ))}
          </ul>
        </section>
      )}
      <section aria-label={t('sync.pending')}>
        <h2>{t('sync.pending')}</h2>
        {view.pending.length === 0 ? (
          <p>{t('sync.nothingWaits')}</p>
        ) : (
          <ol className="steps" data-testid="pending-steps">
            {view.pending.map((entry) => (
              <li key={entry.opId}>
                <span>{stepSummary(t, entry.payload as FloorOperation, view.products)}</span>
                <small>{showTime(entry.createdAt)}</small>
              </li>
            ))}
          </ol>
        )}
        {view.pendingCount > view.pending.length && <p className="note">{t('sync.andMore', view.pendingCount - view.pending.length)}</p>}
      </section>
    </Screen>
  );
}
