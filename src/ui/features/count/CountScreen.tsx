/**
 * Counting: the screen shows the count machine's state (domain/floor/countFlow) and
 * sends it scans and taps through the one flow hook. Blind unless the warehouse
 * says otherwise. The bin being counted is kept on the device with every scan.
 */
import { useState, type FormEvent } from 'react';
import type { DeviceSession } from '../../../device/syncState';
import { readCountContext } from '../../../device/flowContexts';
import { COUNT_FLOW_KEY } from '../../../device/floorOperations';
import { resolveScan } from '../../../device/scanResolver';
import { countStep, sheetOf, startCounting, type CountContext, type CountEvent, type CountNote, type CountState } from '../../../domain/floor/countFlow';
import type { Product } from '../../../domain/catalog/product';
import { floorDb } from '../../floor';
import { useAppStore } from '../../store/appStore';
import { Screen } from '../../components/Screen';
import { useT } from '../../i18n/useT';
import { useTaskFlow, type FlowDefinition } from '../flows/useTaskFlow';
import { CodeEntry, DeviationPrompt, TaskFlowAnswerView, useSharedNoteWords } from '../flows/FlowParts';
import { CameraButton, CameraSlot } from '../camera/CameraSlot';
import { LotEntry } from '../flows/LotEntry';

type CountScreenContext = CountContext & { readonly reference: string | null; readonly products: ReadonlyMap<string, Product> };

/** The products whose names the screen shows: counted, first counts, and expected when counts are not blind. */
const productIdsOf = (state: CountState) => (state.sheet ? [...state.sheet.items, ...(state.sheet.firstCount ?? []), ...state.sheet.book].map((i) => i.productId) : []);

function useCountDefinition(taskId: string | null): FlowDefinition<CountState, CountScreenContext, CountEvent, CountNote> {
  const t = useT();
  const sharedWords = useSharedNoteWords();
  return {
    stateKey: COUNT_FLOW_KEY,
    start: startCounting,
    readContext: (state) => readCountContext(floorDb, taskId, productIdsOf(state)),
    step: countStep,
    scanEvent: async (scan) => ({ type: 'scan', code: await resolveScan(floorDb, scan.meaning, scan.text) }),
    word: (note) => {
      switch (note.kind) {
        case 'bin-started':
          return t('count.binStarted', note.bin);
        case 'bin-confirmed':
          return t('count.binConfirmed', note.bin);
        case 'counted':
          return `+${note.qty} ${note.productName}`;
        case 'lot-needed':
          return `${note.productName} ✓`;
        case 'set':
          return `${note.productName}: ${note.qty}`;
        case 'recount':
          return t('count.recount', note.itemsOff);
        case 'saved-counted':
          return t('count.savedCounted', note.bin);
        case 'saved-empty':
          return t('count.savedEmpty', note.bin);
        case 'discarded':
          return t('flow.cancelled');
        case 'undone':
          return t('count.savedUndone');
        case 'finished':
          return t('count.savedDone');
        case 'elsewhere':
          return t('count.elsewhere', note.bin);
        case 'scan-bin-first':
          return note.bin ? t('count.scanBinFirst', note.bin) : t('count.scanTheBinFirst');
        case 'wrong-bin':
          return t('count.wrongBin', note.scanned, note.expected);
        case 'all-counted':
          return t('count.allCounted');
        case 'finish-bin-first':
          return t('count.finishBinFirst', note.bin);
        case 'scan-item-first':
          return t('count.scanItemFirst');
        case 'confirm-deviation':
        case 'answer-first':
        case 'cancelled':
          return sharedWords(note);
      }
    },
  };
}

export function CountScreen({ taskId, session }: { taskId: string | null; session: DeviceSession }) {
  const navigate = useAppStore((s) => s.navigate);
  const t = useT();
  const worker = { userId: session.user.id, warehouseId: session.warehouse?.id ?? '' };
  const flow = useTaskFlow(useCountDefinition(taskId), worker, [taskId]);
  const [typed, setTyped] = useState('');
  const [cameraOn, setCameraOn] = useState(false);
  const { state, context } = flow;

  if (state === undefined || context === undefined || context === null) return <Screen title={t('home.count')}>{t('common.loading')}</Screen>;
  const { bins, finished, products, settings, lastOpId } = context;
  const mine = sheetOf(state, context);
  const other = state.sheet !== null && mine === null ? state.sheet : null;
  const next = bins?.find((b) => !b.counted) ?? null;
  const lastItem = mine ? state.lastItem : null;
  const nameOf = (id: string) => products.get(id)?.name ?? id;
  const asking = mine ? state.asking : null;

  function submitTyped(event: FormEvent) {
    event.preventDefault();
    // The quantity is for the item the label names now; the machine ignores it if another was scanned since.
    if (lastItem === null) return flow.tap({ type: 'quantity', item: { productId: '', lot: '', expiry: null }, text: typed });
    flow.tap({ type: 'quantity', item: lastItem, text: typed });
    setTyped('');
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
    <Screen title={context.reference ? t('count.title', context.reference) : t('count.spotTitle')}>
      {bins && (
        <p className="progress-text" data-testid="count-progress">
          {t('count.progress', bins.filter((b) => b.counted).length, bins.length)}
        </p>
      )}
      <p className="expect" data-testid="expect" aria-live="polite">
        {prompt}
      </p>
      <TaskFlowAnswerView answer={flow.answer} />
      {mine && state.question && <DeviationPrompt question={state.question} onConfirm={() => flow.tap({ type: 'confirm' })} onCancel={() => flow.tap({ type: 'cancel' })} />}
      {other && (
        <button type="button" className="danger-soft" onClick={() => flow.tap({ type: 'discard', binCode: other.binCode })}>
          {t('count.discard', other.binCode)}
        </button>
      )}
      {!finished && (
        <>
          {/* Right under the prompt and the answer, where the eyes are while aiming. */}
          <CameraSlot on={cameraOn} onClose={() => setCameraOn(false)} />
          <CodeEntry />
          {mine && asking && (
            <LotEntry
              key={asking.product.id}
              question={{ productName: asking.product.name, askLot: asking.lot === null, askExpiry: asking.product.expiryTracked && asking.expiry === null }}
              onFail={flow.refuse}
              onEnter={(facts) => flow.tap({ type: 'lot', lot: facts.lot ?? null, expiry: facts.expiry ?? null })}
            />
          )}
          {mine && (
            <>
              {!settings.blindCount && (
                <ul className="counted expected" aria-label={t('count.expectedHere')} data-testid="expected">
                  {mine.book.map((line) => (
                    <li key={`${line.productId}|${line.lot}`}>
                      <span>
                        {nameOf(line.productId)}
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
                      {nameOf(item.productId)}
                      {item.lot ? t('count.lot', item.lot) : ''}
                      {item.unexpected ? t('count.unexpected') : ''}
                    </span>
                    <strong>{item.qty}</strong>
                  </li>
                ))}
              </ul>
              <form className="form inline" onSubmit={submitTyped}>
                <label htmlFor="qty">{t('count.quantityOf', lastItem ? `${nameOf(lastItem.productId)}${lastItem.lot ? t('count.lot', lastItem.lot) : ''}` : '')}</label>
                <input id="qty" inputMode="numeric" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
                <button type="submit">{t('count.setQuantity')}</button>
              </form>
              <div className="flow-actions">
                <button type="button" className="primary" onClick={() => flow.tap({ type: 'submit', binCode: mine.binCode })}>
                  {t('count.submitBin')}
                </button>
                <button type="button" onClick={() => flow.tap({ type: 'empty', binCode: mine.binCode })}>
                  {t('count.binIsEmpty')}
                </button>
              </div>
            </>
          )}
          <div className="flow-actions">
            <CameraButton on={cameraOn} setOn={setCameraOn} />
            {bins && !mine && (
              <button type="button" onClick={() => lastOpId && flow.tap({ type: 'undo', opId: lastOpId })} disabled={lastOpId === null}>
                {t('count.undoLastBin')}
              </button>
            )}
            {bins && !next && !mine && (
              <button type="button" className="primary" onClick={() => flow.tap({ type: 'finish' })}>
                {t('count.finishTask')}
              </button>
            )}
          </div>
        </>
      )}
      {finished && (
        <button type="button" className="primary" onClick={() => flow.guarded(() => navigate('/count'))}>
          {t('count.back')}
        </button>
      )}
    </Screen>
  );
}
