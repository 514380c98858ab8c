/**
 * Picking one list: the screen shows the pick machine's state (domain/floor/pickFlow)
 * and sends it scans and taps through the one flow hook; the machine decides, the
 * device records. Works with no network.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { DeviceSession } from '../../../device/syncState';
import { readPickContext } from '../../../device/flowContexts';
import { resolveScan } from '../../../device/scanResolver';
import { lotToPick } from '../../../domain/floor/pickLine';
import { currentPickLine, pickStep, startPick, type PickContext, type PickEvent, type PickNote, type PickState } from '../../../domain/floor/pickFlow';
import type { ShortReason } from '../../../domain/floor/operations';
import { floorDb } from '../../floor';
import { useAppStore } from '../../store/appStore';
import { Problem, Screen } from '../../components/Screen';
import { useT } from '../../i18n/useT';
import { useTaskFlow, type FlowDefinition } from '../flows/useTaskFlow';
import { CodeEntry, DeviationPrompt, TaskFlowAnswerView, useSharedNoteWords } from '../flows/FlowParts';
import { CameraButton, CameraSlot } from '../camera/CameraSlot';

const SHORT_REASONS: readonly ShortReason[] = ['not-found', 'damaged', 'less-than-expected'];

type PickScreenContext = PickContext & { readonly reference: string };

function usePickDefinition(taskId: string): FlowDefinition<PickState, PickScreenContext, PickEvent, PickNote> {
  const t = useT();
  const sharedWords = useSharedNoteWords();
  return {
    stateKey: `flow:pick:${taskId}`,
    start: startPick,
    readContext: () => readPickContext(floorDb, taskId),
    step: pickStep,
    scanEvent: async (scan) => ({ type: 'scan', code: await resolveScan(floorDb, scan.meaning, scan.text) }),
    word: (note) => {
      switch (note.kind) {
        case 'bin-confirmed':
          return `${note.bin} ✓`;
        case 'picked':
          return `${t('pick.savedUnits', note.qty, note.unit)}${note.proposedLot ? ` (${note.lot} ≠ ${note.proposedLot})` : ''}`;
        case 'short-saved':
          return t('pick.savedShort', note.qty);
        case 'finished':
          return t('pick.savedFinished');
        case 'undone':
          return t('common.undone');
        case 'every-line-done':
          return t('pick.everyLineDone');
        case 'line-not-on-device':
          return t('pick.lineNotOnDevice');
        case 'confirm-deviation':
        case 'answer-first':
        case 'cancelled':
          return sharedWords(note);
      }
    },
  };
}

export function PickScreen({ taskId, session }: { taskId: string; session: DeviceSession }) {
  const navigate = useAppStore((s) => s.navigate);
  const t = useT();
  const worker = { userId: session.user.id, warehouseId: session.warehouse?.id ?? '' };
  const flow = useTaskFlow(usePickDefinition(taskId), worker, [taskId]);
  const [typed, setTyped] = useState('');
  const [askingShort, setAskingShort] = useState(false);
  const [cameraOn, setCameraOn] = useState(false);
  const { state, context } = flow;
  const current = context ? currentPickLine(context) : null;
  // A quantity typed for a line is cleared once that line's count changed (the step was saved).
  useEffect(() => setTyped(''), [current?.lineNo, current?.done]);

  if (state === undefined || context === undefined) return <Screen title={t('home.pick')}>{t('common.loading')}</Screen>;
  if (context === null) return <Screen title={t('home.pick')}><Problem message={t('pick.notOnDevice')} /></Screen>;
  const finished = context.finished;
  const product = current?.product ?? null;
  const unitsDone = context.lines.reduce((sum, line) => sum + line.done, 0);
  const unitsNeeded = context.lines.reduce((sum, line) => sum + line.needed, 0);
  // First expiry, first out: the lot to take, shown before the item is scanned.
  const fefo =
    current && product && current.binStock && current.binCode && (product.lotTracked || product.expiryTracked)
      ? lotToPick({ binCode: current.binCode, product, needed: current.needed, done: current.done, binStock: current.binStock, today: context.today }, null)
      : null;

  function submitTyped(event: FormEvent) {
    event.preventDefault();
    if (current !== null) flow.tap({ type: 'quantity', lineNo: current.lineNo, seenDone: current.done, text: typed });
  }

  const prompt = finished
    ? t('pick.listPicked')
    : current === null
      ? t('pick.allDone')
      : state.confirmedLine === current.lineNo
        ? t('pick.scanItem', product?.name ?? '')
        : t('pick.scanBin', current.binCode ?? '?');

  return (
    <Screen title={t('pick.title', context.reference)}>
      <p className="progress-text" data-testid="pick-progress">
        {t('pick.progress', context.lines.filter((l) => l.closed).length, context.lines.length, unitsDone, unitsNeeded)}
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
      <TaskFlowAnswerView answer={flow.answer} />
      {state.question && <DeviationPrompt question={state.question} onConfirm={() => flow.tap({ type: 'confirm' })} onCancel={() => flow.tap({ type: 'cancel' })} />}
      {!finished && current && (
        <>
          {/* Right under the prompt and the answer, where the eyes are while aiming. */}
          <CameraSlot on={cameraOn} onClose={() => setCameraOn(false)} />
          <CodeEntry />
          <form className="form inline" onSubmit={submitTyped}>
            <label htmlFor="qty">{product ? t('pick.quantityOf', product.name) : t('pick.quantity')}</label>
            <input id="qty" inputMode="numeric" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
            <button type="submit">{t('pick.confirmQuantity')}</button>
          </form>
          <div className="flow-actions">
            <CameraButton on={cameraOn} setOn={setCameraOn} />
            <button type="button" onClick={() => setAskingShort(!askingShort)} aria-expanded={askingShort}>
              {t('pick.short')}
            </button>
            <button type="button" onClick={() => context.lastOpId && flow.tap({ type: 'undo', opId: context.lastOpId })} disabled={context.lastOpId === null}>
              {t('common.undoLast')}
            </button>
          </div>
          {askingShort && (
            <div className="flow-actions" role="group" aria-label={t('pick.shortWhy')}>
              {SHORT_REASONS.map((reason) => (
                <button
                  key={reason}
                  type="button"
                  className="danger-soft"
                  onClick={() => {
                    setAskingShort(false);
                    flow.tap({ type: 'short', lineNo: current.lineNo, reason });
                  }}
                >
                  {t(`short.${reason}`)}
                </button>
              ))}
            </div>
          )}
        </>
      )}
      {!finished && current === null && (
        <div className="flow-actions">
          <button type="button" className="primary" onClick={() => flow.tap({ type: 'finish' })}>
            {t('pick.finish')}
          </button>
          <button type="button" onClick={() => context.lastOpId && flow.tap({ type: 'undo', opId: context.lastOpId })} disabled={context.lastOpId === null}>
            {t('common.undoLast')}
          </button>
        </div>
      )}
      {finished && (
        <button type="button" className="primary" onClick={() => flow.guarded(() => navigate('/pick'))}>
          {t('pick.back')}
        </button>
      )}
      <ol className="pick-lines" aria-label={t('pick.linesInOrder')}>
        {context.lines.map((line) => (
          <li key={line.lineNo} className={line === current ? 'current' : line.closed ? 'closed' : ''}>
            <span>{line.binCode}</span>
            <span>{line.product?.name ?? ''}</span>
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
