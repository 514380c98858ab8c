/**
 * Counting: the screen shows the count machine's state (domain/floor/countFlow) and
 * sends it scans and taps through the one flow hook. Blind unless the warehouse
 * says otherwise. The bin being counted is kept on the device with every scan. Laid
 * out as every step screen (StepScreen): the chosen line's count as a big counter with
 * - and +, any counted line chosen with a tap or stepped down with its own -1, Submit
 * bin in the thumb zone and "Bin is empty" far from it.
 */
import { useState } from 'react';
import type { DeviceSession } from '../../../device/syncState';
import { readCountContext } from '../../../device/flowContexts';
import { COUNT_FLOW_KEY } from '../../../device/floorOperations';
import { resolveScan } from '../../../device/scanResolver';
import { countStep, sheetOf, startCounting, type CountContext, type CountEvent, type CountItemKey, type CountNote, type CountState } from '../../../domain/floor/countFlow';
import { countOf } from '../../../domain/floor/countSheet';
import type { Product } from '../../../domain/catalog/product';
import { floorDb } from '../../floor';
import { useAppStore } from '../../store/appStore';
import { Screen } from '../../components/Screen';
import { useT } from '../../i18n/useT';
import { useTaskFlow, type FlowDefinition } from '../flows/useTaskFlow';
import { CodeEntry, deviationSlots, useSharedNoteWords } from '../flows/FlowParts';
import { SecondaryButton, StepScreen, type PrimaryAction } from '../flows/StepScreen';
import { QuantityCounter } from '../flows/QuantityCounter';
import { CameraButton, CameraSlot } from '../camera/CameraSlot';
import { LotEntry, LOT_ENTRY_FORM } from '../flows/LotEntry';
import { useNextTask } from '../tasks/useNextTask';
import { CountSheetLines } from './CountSheetLines';

type CountScreenContext = CountContext & { readonly reference: string | null; readonly products: ReadonlyMap<string, Product> };

/** The products whose names the screen shows: counted, first counts, and expected when counts are not blind. */
const productIdsOf = (state: CountState) => (state.sheet ? [...state.sheet.items, ...(state.sheet.firstCount ?? []), ...(state.sheet.recount ?? []), ...state.sheet.book].map((i) => i.productId) : []);

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
  const next = useNextTask('count', taskId, session.user.id, context?.finished === true);

  if (state === undefined || context === undefined || context === null) return <Screen title={t('home.count')}>{t('common.loading')}</Screen>;
  const { bins, finished, products, settings, lastOpId } = context;
  const mine = sheetOf(state, context);
  const other = state.sheet !== null && mine === null ? state.sheet : null;
  const nextBin = bins?.find((b) => !b.counted) ?? null;
  const lastItem = mine ? state.lastItem : null;
  const nameOf = (item: { productId: string; lot: string }) => `${products.get(item.productId)?.name ?? item.productId}${item.lot ? t('count.lot', item.lot) : ''}`;
  const asking = mine ? state.asking : null;
  const recounting = mine !== null && mine.firstCount !== null;

  function submitTyped() {
    // The quantity is for the item the label names now; the machine ignores it if another was scanned since.
    if (lastItem === null) return flow.tap({ type: 'quantity', item: { productId: '', lot: '', expiry: null }, text: typed });
    flow.tap({ type: 'quantity', item: lastItem, text: typed });
    setTyped('');
  }
  const step = (item: CountItemKey | null, delta: 1 | -1) => item && flow.edit({ type: 'step', item, delta });

  const prompt = finished
    ? t('count.taskDone')
    : mine
      ? asking
        ? t('lot.prompt', asking.product.name)
        : recounting
          ? t('count.recountBin', mine.binCode)
          : t('count.scanEachItem', mine.binCode)
      : bins
        ? nextBin
          ? t('count.scanBin', nextBin.binCode)
          : t('count.allBinsCounted')
        : t('count.scanTheBin');

  const primary: PrimaryAction =
    mine && state.question
      ? { label: t('flow.confirm'), onTap: () => flow.tap({ type: 'confirm' }) }
      : asking
        ? { label: t('lot.confirm'), onTap: null, form: LOT_ENTRY_FORM }
        : mine
          ? // A number typed and not set yet would be lost: Submit waits until it is set (or cleared).
            { label: t('count.submitBin'), onTap: typed.trim() === '' ? () => flow.tap({ type: 'submit', binCode: mine.binCode }) : null }
            : finished
              ? next
                ? { label: t('count.nextTask'), onTap: () => flow.guarded(() => navigate('/count', `task=${encodeURIComponent(next.id)}`)) }
                : { label: t('count.back'), onTap: () => flow.guarded(() => navigate('/count')) }
              : bins && !nextBin
                ? { label: t('count.finishTask'), onTap: () => flow.tap({ type: 'finish' }) }
                : { label: t('flow.waitingForScan'), onTap: null };

  const secondary =
    mine && state.question ? (
      <SecondaryButton label={t('flow.cancel')} onTap={() => flow.tap({ type: 'cancel' })} />
    ) : other ? (
      <SecondaryButton label={t('count.discard', other.binCode)} onTap={() => flow.tap({ type: 'discard', binCode: other.binCode })} danger />
    ) : finished ? (
      next ? <SecondaryButton label={t('count.back')} onTap={() => flow.guarded(() => navigate('/count'))} /> : null
    ) : (
      <>
        <CameraButton on={cameraOn} setOn={setCameraOn} />
        {mine && <SecondaryButton label={t('count.binIsEmpty')} onTap={() => flow.tap({ type: 'empty', binCode: mine.binCode })} danger />}
        {bins && !mine && <SecondaryButton label={t('count.undoLastBin')} onTap={() => lastOpId && flow.tap({ type: 'undo', opId: lastOpId })} disabled={lastOpId === null} />}
      </>
    );

  const book = mine && lastItem ? mine.book.filter((b) => b.productId === lastItem.productId && b.lot === lastItem.lot).reduce((sum, b) => sum + b.qty, 0) : 0;
  const counted = mine && lastItem ? countOf(mine, lastItem) : null;
  const counter = (
    <QuantityCounter
      testId="count-counter"
      count={counted === null ? '–' : settings.blindCount ? String(counted) : `${counted} / ${book}`}
      caption={lastItem ? nameOf(lastItem) : mine ? t('count.scanAnItem') : t('count.noBinYet')}
      stepper={{
        id: 'qty',
        label: t('count.quantityOf', lastItem ? nameOf(lastItem) : ''),
        caption: t('count.typeCaption'),
        value: typed,
        onType: setTyped,
        onMinus: () => step(lastItem, -1),
        onPlus: () => step(lastItem, 1),
        minusDisabled: counted === null || counted <= 0,
        plusDisabled: lastItem === null,
        onEnter: submitTyped,
        apply: { label: t('count.setQuantity'), onApply: submitTyped },
        disabled: mine === null || asking !== null || state.question !== null,
      }}
    />
  );

  const body = !finished && (
    <>
      <CameraSlot on={cameraOn} onClose={() => setCameraOn(false)} />
      {mine && asking && (
        <LotEntry
          key={asking.product.id}
          question={{ productName: asking.product.name, askLot: asking.lot === null, askExpiry: asking.product.expiryTracked && asking.expiry === null }}
          onFail={flow.refuse}
          onEnter={(facts) => flow.tap({ type: 'lot', lot: facts.lot ?? null, expiry: facts.expiry ?? null })}
        />
      )}
      {mine && (
        <CountSheetLines
          sheet={mine}
          blind={settings.blindCount}
          chosen={lastItem}
          nameOf={nameOf}
          onChoose={(item) => flow.edit({ type: 'select', item })}
          onMinus={(item) => step(item, -1)}
        />
      )}
      <CodeEntry />
    </>
  );

  return (
    <StepScreen
      title={context.reference ? t('count.title', context.reference) : t('count.spotTitle')}
      progress={bins ? t('count.progress', bins.filter((b) => b.counted).length, bins.length) : null}
      progressTestId={bins ? 'count-progress' : undefined}
      prompt={prompt}
      {...deviationSlots(flow.answer, (mine ? state.question : null))}
      body={body}
      secondary={secondary}
      counter={counter}
      primary={primary}
    />
  );
}
