/**
 * Counting: a count task's bins in walk order, or a spot count of any bin. Blind:
 * the expected quantity is not shown. Each item scan is +1 (a case: its pack); a typed
 * quantity replaces the running count of the last item; the running count is kept on
 * the device with every scan, so a reload resumes it. Submitting asks for one recount
 * when the count is far off; "Bin is empty" records a zero count.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { DeviceSession } from '../../../device/syncState';
import { readTaskAtHand, readWarehouseSettings } from '../../../device/taskWork';
import { dropCountDraft, readCountDraft, recordOperation, saveCountDraft } from '../../../device/floorOperations';
import { productByGtin, productsByIds } from '../../../device/lookup';
import { countScan, emptyBinCount, setCount, startCount, submitCount, type CountSheet } from '../../../domain/floor/countSheet';
import { inWalkOrder } from '../../../domain/floor/walkOrder';
import { checkQuantity } from '../../../domain/floor/quantity';
import { missingLotFacts } from '../../../domain/floor/lotEntry';
import type { Product } from '../../../domain/catalog/product';
import type { WarehouseSettings } from '../../../domain/floor/warehouseSettings';
import type { Scan } from '../../../scanning/scan';
import { onScan } from '../../../scanning/scanBus';
import { floorDb } from '../../floor';
import { useLiveQuery } from '../../hooks/useLiveQuery';
import { useAppStore } from '../../store/appStore';
import { Screen } from '../../components/Screen';
import { useT } from '../../i18n/useT';
import { useFlowSteps } from '../flows/useFlowSteps';
import { CameraButton, CameraSlot, CodeEntry, FlowAnswer } from '../flows/FlowParts';
import { LotEntry } from '../flows/LotEntry';

interface CountView {
  readonly draft: CountSheet | null;
  /** The task's bins in walk order, with whether each was counted here. */
  readonly bins: readonly { lineNo: number; binCode: string; counted: boolean }[] | null;
  readonly finished: boolean;
  /** The task's last step on this device, which Undo takes back. */
  readonly lastOp: string | null;
  readonly reference: string | null;
  readonly products: ReadonlyMap<string, Product>;
  readonly settings: WarehouseSettings;
}

/** What a scan is decided on: the open count and the task's bins. */
async function readCountState(taskId: string | null): Promise<Omit<CountView, 'products' | 'settings'>> {
  const draft = await readCountDraft(floorDb);
  const atHand = taskId ? await readTaskAtHand(floorDb, taskId) : null;
  const bins = atHand
    ? inWalkOrder(atHand.task.lines.map((l) => ({ lineNo: l.lineNo, binCode: l.binCode ?? '', walkSeq: atHand.bins.get(l.binCode ?? '')?.walkSeq ?? null }))).map((l) => ({
        lineNo: l.lineNo,
        binCode: l.binCode,
        counted: (atHand.progress?.lines[l.lineNo]?.done ?? 0) > 0,
      }))
    : null;
  return { draft, bins, finished: atHand?.progress?.finished === true, lastOp: atHand?.progress?.opIds.at(-1) ?? null, reference: atHand?.task.reference ?? null };
}

/** What the screen shows: the state, the warehouse's settings, and the names of the products counted (and expected, when counts are not blind). */
async function readCountView(taskId: string | null): Promise<CountView> {
  const [state, settings] = await Promise.all([readCountState(taskId), readWarehouseSettings(floorDb)]);
  const draft = state.draft;
  const ids = draft ? [...draft.items, ...(draft.firstCount ?? []), ...(settings.blindCount ? [] : draft.book)].map((i) => i.productId) : [];
  return { ...state, settings, products: await productsByIds(floorDb, ids) };
}

export function CountScreen({ taskId, session }: { taskId: string | null; session: DeviceSession }) {
  const navigate = useAppStore((s) => s.navigate);
  const t = useT();
  const view = useLiveQuery(() => readCountView(taskId), [taskId], undefined);
  const steps = useFlowSteps();
  const { fail, succeed, run } = steps;
  const [typed, setTyped] = useState('');
  const [cameraOn, setCameraOn] = useState(false);
  /** An item scanned whose lot or expiry must still be typed (its label has no GS1 code). */
  const [asking, setAsking] = useState<{ product: Product; packQty: number; lot: string | null; expiry: string | null } | null>(null);
  const worker = { userId: session.user.id, warehouseId: session.warehouse?.id ?? '' };


  async function handle(scan: Scan): Promise<void> {
    const { draft, bins } = await readCountState(taskId);
    const meaning = scan.meaning;
    if (meaning.kind === 'invalid') return fail(meaning.error.why);
    if (draft === null || draft.taskId !== taskId) {
      if (draft !== null) return fail(t('count.elsewhere', draft.binCode));
      if (meaning.kind !== 'bin-code') return fail(bins ? t('count.scanBinFirst', bins.find((b) => !b.counted)?.binCode ?? '') : t('count.scanTheBinFirst'));
      const next = bins?.find((b) => !b.counted);
      if (bins && next?.binCode !== meaning.binCode) return fail(next ? t('count.wrongBin', meaning.binCode, next.binCode) : t('count.allCounted'));
      const bin = await floorDb.bins.get(meaning.binCode);
      if (!bin) return fail(t('count.unknownBin', meaning.binCode));
      await saveCountDraft(floorDb, startCount(bin.code, next ? { taskId: taskId!, lineNo: next.lineNo } : null, bin.stock, new Date().toISOString()));
      return succeed(t('count.binStarted', bin.code));
    }
    if (meaning.kind === 'bin-code') return meaning.binCode === draft.binCode ? succeed(t('count.binConfirmed', draft.binCode)) : fail(t('count.finishBinFirst', draft.binCode));
    let product: Product | undefined;
    let packQty = 1;
    for (const reading of meaning.readings) {
      product = await productByGtin(floorDb, reading.gtin);
      const code = product?.codes.find((c) => c.gtin === reading.gtin);
      if (product && code) {
        packQty = code.packQty;
        break;
      }
    }
    if (!product) return fail(t('count.unknownProduct'));
    const gs1 = meaning.kind === 'gs1' ? meaning.gs1 : null;
    // The lot: from the GS1 label, else the one lot of this product the bin holds; else asked.
    const bookLots = draft.book.filter((b) => b.productId === product.id);
    const lot = !product.lotTracked ? '' : (gs1?.lot ?? (bookLots.length === 1 ? bookLots[0]!.lot : null));
    const known = [...draft.items, ...draft.book].find((b) => b.productId === product.id && b.lot === lot);
    const expiry = gs1?.expiry ?? known?.expiry ?? null;
    const missing = missingLotFacts(product, { lot, expiry });
    if (missing.lot || missing.expiry) {
      setAsking({ product, packQty, lot, expiry });
      return succeed(`${product.name} ✓`);
    }
    await countItem(draft, product, lot ?? '', expiry, packQty);
  }

  async function countItem(draft: CountSheet, product: Product, lot: string, expiry: string | null, packQty: number): Promise<void> {
    setAsking(null);
    await saveCountDraft(floorDb, countScan(draft, { productId: product.id, lot, expiry }, packQty));
    succeed(`+${packQty} ${product.name}`);
  }

  useEffect(() => onScan((scan) => run(() => handle(scan))), [taskId]); // eslint-disable-line react-hooks/exhaustive-deps

  if (view === undefined) return <Screen title={t('home.count')}>{t('common.loading')}</Screen>;
  const { draft, bins, finished, products, lastOp, settings } = view;
  const mine = draft !== null && draft.taskId === taskId ? draft : null;
  const next = bins?.find((b) => !b.counted) ?? null;
  const lastItem = mine?.items.at(-1) ?? null;

  function submitTyped(event: FormEvent) {
    event.preventDefault();
    if (mine === null || lastItem === null) return fail(t('count.scanItemFirst'));
    const qty = checkQuantity(typed, { max: null, allowZero: true });
    if (!qty.ok) return fail(qty.why);
    run(async () => {
      await saveCountDraft(floorDb, setCount(mine, lastItem, qty.qty));
      setTyped('');
      succeed(`${products.get(lastItem.productId)?.name ?? lastItem.productId}: ${qty.qty}`);
    });
  }

  function submitBin() {
    if (mine === null) return;
    const outcome = submitCount(mine, settings.recountThreshold);
    if (outcome.kind === 'recount') {
      run(async () => {
        await saveCountDraft(floorDb, outcome.sheet);
        fail(t('count.recount', outcome.itemsOff));
      });
      return;
    }
    run(async () => {
      await recordOperation(floorDb, worker, outcome.op, new Date(), 'countDraft');
      succeed(t('count.savedCounted', mine.binCode));
    });
  }

  function binIsEmpty() {
    if (mine === null) return;
    run(async () => {
      await recordOperation(floorDb, worker, emptyBinCount(mine), new Date(), 'countDraft');
      succeed(t('count.savedEmpty', mine.binCode));
    });
  }

  const prompt = finished
    ? t('count.taskDone')
    : mine
      ? asking
        ? t('lot.prompt', asking.product.name)
        : t('count.scanEachItem', mine.binCode, mine.firstCount !== null)
      : bins
        ? next
          ? t('count.scanBin', next.binCode)
          : t('count.allBinsCounted')
        : t('count.scanTheBin');

  return (
    <Screen title={view.reference ? t('count.title', view.reference) : t('count.spotTitle')}>
      {bins && (
        <p className="progress-text" data-testid="count-progress">
          {t('count.progress', bins.filter((b) => b.counted).length, bins.length)}
        </p>
      )}
      <p className="expect" data-testid="expect" aria-live="polite">
        {prompt}
      </p>
      <FlowAnswer steps={steps} />
      {draft !== null && mine === null && (
        <button type="button" className="danger-soft" onClick={() => run(async () => dropCountDraft(floorDb))}>
          {t('count.discard', draft.binCode)}
        </button>
      )}
      {!finished && (
        <>
          <CodeEntry />
          {mine && asking && (
            <LotEntry
              key={asking.product.id}
              question={{ productName: asking.product.name, askLot: asking.lot === null, askExpiry: asking.product.expiryTracked && asking.expiry === null }}
              onFail={fail}
              onEnter={(facts) =>
                run(async () => {
                  const fresh = await readCountDraft(floorDb);
                  if (fresh) await countItem(fresh, asking.product, facts.lot ?? asking.lot ?? '', facts.expiry ?? asking.expiry, asking.packQty);
                })
              }
            />
          )}
          {mine && (
            <>
              {!settings.blindCount && (
                <ul className="counted expected" aria-label={t('count.expectedHere')} data-testid="expected">
                  {mine.book.map((line) => (
                    <li key={`${line.productId}|${line.lot}`}>
                      <span>
                        {products.get(line.productId)?.name ?? line.productId}
                        {line.lot ? t('count.lot', line.lot) : ''}
                      </span>
                      <strong>{line.qty}</strong>
                    </li>
                  ))}
                </ul>
              )}
              <ul className="counted" aria-label={t('count.countedSoFar')} data-testid="counted">
                {mine.items.map((item) => (
                  <li key={`${item.productId}|${item.lot}`}>
                    <span>
                      {products.get(item.productId)?.name ?? item.productId}
                      {item.lot ? t('count.lot', item.lot) : ''}
                      {item.unexpected ? t('count.unexpected') : ''}
                    </span>
                    <strong>{item.qty}</strong>
                  </li>
                ))}
              </ul>
              <form className="form inline" onSubmit={submitTyped}>
                <label htmlFor="qty">{t('count.quantityOf', lastItem ? (products.get(lastItem.productId)?.name ?? lastItem.productId) : '')}</label>
                <input id="qty" inputMode="numeric" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
                <button type="submit">{t('count.setQuantity')}</button>
              </form>
              <div className="flow-actions">
                <button type="button" className="primary" onClick={submitBin}>
                  {t('count.submitBin')}
                </button>
                <button type="button" onClick={binIsEmpty}>
                  {t('count.binIsEmpty')}
                </button>
              </div>
            </>
          )}
          <div className="flow-actions">
            <CameraButton on={cameraOn} setOn={setCameraOn} />
            {bins && !mine && (
              <button type="button" onClick={() => run(async () => { if (lastOp === null) return; await recordOperation(floorDb, worker, { type: 'undo', undoesOpId: lastOp }); succeed(t('count.savedUndone')); })} disabled={lastOp === null}>
                {t('count.undoLastBin')}
              </button>
            )}
            {bins && !next && !mine && (
              <button type="button" className="primary" onClick={() => run(async () => { await recordOperation(floorDb, worker, { type: 'task-finished', taskId: taskId! }); succeed(t('count.savedDone')); })}>
                {t('count.finishTask')}
              </button>
            )}
          </div>
          <CameraSlot on={cameraOn} onClose={() => setCameraOn(false)} />
        </>
      )}
      {finished && (
        <button type="button" className="primary" onClick={() => navigate('/count')}>
          {t('count.back')}
        </button>
      )}
    </Screen>
  );
}
