/**
 * Putting away, from a putaway task line by line or ad hoc (no task: scan any
 * product). Scan the item (on a task a wrong item is refused; lot and expiry come from
 * a GS1 label or the task, else are typed), see the quantity and the suggested bin,
 * then scan the suggested bin or override it by scanning another (the override is
 * recorded). A smaller quantity leaves the rest on the task line.
 */
import { useEffect, useRef, useState } from 'react';
import type { DeviceSession } from '../../../device/syncState';
import { readTaskAtHand, type TaskAtHand } from '../../../device/taskWork';
import { recordOperation } from '../../../device/floorOperations';
import { knownExpiryOfLot, suggestPutawayBin } from '../../../device/putawayPlaces';
import { productByGtin } from '../../../device/lookup';
import { checkQuantity } from '../../../domain/floor/quantity';
import { isExpired } from '../../../domain/floor/fefo';
import { missingLotFacts } from '../../../domain/floor/lotEntry';
import type { BinSuggestion } from '../../../domain/floor/suggestBin';
import type { Product } from '../../../domain/catalog/product';
import type { Scan } from '../../../scanning/scan';
import { onScan } from '../../../scanning/scanBus';
import { floorDb } from '../../floor';
import { useLiveQuery } from '../../hooks/useLiveQuery';
import { useAppStore } from '../../store/appStore';
import { Problem, Screen } from '../../components/Screen';
import { useT } from '../../i18n/useT';
import { useFlowSteps } from '../flows/useFlowSteps';
import { CameraButton, CameraSlot, CodeEntry, FlowAnswer } from '../flows/FlowParts';
import { LotEntry } from '../flows/LotEntry';
import { putawayLines, type PutawayLine } from './putawayView';

/** The item scanned and not yet put in a bin: its lot and expiry once known, and where it should go. */
interface ItemInHand {
  /** The task line; null ad hoc. */
  readonly lineNo: number | null;
  readonly product: Product;
  readonly lot: string | null;
  readonly expiry: string | null;
  /** True until the lot or expiry the product tracks is known. */
  readonly asking: boolean;
  readonly suggestion: BinSuggestion | null;
}

const today = () => new Date().toISOString().slice(0, 10);

export function PutawayScreen({ taskId, session }: { taskId: string | null; session: DeviceSession }) {
  const navigate = useAppStore((s) => s.navigate);
  const t = useT();
  const atHand = useLiveQuery(async () => (taskId ? readTaskAtHand(floorDb, taskId) : null), [taskId], undefined);
  const [item, setItem] = useState<ItemInHand | null>(null);
  const [qtyText, setQtyText] = useState('');
  const steps = useFlowSteps();
  const { fail, succeed, run } = steps;
  const [cameraOn, setCameraOn] = useState(false);
  const worker = { userId: session.user.id, warehouseId: session.warehouse?.id ?? '' };
  const state = useRef({ item, qtyText });
  state.current = { item, qtyText };

  /** The item is known: with its lot and expiry it gets a suggested bin; without them it is asked for them. */
  async function takeItem(line: PutawayLine | null, product: Product, lot: string | null, given: string | null, qty: number): Promise<void> {
    // A lot already in the warehouse keeps the expiry it has there.
    const expiry = given ?? (product.expiryTracked && lot ? await knownExpiryOfLot(floorDb, product.id, lot) : null);
    const missing = missingLotFacts(product, { lot, expiry });
    if (missing.lot || missing.expiry) {
      setItem({ lineNo: line?.lineNo ?? null, product, lot, expiry, asking: true, suggestion: null });
      setQtyText(String(qty));
      return succeed(`${product.name} ✓`);
    }
    if (isExpired(expiry, today())) return fail({ code: 'lot-expired', lot: lot ?? '', expiry: expiry ?? '' });
    const suggestion = line?.binCode ? { binCode: line.binCode, reason: 'holds-product' as const } : await suggestPutawayBin(floorDb, product, lot ?? '', line?.walkSeq ?? 0);
    setItem({ lineNo: line?.lineNo ?? null, product, lot, expiry, asking: false, suggestion });
    setQtyText(String(qty));
    succeed(`${product.name} ✓`);
  }

  async function scanItem(fresh: TaskAtHand | null, scan: Scan): Promise<void> {
    const meaning = scan.meaning;
    if (meaning.kind === 'invalid' || meaning.kind === 'bin-code') return;
    const gs1 = meaning.kind === 'gs1' ? meaning.gs1 : null;
    if (fresh) {
      const { current } = putawayLines(fresh);
      if (current === null) return fail(t('putaway.everyLineDone'));
      const product = current.productId ? fresh.products.get(current.productId) : undefined;
      if (!product) return fail(t('putaway.productNotOnDevice'));
      if (!product.codes.some((c) => meaning.readings.some((r) => r.gtin === c.gtin))) return fail({ code: 'wrong-item', expected: product.name });
      const lot = product.lotTracked ? (gs1?.lot ?? current.lot ?? null) : '';
      return takeItem(current, product, lot, gs1?.expiry ?? null, current.needed - current.done);
    }
    for (const reading of meaning.readings) {
      const product = await productByGtin(floorDb, reading.gtin);
      const code = product?.codes.find((c) => c.gtin === reading.gtin);
      if (product && code) return takeItem(null, product, product.lotTracked ? (gs1?.lot ?? null) : '', gs1?.expiry ?? null, gs1?.count ?? code.packQty);
    }
    fail({ code: 'unknown-product', scanned: scan.text });
  }

  async function handle(scan: Scan): Promise<void> {
    const fresh = taskId ? await readTaskAtHand(floorDb, taskId) : null;
    if (taskId && !fresh) return;
    const meaning = scan.meaning;
    if (meaning.kind === 'invalid') return fail(meaning.error.why);
    const current = fresh ? putawayLines(fresh).current : null;
    const held = state.current.item;
    const inHand = held && (fresh === null || held.lineNo === current?.lineNo) ? held : null;
    if (meaning.kind !== 'bin-code') return scanItem(fresh, scan);
    if (inHand === null) return fail(current ? t('putaway.scanItemFirst', fresh!.products.get(current.productId ?? '')?.name ?? '') : t('putaway.scanAnyItem'));
    if (inHand.asking) return fail(t('lot.prompt', inHand.product.name));
    const qty = checkQuantity(state.current.qtyText, { max: current ? current.needed - current.done : null, allowZero: false });
    if (!qty.ok) return fail(qty.why);
    await recordOperation(floorDb, worker, {
      type: 'putaway',
      taskId,
      lineNo: inHand.lineNo,
      binCode: meaning.binCode,
      productId: inHand.product.id,
      lot: inHand.lot ?? '',
      expiry: inHand.expiry,
      qty: qty.qty,
      suggestedBinCode: inHand.suggestion?.binCode ?? null,
    });
    setItem(null);
    const override = inHand.suggestion !== null && inHand.suggestion.binCode !== meaning.binCode;
    succeed(t('putaway.saved', qty.qty, inHand.product.unit, meaning.binCode, override ? inHand.suggestion!.binCode : ''));
  }

  useEffect(() => onScan((scan) => run(() => handle(scan))), [taskId]); // eslint-disable-line react-hooks/exhaustive-deps

  if (atHand === undefined) return <Screen title={t('home.putaway')}>{t('common.loading')}</Screen>;
  if (taskId && atHand === null) return <Screen title={t('home.putaway')}><Problem message={t('putaway.notOnDevice')} /></Screen>;
  const task = atHand ? putawayLines(atHand) : null;
  const current = task?.current ?? null;
  const lineProduct = current?.productId ? atHand?.products.get(current.productId) : undefined;
  const finished = atHand?.progress?.finished === true;
  const inHand = item !== null && (task === null || item.lineNo === current?.lineNo) ? item : null;
  const product = inHand?.product ?? lineProduct;
  const lastOp = atHand?.progress?.opIds.at(-1) ?? null;
  const undoLast = () =>
    run(async () => {
      if (lastOp === null) return;
      await recordOperation(floorDb, worker, { type: 'undo', undoesOpId: lastOp });
      setItem(null);
      succeed(t('common.undone'));
    });
  const prompt = finished
    ? t('putaway.taskDone')
    : task && current === null
      ? t('putaway.allDone')
      : inHand
        ? inHand.asking
          ? t('lot.prompt', inHand.product.name)
          : inHand.suggestion
            ? t('putaway.scanBin', inHand.suggestion.binCode)
            : t('putaway.scanAnyBin')
        : lineProduct
          ? t('putaway.scanItem', lineProduct.name)
          : t('putaway.scanAnyItem');

  return (
    <Screen title={atHand ? t('putaway.title', atHand.task.reference) : t('putaway.adHocTitle')}>
      {task && (
        <p className="progress-text" data-testid="putaway-progress">
          {t('putaway.progress', task.lines.filter((l) => l.done >= l.needed).length, task.lines.length, task.lines.reduce((s, l) => s + l.done, 0), task.lines.reduce((s, l) => s + l.needed, 0))}
        </p>
      )}
      <p className="expect" data-testid="expect" aria-live="polite">
        {prompt}
      </p>
      {product && (current || inHand) && (
        <p className="line-detail" data-testid="current-line">
          {current ? t('putaway.line', product.name, product.sku, current.done, current.needed, product.unit) : `${product.name} · ${product.sku}`}
          {inHand?.lot ? t('putaway.lot', inHand.lot) : ''}
          {inHand?.suggestion ? t('putaway.suggested', inHand.suggestion.binCode) : ''}
        </p>
      )}
      <FlowAnswer steps={steps} />
      {!finished && (task === null || current) && (
        <>
          <CodeEntry />
          {inHand?.asking && (
            <LotEntry
              key={`${inHand.product.id}|${inHand.lineNo}`}
              question={{ productName: inHand.product.name, askLot: inHand.lot === null, askExpiry: inHand.product.expiryTracked && inHand.expiry === null }}
              onFail={fail}
              onEnter={(facts) => run(() => takeItem(current, inHand.product, facts.lot ?? inHand.lot, facts.expiry ?? inHand.expiry, Number(qtyText) || 1))}
            />
          )}
          {inHand && !inHand.asking && (
            <div className="form">
              <label htmlFor="qty">{t('putaway.quantity')}</label>
              <input id="qty" inputMode="numeric" value={qtyText} onChange={(e) => setQtyText(e.target.value)} autoComplete="off" />
            </div>
          )}
          <div className="flow-actions">
            <CameraButton on={cameraOn} setOn={setCameraOn} />
            {task && (
              <button type="button" onClick={undoLast} disabled={lastOp === null}>
                {t('common.undoLast')}
              </button>
            )}
          </div>
          <CameraSlot on={cameraOn} onClose={() => setCameraOn(false)} />
        </>
      )}
      {!finished && task && current === null && (
        <div className="flow-actions">
          <button type="button" className="primary" onClick={() => run(async () => { await recordOperation(floorDb, worker, { type: 'task-finished', taskId: taskId! }); succeed(t('putaway.savedDone')); })}>
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
