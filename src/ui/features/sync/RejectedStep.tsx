/**
 * A step the server rejected, with its reason: dismissed with a reason, or (a putaway)
 * fixed by putting the same goods away in a bin the worker scans. Settling is a step
 * of its own, so the server and the supervisor see how it was settled.
 */
import { useLayoutEffect, useState } from 'react';
import type { OutboxEntry } from '../../../device/floorDb';
import type { DeviceSession } from '../../../device/syncState';
import { recordOperation } from '../../../device/floorOperations';
import type { FloorOperation } from '../../../domain/floor/operations';
import type { Product } from '../../../domain/catalog/product';
import { onScan } from '../../../scanning/scanBus';
import { floorDb } from '../../floor';
import { Problem } from '../../components/Screen';
import { useSay, useT, useShowTime } from '../../i18n/useT';
import { stepSummary } from './stepSummary';
import { CameraButton, CameraSlot } from '../camera/CameraSlot';

const DISMISS_REASONS = ['sync.dismissNotDone', 'sync.dismissDoneElsewhere', 'sync.dismissSupervisor'] as const;

export function RejectedStep({ entry, products, session }: { entry: OutboxEntry; products: ReadonlyMap<string, Product>; session: DeviceSession }) {
  const t = useT();
  const showTime = useShowTime();
  const say = useSay();
  const op = entry.payload as FloorOperation;
  const [choosing, setChoosing] = useState(false);
  const [fixing, setFixing] = useState(false);
  const [cameraOn, setCameraOn] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const worker = { userId: session.user.id, warehouseId: session.warehouse?.id ?? '' };

  const dismiss = (reason: (typeof DISMISS_REASONS)[number]) =>
    recordOperation(floorDb, worker, { type: 'rejection-settled', rejectedOpId: entry.opId, how: 'dismissed', note: t(reason), fixedByOpId: null }).catch(setProblem);

  // Fixing a putaway: the next bin scanned takes the goods; then the rejected step is settled as fixed.
  useLayoutEffect(() => {
    if (!fixing || op.type !== 'putaway') return undefined;
    return onScan((scan) => {
      if (scan.meaning.kind !== 'bin-code') return setProblem(t('sync.fixScanBin'));
      const binCode = scan.meaning.binCode;
      void (async () => {
        try {
          const fix = await recordOperation(floorDb, worker, { ...op, taskId: null, lineNo: null, binCode, suggestedBinCode: null });
          await recordOperation(floorDb, worker, { type: 'rejection-settled', rejectedOpId: entry.opId, how: 'fixed', note: t('sync.fixedInto', binCode), fixedByOpId: fix.opId });
        } catch (error) {
          setProblem(error);
        }
      })();
    });
  }, [fixing]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <li className="rejected-step">
      <span>
        <strong>{stepSummary(t, op, products)}</strong> <small>{showTime(entry.createdAt)}</small>
      </span>
      <span className="reason">{entry.rejection ? say(entry.rejection.why) : t('sync.noReason')}</span>
      <div className="flow-actions">
        {op.type === 'putaway' && (
          <button
            type="button"
            aria-pressed={fixing}
            onClick={() => {
              setFixing(!fixing);
              setCameraOn(false);
            }}
          >
            {t('sync.fixPutaway')}
          </button>
        )}
        <button type="button" aria-expanded={choosing} onClick={() => setChoosing(!choosing)}>
          {t('sync.dismiss')}
        </button>
      </div>
      {fixing && (
        <>
          <p className="expect">{t('sync.fixScanBin')}</p>
          <CameraButton on={cameraOn} setOn={setCameraOn} />
          <CameraSlot on={cameraOn} onClose={() => setCameraOn(false)} />
        </>
      )}
      {choosing && (
        <div className="flow-actions" role="group" aria-label={t('sync.dismissWhy')}>
          {DISMISS_REASONS.map((reason) => (
            <button key={reason} type="button" className="danger-soft" onClick={() => void dismiss(reason)}>
              {t(reason)}
            </button>
          ))}
        </div>
      )}
      {problem !== null && <Problem message={say(problem)} />}
    </li>
  );
}
