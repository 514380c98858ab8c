/**
 * Putting away, from a task or ad hoc: the screen shows the putaway machine's state
 * (domain/floor/putawayFlow) and sends it scans and taps through the one flow hook.
 * Before a product scan is decided, the device looks up the lot's known expiry and
 * the bin to suggest; the machine decides with them.
 */
import { useEffect, useState } from 'react';
import type { DeviceSession } from '../../../device/syncState';
import { readPutawayContext, readPutawayFacts } from '../../../device/flowContexts';
import { resolveScan } from '../../../device/scanResolver';
import { currentPutawayLine, itemInHand, itemOfScan, putawayStep, startPutaway, type PutawayContext, type PutawayEvent, type PutawayNote, type PutawayState } from '../../../domain/floor/putawayFlow';
import { floorDb } from '../../floor';
import { useAppStore } from '../../store/appStore';
import { Problem, Screen } from '../../components/Screen';
import { useT } from '../../i18n/useT';
import { useTaskFlow, type FlowDefinition } from '../flows/useTaskFlow';
import { CodeEntry, DeviationPrompt, TaskFlowAnswerView, useSharedNoteWords } from '../flows/FlowParts';
import { CameraButton, CameraSlot } from '../camera/CameraSlot';
import { LotEntry } from '../flows/LotEntry';

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

  return (
    <Screen title={context.reference ? t('putaway.title', context.reference) : t('putaway.adHocTitle')}>
      {lines && (
        <p className="progress-text" data-testid="putaway-progress">
          {t('putaway.progress', lines.filter((l) => l.done >= l.needed).length, lines.length, lines.reduce((s, l) => s + l.done, 0), lines.reduce((s, l) => s + l.needed, 0))}
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
      <TaskFlowAnswerView answer={flow.answer} />
      {state.question && <DeviationPrompt question={state.question} onConfirm={() => flow.tap({ type: 'confirm' })} onCancel={() => flow.tap({ type: 'cancel' })} />}
      {!finished && (lines === null || current) && (
        <>
          {/* Right under the prompt and the answer, where the eyes are while aiming. */}
          <CameraSlot on={cameraOn} onClose={() => setCameraOn(false)} />
          <CodeEntry />
          {inHand?.asking && (
            <LotEntry
              key={`${inHand.product.id}|${inHand.lineNo}`}
              question={{ productName: inHand.product.name, askLot: inHand.lot === null, askExpiry: inHand.product.expiryTracked && inHand.expiry === null }}
              onFail={flow.refuse}
              onEnter={(facts) => flow.tap({ type: 'lot', lot: facts.lot ?? null, expiry: facts.expiry ?? null, facts: null })}
            />
          )}
          {inHand && !inHand.asking && (
            <div className="form">
              <label htmlFor="qty">{`${t('putaway.quantity')} · ${inHand.product.name}`}</label>
              <input
                id="qty"
                inputMode="numeric"
                value={qtyText}
                onChange={(e) => {
                  setQtyText(e.target.value);
                  flow.edit({ type: 'edit-quantity', text: e.target.value });
                }}
                autoComplete="off"
              />
            </div>
          )}
          <div className="flow-actions">
            <CameraButton on={cameraOn} setOn={setCameraOn} />
            <button type="button" onClick={undoLast} disabled={context.lastOpId === null}>
              {t('common.undoLast')}
            </button>
          </div>
        </>
      )}
      {!finished && lines && current === null && (
        <div className="flow-actions">
          <button type="button" className="primary" onClick={() => flow.tap({ type: 'finish' })}>
            {t('putaway.finish')}
          </button>
          <button type="button" onClick={undoLast} disabled={context.lastOpId === null}>
            {t('common.undoLast')}
          </button>
        </div>
      )}
      {finished && (
        <button type="button" className="primary" onClick={() => flow.guarded(() => navigate('/putaway'))}>
          {t('putaway.back')}
        </button>
      )}
    </Screen>
  );
}
