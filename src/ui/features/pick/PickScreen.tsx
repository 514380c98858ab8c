/**
 * Picking one list: the screen shows the pick machine's state (domain/floor/pickFlow)
 * and sends it scans and taps through the one flow hook; the machine decides, the
 * device records. Works with no network. Laid out as every step screen (StepScreen):
 * the line's quantity as a big counter, - and + setting how many to confirm, Confirm
 * in the thumb zone; Short pick opens its reasons in a sheet.
 */
import { useEffect, useState } from 'react';
import type { DeviceSession } from '../../../device/syncState';
import { readPickContext } from '../../../device/flowContexts';
import { resolveScan } from '../../../device/scanResolver';
import { lotToPick } from '../../../domain/floor/pickLine';
import { currentPickLine, pickStep, startPick, type PickContext, type PickEvent, type PickNote, type PickState } from '../../../domain/floor/pickFlow';
import { floorDb } from '../../floor';
import { useAppStore } from '../../store/appStore';
import { Problem, Screen } from '../../components/Screen';
import { BinCode, Words } from '../../components/Words';
import { useShowDate, useT } from '../../i18n/useT';
import { useTaskFlow, type FlowDefinition } from '../flows/useTaskFlow';
import { CodeEntry, deviationSlots, useSharedNoteWords } from '../flows/FlowParts';
import { SecondaryButton, StepScreen, type PrimaryAction } from '../flows/StepScreen';
import { QuantityCounter } from '../flows/QuantityCounter';
import { CameraButton, CameraSlot } from '../camera/CameraSlot';
import { useNextTask } from '../tasks/useNextTask';
import { ShortPickSheet } from './ShortPickSheet';

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

/** A typed quantity as a number for + and -: what is not a whole number counts as 0. */
const asCount = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : 0);

export function PickScreen({ taskId, session }: { taskId: string; session: DeviceSession }) {
  const navigate = useAppStore((s) => s.navigate);
  const t = useT();
  const showDate = useShowDate();
  const worker = { userId: session.user.id, warehouseId: session.warehouse?.id ?? '' };
  const flow = useTaskFlow(usePickDefinition(taskId), worker, [taskId]);
  const [typed, setTyped] = useState('');
  const [askingShort, setAskingShort] = useState(false);
  const [cameraOn, setCameraOn] = useState(false);
  const { state, context } = flow;
  const current = context ? currentPickLine(context) : null;
  const next = useNextTask('pick', taskId, session.user.id, context?.finished === true);
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
  const left = current ? Math.max(0, current.needed - current.done) : 0;
  const undo = () => context.lastOpId && flow.tap({ type: 'undo', opId: context.lastOpId });
  const confirmQuantity = () => current !== null && flow.tap({ type: 'quantity', lineNo: current.lineNo, seenDone: current.done, text: typed });

  const prompt = finished
    ? t('pick.listPicked')
    : current === null
      ? t('pick.allDone')
      : state.confirmedLine === current.lineNo
        ? t('pick.scanItem', product?.name ?? '')
        : t('pick.scanBin', current.binCode ?? '?');

  const primary: PrimaryAction = state.question
    ? { label: t('flow.confirm'), onTap: () => flow.tap({ type: 'confirm' }) }
    : finished
      ? next
        ? { label: t('pick.nextList'), onTap: () => flow.guarded(() => navigate('/pick', `task=${encodeURIComponent(next.id)}`)) }
        : { label: t('pick.back'), onTap: () => flow.guarded(() => navigate('/pick')) }
      : current === null
        ? { label: t('pick.finish'), onTap: () => flow.tap({ type: 'finish' }) }
        : { label: t('pick.confirmQuantity'), onTap: confirmQuantity };

  const secondary = state.question ? (
    <SecondaryButton label={t('flow.cancel')} onTap={() => flow.tap({ type: 'cancel' })} />
  ) : finished ? (
    next ? <SecondaryButton label={t('pick.back')} onTap={() => flow.guarded(() => navigate('/pick'))} /> : null
  ) : (
    <>
      {current && <CameraButton on={cameraOn} setOn={setCameraOn} />}
      {current && <SecondaryButton label={t('pick.short')} onTap={() => setAskingShort(true)} expanded={askingShort} danger />}
      <SecondaryButton label={t('common.undoLast')} onTap={undo} disabled={context.lastOpId === null} />
    </>
  );

  const counter =
    current && product ? (
      <QuantityCounter
        testId="pick-counter"
        count={`${current.done} / ${current.needed}`}
        caption={t('pick.counterCaption', product.unit)}
        stepper={{
          id: 'qty',
          label: t('pick.quantityOf', product.name),
          caption: t('pick.nowCaption'),
          value: typed,
          onType: setTyped,
          onMinus: () => setTyped(String(Math.max(0, asCount(typed) - 1))),
          onPlus: () => setTyped(String(Math.min(left, asCount(typed) + 1))),
          minusDisabled: asCount(typed) <= 0,
          plusDisabled: asCount(typed) >= left,
          onEnter: confirmQuantity,
        }}
      />
    ) : (
      <QuantityCounter testId="pick-counter" count={`${unitsDone} / ${unitsNeeded}`} caption={t('pick.unitsCaption')} stepper={null} />
    );

  const body = (
    <>
      {current && product && (
        <div className="line-detail" data-testid="current-line">
          <p className="line-product">
            <Words text={product.name} />
          </p>
          <p className="line-facts">
            <Words text={`${product.sku} · ${t('pick.inBin', current.binCode ?? '')}`} />
          </p>
          {fefo?.kind === 'lot' && fefo.lot && <p className="line-lot">{t('pick.fefoLot', fefo.lot, fefo.expiry ? showDate(fefo.expiry) : '')}</p>}
        </div>
      )}
      {!finished && current && (
        <>
          <CameraSlot on={cameraOn} onClose={() => setCameraOn(false)} />
          <CodeEntry />
        </>
      )}
      <ol className="pick-lines" aria-label={t('pick.linesInOrder')}>
        {context.lines.map((line) => (
          <li key={line.lineNo} className={line === current ? 'current' : line.closed ? 'closed' : ''}>
            <BinCode code={line.binCode ?? ''} />
            <span className="pick-line-name">{line.product?.name ?? ''}</span>
            <span className="pick-line-qty">
              {line.done}/{line.needed}
              {line.short ? t('pick.shortBy', line.short.qty) : ''}
            </span>
          </li>
        ))}
      </ol>
    </>
  );

  return (
    <StepScreen
      title={t('pick.title', context.reference)}
      progress={t('pick.progress', context.lines.filter((l) => l.closed).length, context.lines.length, unitsDone, unitsNeeded)}
      progressTestId="pick-progress"
      prompt={prompt}
      {...deviationSlots(flow.answer, state.question)}
      body={body}
      secondary={secondary}
      counter={counter}
      primary={primary}
      sheet={
        askingShort && current && !state.question ? (
          <ShortPickSheet
            onChoose={(reason) => {
              setAskingShort(false);
              flow.tap({ type: 'short', lineNo: current.lineNo, reason });
            }}
            onClose={() => setAskingShort(false)}
          />
        ) : null
      }
    />
  );
}
