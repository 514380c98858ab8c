/**
 * Picking one list: the big prompt says what comes next (scan the bin, scan the
 * item); every scan (camera, hardware scanner or typed) is answered at once; each
 * confirmed step is saved to the device (outbox + stock + progress in one
 * transaction) before the screen says so. Works with no network.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { DeviceSession } from '../../../device/syncState';
import { readTaskAtHand, type TaskAtHand } from '../../../device/taskWork';
import { recordOperation } from '../../../device/floorOperations';
import { lotToPick, pickScan, type PickLineContext } from '../../../domain/floor/pickLine';
import { checkQuantity } from '../../../domain/floor/quantity';
import type { ShortReason } from '../../../domain/floor/operations';
import type { Scan } from '../../../scanning/scan';
import { onScan } from '../../../scanning/scanBus';
import { floorDb } from '../../floor';
import { useLiveQuery } from '../../hooks/useLiveQuery';
import { useAppStore } from '../../store/appStore';
import { Problem, Screen } from '../../components/Screen';
import { pickListView, type PickLineView } from './pickListView';
import { useT } from '../../i18n/useT';
import { useFlowSteps } from '../flows/useFlowSteps';
import { CameraButton, CameraSlot, CodeEntry, FlowAnswer } from '../flows/FlowParts';

const SHORT_REASONS: readonly ShortReason[] = ['not-found', 'damaged', 'less-than-expected'];

const today = () => new Date().toISOString().slice(0, 10);

function lineContext(atHand: TaskAtHand, line: PickLineView): PickLineContext | null {
  const product = line.productId ? atHand.products.get(line.productId) : undefined;
  const bin = line.binCode ? atHand.bins.get(line.binCode) : undefined;
  if (!product || !bin) return null;
  return { binCode: bin.code, product, needed: line.needed, done: line.done, binStock: bin.stock, today: today() };
}

export function PickScreen({ taskId, session }: { taskId: string; session: DeviceSession }) {
  const navigate = useAppStore((s) => s.navigate);
  const t = useT();
  const atHand = useLiveQuery(() => readTaskAtHand(floorDb, taskId), [taskId], undefined);
  const [confirmedLine, setConfirmedLine] = useState<number | null>(null);
  const steps = useFlowSteps();
  const { fail, succeed, run } = steps;
  const [typed, setTyped] = useState('');
  const [askingShort, setAskingShort] = useState(false);
  const [cameraOn, setCameraOn] = useState(false);
  const worker = { userId: session.user.id, warehouseId: session.warehouse?.id ?? '' };
  const confirmed = useRef<number | null>(null);
  confirmed.current = confirmedLine;


  async function handle(scan: Scan): Promise<void> {
    const fresh = await readTaskAtHand(floorDb, taskId);
    if (!fresh) return;
    const current = pickListView(fresh).current;
    if (current === null) return fail(t('pick.everyLineDone'));
    const context = lineContext(fresh, current);
    if (context === null) return fail(t('pick.lineNotOnDevice'));
    const outcome = pickScan(context, confirmed.current === current.lineNo, scan.meaning);
    if (outcome.kind === 'refused') return fail(outcome.why);
    if (outcome.kind === 'bin-confirmed') {
      setConfirmedLine(current.lineNo);
      return succeed(`${context.binCode} ✓`);
    }
    await recordOperation(floorDb, worker, { type: 'pick', taskId, lineNo: current.lineNo, binCode: context.binCode, productId: context.product.id, lot: outcome.lot, expiry: outcome.expiry, qty: outcome.qty, proposedLot: outcome.proposedLot });
    succeed(`${t('pick.savedUnits', outcome.qty, context.product.unit)}${outcome.proposedLot ? ` (${outcome.lot} ≠ ${outcome.proposedLot})` : ''}`);
  }


  useEffect(() => onScan((scan) => run(() => handle(scan))), [taskId]); // eslint-disable-line react-hooks/exhaustive-deps

  if (atHand === undefined) return <Screen title={t('home.pick')}>{t('common.loading')}</Screen>;
  if (atHand === null) return <Screen title={t('home.pick')}><Problem message={t('pick.notOnDevice')} /></Screen>;
  const view = pickListView(atHand);
  const current = view.current;
  const context = current ? lineContext(atHand, current) : null;
  const product = current?.productId ? atHand.products.get(current.productId) : undefined;
  const finished = atHand.progress?.finished === true;
  // First expiry, first out: the lot to take, shown before the item is scanned.
  const fefo = context && (context.product.lotTracked || context.product.expiryTracked) ? lotToPick(context, null) : null;
  const lastOp = atHand.progress?.opIds.at(-1) ?? null;

  function submitTyped(event: FormEvent) {
    event.preventDefault();
    if (current === null || context === null) return;
    if (confirmedLine !== current.lineNo) return fail({ code: 'scan-bin-first', bin: context.binCode });
    const qty = checkQuantity(typed, { max: current.needed - current.done, allowZero: false });
    if (!qty.ok) return fail(qty.why);
    const lot = lotToPick(context, null);
    if (lot.kind === 'refused') return fail(lot.why);
    run(async () => {
      await recordOperation(floorDb, worker, { type: 'pick', taskId, lineNo: current.lineNo, binCode: context.binCode, productId: context.product.id, lot: lot.lot, expiry: lot.expiry, qty: qty.qty, proposedLot: null });
      setTyped('');
      succeed(t('pick.savedUnits', qty.qty, context.product.unit));
    });
  }

  function closeShort(reason: ShortReason) {
    if (current === null || !current.binCode || !current.productId) return;
    setAskingShort(false);
    run(async () => {
      await recordOperation(floorDb, worker, { type: 'pick-short', taskId, lineNo: current.lineNo, binCode: current.binCode!, productId: current.productId!, shortQty: current.needed - current.done, reason });
      succeed(t('pick.savedShort', current.needed - current.done));
    });
  }

  function undoLast() {
    if (lastOp === null) return;
    run(async () => {
      await recordOperation(floorDb, worker, { type: 'undo', undoesOpId: lastOp });
      setConfirmedLine(null);
      succeed(t('common.undone'));
    });
  }

  function finish() {
    run(async () => {
      await recordOperation(floorDb, worker, { type: 'task-finished', taskId });
      succeed(t('pick.savedFinished'));
    });
  }

  const prompt = finished
    ? t('pick.listPicked')
    : current === null
      ? t('pick.allDone')
      : confirmedLine === current.lineNo
        ? t('pick.scanItem', product?.name ?? '')
        : t('pick.scanBin', current.binCode ?? '?');

  return (
    <Screen title={t('pick.title', atHand.task.reference)}>
      <p className="progress-text" data-testid="pick-progress">
        {t('pick.progress', view.linesClosed, view.lines.length, view.unitsDone, view.unitsNeeded)}
      </p>
      <p className="expect" data-testid="expect" aria-live="polite">
        {prompt}
      </p>
      {current && product && (
        <p className="line-detail" data-testid="current-line">
          {t('pick.line', product.name, product.sku, current.done, current.needed, product.unit, current.binCode ?? '')}
          {fefo?.kind === 'lot' && fefo.lot ? t('pick.fefoLot', fefo.lot, fefo.expiry ?? '') : ''}
        </p>
      )}
      <FlowAnswer steps={steps} />
      {!finished && current && (
        <>
          <CodeEntry />
          <form className="form inline" onSubmit={submitTyped}>
            <label htmlFor="qty">{t('pick.quantity')}</label>
            <input id="qty" inputMode="numeric" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
            <button type="submit">{t('pick.confirmQuantity')}</button>
          </form>
          <div className="flow-actions">
            <CameraButton on={cameraOn} setOn={setCameraOn} />
            <button type="button" onClick={() => setAskingShort(!askingShort)} aria-expanded={askingShort}>
              {t('pick.short')}
            </button>
            <button type="button" onClick={undoLast} disabled={lastOp === null}>
              {t('common.undoLast')}
            </button>
          </div>
          {askingShort && (
            <div className="flow-actions" role="group" aria-label={t('pick.shortWhy')}>
              {SHORT_REASONS.map((reason) => (
                <button key={reason} type="button" className="danger-soft" onClick={() => closeShort(reason)}>
                  {t(`short.${reason}`)}
                </button>
              ))}
            </div>
          )}
          <CameraSlot on={cameraOn} onClose={() => setCameraOn(false)} />
        </>
      )}
      {!finished && current === null && (
        <div className="flow-actions">
          <button type="button" className="primary" onClick={finish}>
            {t('pick.finish')}
          </button>
          <button type="button" onClick={undoLast} disabled={lastOp === null}>
            {t('common.undoLast')}
          </button>
        </div>
      )}
      {finished && (
        <button type="button" className="primary" onClick={() => navigate('/pick')}>
          {t('pick.back')}
        </button>
      )}
      <ol className="pick-lines" aria-label={t('pick.linesInOrder')}>
        {view.lines.map((line) => (
          <li key={line.lineNo} className={line === current ? 'current' : line.closed ? 'closed' : ''}>
            <span>{line.binCode}</span>
            <span>{(line.productId && atHand.products.get(line.productId)?.name) ?? line.productId}</span>
            <span>
              {line.done}/{line.needed}
              {line.short ? t('pick.shortBy', line.short.qty) : ''}
            </span>
          </li>
        ))}
      </ol>
    </Screen>
  );
}
