/**
 * Putting a putaway task away, line by line: scan the item (a wrong item is refused;
 * lot and expiry come from a GS1 label or the task), see the quantity and the
 * suggested bin, then scan the suggested bin or override it by scanning another (the
 * override is recorded). A smaller quantity leaves the rest on the line.
 */
import { useEffect, useRef, useState } from 'react';
import type { DeviceSession } from '../../../device/syncState';
import { readTaskAtHand, type TaskAtHand } from '../../../device/taskWork';
import { recordOperation } from '../../../device/floorOperations';
import { suggestPutawayBin } from '../../../device/putawayPlaces';
import { checkQuantity } from '../../../domain/floor/quantity';
import { isExpired } from '../../../domain/floor/fefo';
import { inWalkOrder } from '../../../domain/floor/walkOrder';
import type { BinSuggestion } from '../../../domain/floor/suggestBin';
import type { Scan } from '../../../scanning/scan';
import { onScan } from '../../../scanning/scanBus';
import { floorDb } from '../../floor';
import { useLiveQuery } from '../../hooks/useLiveQuery';
import { useAppStore } from '../../store/appStore';
import { Problem, Screen } from '../../components/Screen';
import { useT } from '../../i18n/useT';
import { useFlowSteps } from '../flows/useFlowSteps';
import { CameraButton, CameraSlot, CodeEntry, FlowAnswer } from '../flows/FlowParts';

interface ItemInHand {
  readonly lineNo: number;
  readonly lot: string;
  readonly expiry: string | null;
  readonly suggestion: BinSuggestion | null;
}

function putawayLines(atHand: TaskAtHand) {
  const lines = inWalkOrder(
    atHand.task.lines.map((line) => {
      const done = atHand.progress?.lines[line.lineNo]?.done ?? 0;
      return { ...line, walkSeq: line.binCode ? (atHand.bins.get(line.binCode)?.walkSeq ?? null) : null, needed: line.qty ?? 0, done };
    }),
  );
  return { lines, current: lines.find((line) => line.done < line.needed) ?? null };
}

export function PutawayScreen({ taskId, session }: { taskId: string; session: DeviceSession }) {
  const navigate = useAppStore((s) => s.navigate);
  const t = useT();
  const atHand = useLiveQuery(() => readTaskAtHand(floorDb, taskId), [taskId], undefined);
  const [item, setItem] = useState<ItemInHand | null>(null);
  const [qtyText, setQtyText] = useState('');
  const steps = useFlowSteps();
  const { fail, succeed, run } = steps;
  const [cameraOn, setCameraOn] = useState(false);
  const worker = { userId: session.user.id, warehouseId: session.warehouse?.id ?? '' };
  const state = useRef({ item, qtyText });
  state.current = { item, qtyText };


  async function handle(scan: Scan): Promise<void> {
    const fresh = await readTaskAtHand(floorDb, taskId);
    if (!fresh) return;
    const { current } = putawayLines(fresh);
    if (current === null) return fail(t('putaway.everyLineDone'));
    const product = current.productId ? fresh.products.get(current.productId) : undefined;
    if (!product) return fail(t('putaway.productNotOnDevice'));
    const meaning = scan.meaning;
    if (meaning.kind === 'invalid') return fail(meaning.error.message);
    const inHand = state.current.item?.lineNo === current.lineNo ? state.current.item : null;
    if (inHand === null) {
      if (meaning.kind === 'bin-code') return fail(t('putaway.scanItemFirst', product.name));
      if (!product.codes.some((c) => meaning.readings.some((r) => r.gtin === c.gtin))) return fail(t('putaway.wrongItem', product.name));
      const gs1 = meaning.kind === 'gs1' ? meaning.gs1 : null;
      const lot = product.lotTracked ? (gs1?.lot ?? current.lot ?? '') : '';
      if (product.lotTracked && lot === '') return fail(t('putaway.byLot', product.name));
      const expiry = gs1?.expiry ?? null;
      if (isExpired(expiry, new Date().toISOString().slice(0, 10))) return fail(t('putaway.expired', lot || '—', expiry ?? ''));
      const fromWalkSeq = current.walkSeq ?? 0;
      const suggestion = current.binCode ? { binCode: current.binCode, reason: 'holds-product' as const } : await suggestPutawayBin(floorDb, product, lot, fromWalkSeq);
      setItem({ lineNo: current.lineNo, lot, expiry, suggestion });
      setQtyText(String(current.needed - current.done));
      return succeed(`${product.name} ✓`);
    }
    if (meaning.kind !== 'bin-code') return fail(t('putaway.nowScanBin', inHand.suggestion?.binCode ?? ''));
    const qty = checkQuantity(state.current.qtyText, { max: current.needed - current.done, allowZero: false });
    if (!qty.ok) return fail(qty.message);
    await recordOperation(floorDb, worker, {
      type: 'putaway',
      taskId,
      lineNo: current.lineNo,
      binCode: meaning.binCode,
      productId: product.id,
      lot: inHand.lot,
      expiry: inHand.expiry,
      qty: qty.qty,
      suggestedBinCode: inHand.suggestion?.binCode ?? null,
    });
    setItem(null);
    const override = inHand.suggestion !== null && inHand.suggestion.binCode !== meaning.binCode;
    succeed(t('putaway.saved', qty.qty, product.unit, meaning.binCode, override ? inHand.suggestion!.binCode : ''));
  }

  useEffect(() => onScan((scan) => run(() => handle(scan))), [taskId]); // eslint-disable-line react-hooks/exhaustive-deps

  if (atHand === undefined) return <Screen title={t('home.putaway')}>{t('common.loading')}</Screen>;
  if (atHand === null) return <Screen title={t('home.putaway')}><Problem message={t('putaway.notOnDevice')} /></Screen>;
  const { lines, current } = putawayLines(atHand);
  const product = current?.productId ? atHand.products.get(current.productId) : undefined;
  const finished = atHand.progress?.finished === true;
  const inHand = item !== null && item.lineNo === current?.lineNo ? item : null;
  const lastOp = atHand.progress?.opIds.at(-1) ?? null;
  const undoLast = () =>
    run(async () => {
      if (lastOp === null) return;
      await recordOperation(floorDb, worker, { type: 'undo', undoesOpId: lastOp });
      setItem(null);
      succeed(t('common.undone'));
    });
  const prompt = finished
    ? t('putaway.taskDone')
    : current === null
      ? t('putaway.allDone')
      : inHand
        ? inHand.suggestion
          ? t('putaway.scanBin', inHand.suggestion.binCode)
          : t('putaway.scanAnyBin')
        : t('putaway.scanItem', product?.name ?? '');

  return (
    <Screen title={t('putaway.title', atHand.task.reference)}>
      <p className="progress-text" data-testid="putaway-progress">
        {t('putaway.progress', lines.filter((l) => l.done >= l.needed).length, lines.length, lines.reduce((s, l) => s + l.done, 0), lines.reduce((s, l) => s + l.needed, 0))}
      </p>
      <p className="expect" data-testid="expect" aria-live="polite">
        {prompt}
      </p>
      {current && product && (
        <p className="line-detail" data-testid="current-line">
          {t('putaway.line', product.name, product.sku, current.done, current.needed, product.unit)}
          {inHand?.lot ? t('putaway.lot', inHand.lot) : ''}
          {inHand?.suggestion ? t('putaway.suggested', inHand.suggestion.binCode) : ''}
        </p>
      )}
      <FlowAnswer steps={steps} />
      {!finished && current && (
        <>
          <CodeEntry />
          {inHand && (
            <div className="form">
              <label htmlFor="qty">{t('putaway.quantity')}</label>
              <input id="qty" inputMode="numeric" value={qtyText} onChange={(e) => setQtyText(e.target.value)} autoComplete="off" />
            </div>
          )}
          <div className="flow-actions">
            <CameraButton on={cameraOn} setOn={setCameraOn} />
            <button type="button" onClick={undoLast} disabled={lastOp === null}>
              {t('common.undoLast')}
            </button>
          </div>
          <CameraSlot on={cameraOn} onClose={() => setCameraOn(false)} />
        </>
      )}
      {!finished && current === null && (
        <div className="flow-actions">
          <button type="button" className="primary" onClick={() => run(async () => { await recordOperation(floorDb, worker, { type: 'task-finished', taskId }); succeed(t('putaway.savedDone')); })}>
            {t('putaway.finish')}
          </button>
          <button type="button" onClick={undoLast} disabled={lastOp === null}>
            {t('common.undoLast')}
          </button>
        </div>
      )}
      {finished && (
        <button type="button" className="primary" onClick={() => navigate('/putaway')}>
          {t('putaway.back')}
        </button>
      )}
    </Screen>
  );
}
