/**
 * Putting away, from a task or ad hoc: the screen shows the putaway machine's state
 * (domain/floor/putawayFlow) and sends it scans and taps through the one flow hook.
 * Before a product scan is decided, the device looks up the lot's known expiry and
 * the bin to suggest; the machine decides with them. Laid out as every step screen
 * (StepScreen): the line's quantity as a big counter, - and + setting how many go into
 * the bin scanned next.
 */
import { useEffect, useState } from 'react';
import type { DeviceSession } from '../../../device/syncState';
import { readPutawayContext, readPutawayFacts } from '../../../device/flowContexts';
import { resolveScan } from '../../../device/scanResolver';
import { currentPutawayLine, itemInHand, itemOfScan, putawayStep, startPutaway, type PutawayContext, type PutawayEvent, type PutawayNote, type PutawayState } from '../../../domain/floor/putawayFlow';
import { floorDb } from '../../floor';
import { useAppStore } from '../../store/appStore';
import { Problem, Screen } from '../../components/Screen';
import { BinCode, Words } from '../../components/Words';
import { useT } from '../../i18n/useT';
import { useTaskFlow, type FlowDefinition } from '../flows/useTaskFlow';
import { CodeEntry, deviationSlots, useSharedNoteWords } from '../flows/FlowParts';
import { SecondaryButton, StepScreen, type PrimaryAction } from '../flows/StepScreen';
import { QuantityCounter } from '../flows/QuantityCounter';
import { CameraButton, CameraSlot } from '../camera/CameraSlot';
import { LotEntry, LOT_ENTRY_FORM } from '../flows/LotEntry';
import { useNextTask } from '../tasks/useNextTask';

type PutawayScreenContext = PutawayContext & { readonly reference: string | null };

function usePutawayDefinition(taskId: string | null, userId: string): FlowDefinition<PutawayState, PutawayScreenContext, PutawayEvent, PutawayNote> {
  const t = useT();
  const sharedWords = useSharedNoteWords();
  return {
    stateKey: `flow:putaway:${taskId ?? 'ad-hoc'}`,
    start: startPutaway,
    readContext: () => readPutawayContext(floorDb, taskId, userId),
    step: putawayStep,
    scanEvent: async (scan, _state, context) => {
      const code = await resolveScan(floorDb, scan.meaning, scan.text);
      const item = itemOfScan(context, code);
      const walkSeq = currentPutawayLine(context)?.walkSeq ?? 0;
      return { type: 'scan', code, facts: item ? await readPutawayFacts(floorDb, item.product, item.lot, walkSeq) : null };
    },
    prepare: async (event, state, context) => {
      const held = itemInHand(state, context);
      if (event.type !== 'lot' || held === null) return event;
      const lot = held.product.lotTracked ? (event.lot ?? held.lot) : '';
      return { ...event, facts: await readPutawayFacts(floorDb, held.product, lot, currentPutawayLine(context)?.walkSeq ?? 0) };
    },
    word: (note) => {
      switch (note.kind) {
        case 'item-taken':
        case 'lot-needed':
          return `${note.productName} ✓`;
        case 'saved':
          return t('putaway.saved', note.qty, note.unit, note.bin, note.overrideOf);
        case 'every-line-done':
          return t('putaway.everyLineDone');
        case 'product-not-on-device':
          return t('putaway.productNotOnDevice');
        case 'scan-item-first':
          return note.productName ? t('putaway.scanItemFirst', note.productName) : t('putaway.scanAnyItem');
        case 'answer-lot-first':
          return t('lot.prompt', note.productName);
        case 'undone':
          return t('common.undone');
        case 'finished':
          return t('putaway.savedDone');
        case 'confirm-deviation':
        case 'answer-first':
        case 'cancelled':
          return sharedWords(note);
      }
    },
  };
}

export function PutawayScreen({ taskId, session }: { taskId: string | null; session: DeviceSession }) {
  const navigate = useAppStore((s) => s.navigate);
  const t = useT();
  const worker = { userId: session.user.id, warehouseId: session.warehouse?.id ?? '' };
  const flow = useTaskFlow(usePutawayDefinition(taskId, session.user.id), worker, [taskId]);
  const [cameraOn, setCameraOn] = useState(false);
  const { state, context } = flow;
  const next = useNextTask('putaway', taskId, session.user.id, context?.finished === true);
  // The field shows what the worker types at once; the machine hears each edit in turn, before any later scan.
  const [qtyText, setQtyText] = useState('');
  const heldKey = state?.item ? `${state.item.product.id}|${state.item.lineNo}|${state.item.asking}|${state.stepNo}` : '';
  useEffect(() => setQtyText(state?.qtyText ?? ''), [heldKey]); // eslint-disable-line react-hooks/exhaustive-deps

  if (state === undefined || context === undefined) return <Screen title={t('home.putaway')}>{t('common.loading')}</Screen>;
  if (context === null) return <Screen title={t('home.putaway')}><Problem message={t('putaway.notOnDevice')} /></Screen>;
  const lines = context.lines;
  const current = currentPutawayLine(context);
  const lineProduct = current?.product ?? null;
  const finished = context.finished;
  const inHand = itemInHand(state, context);
  const product = inHand?.product ?? lineProduct;
  const undoLast = () => context.lastOpId && flow.tap({ type: 'undo', opId: context.lastOpId });
  const prompt = finished
    ? t('putaway.taskDone')
    : lines && current === null
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

  const left = current ? Math.max(0, current.needed - current.done) : null;
  const qtyNow = /^\d+$/.test(qtyText.trim()) ? Number(qtyText.trim()) : 0;
  const editQty = (text: string) => {
    setQtyText(text);
    flow.edit({ type: 'edit-quantity', text });
  };

  const primary: PrimaryAction = state.question
    ? { label: t('flow.confirm'), onTap: () => flow.tap({ type: 'confirm' }) }
    : inHand?.asking
      ? { label: t('lot.confirm'), onTap: null, form: LOT_ENTRY_FORM }
      : finished
        ? next
          ? { label: t('putaway.nextTask'), onTap: () => flow.guarded(() => navigate('/putaway', `task=${encodeURIComponent(next.id)}`)) }
          : { label: t('putaway.back'), onTap: () => flow.guarded(() => navigate('/putaway')) }
        : lines && current === null
          ? { label: t('putaway.finish'), onTap: () => flow.tap({ type: 'finish' }) }
          : { label: inHand ? t('putaway.waitingForBin') : t('flow.waitingForScan'), onTap: null };

  const secondary = state.question ? (
    <SecondaryButton label={t('flow.cancel')} onTap={() => flow.tap({ type: 'cancel' })} />
  ) : finished ? (
    next ? <SecondaryButton label={t('putaway.back')} onTap={() => flow.guarded(() => navigate('/putaway'))} /> : null
  ) : (
    <>
      {(lines === null || current) && <CameraButton on={cameraOn} setOn={setCameraOn} />}
      <SecondaryButton label={t('common.undoLast')} onTap={undoLast} disabled={context.lastOpId === null} />
    </>
  );

  const counter = (
    <QuantityCounter
      testId="putaway-counter"
      count={current ? `${current.done} / ${current.needed}` : inHand ? String(qtyNow) : '–'}
      caption={current && product ? t('putaway.counterCaption', product.unit) : inHand ? t('putaway.toPutAway', inHand.product.unit) : t('putaway.scanAnItem')}
      stepper={{
        id: 'qty',
        label: t('putaway.quantity'),
        caption: t('putaway.nowCaption'),
        value: qtyText,
        onType: editQty,
        onMinus: () => editQty(String(Math.max(1, qtyNow - 1))),
        onPlus: () => editQty(String(left === null ? qtyNow + 1 : Math.min(left, qtyNow + 1))),
        minusDisabled: qtyNow <= 1,
        plusDisabled: left !== null && qtyNow >= left,
        disabled: !inHand || inHand.asking || state.question !== null,
        // The quantity is taken when the bin is scanned: Enter has nothing to do.
        onEnter: () => undefined,
      }}
    />
  );

  const body = (
    <>
      {/* While its lot is asked, the prompt names the item: the fields get the room. */}
      {product && (current || inHand) && !inHand?.asking && (
        <div className="line-detail" data-testid="current-line">
          <p className="line-product">
            <Words text={product.name} />
          </p>
          <p className="line-facts">
            <Words text={`${product.sku}${inHand?.lot ? t('putaway.lot', inHand.lot) : ''}`} />
          </p>
          {inHand?.suggestion && (
            <p className="line-lot">
              {t('putaway.suggested')}
              <BinCode code={inHand.suggestion.binCode} />
            </p>
          )}
        </div>
      )}
      {!finished && (lines === null || current) && (
        <>
          <CameraSlot on={cameraOn} onClose={() => setCameraOn(false)} />
          {inHand?.asking && (
            <LotEntry
              key={`${inHand.product.id}|${inHand.lineNo}`}
              question={{ productName: inHand.product.name, askLot: inHand.lot === null, askExpiry: inHand.product.expiryTracked && inHand.expiry === null }}
              onFail={flow.refuse}
              onEnter={(facts) => flow.tap({ type: 'lot', lot: facts.lot ?? null, expiry: facts.expiry ?? null, facts: null })}
            />
          )}
          <CodeEntry />
        </>
      )}
    </>
  );

  return (
    <StepScreen
      title={context.reference ? t('putaway.title', context.reference) : t('putaway.adHocTitle')}
      progress={lines ? t('putaway.progress', lines.filter((l) => l.done >= l.needed).length, lines.length, lines.reduce((s, l) => s + l.done, 0), lines.reduce((s, l) => s + l.needed, 0)) : null}
      progressTestId={lines ? 'putaway-progress' : undefined}
      prompt={prompt}
      {...deviationSlots(flow.answer, state.question)}
      body={body}
      secondary={secondary}
      counter={counter}
      primary={primary}
    />
  );
}
