/**
 * The one hook every floor flow screen uses: it feeds scans and taps to the flow's
 * pure machine (domain/floor/*Flow), records the step the machine asks for, keeps
 * the machine's state on the device, and gives the one answer.
 *
 * Invariants:
 * - Events are handled one at a time, in the order they came: each decision is made
 *   on what the device holds after the step before it was saved.
 * - Every scan gets exactly one answer. Scans are never dropped, only queued.
 * - One gesture, one step: a tap while another tap is queued or being saved does
 *   nothing, and so does a tap of the same kind (Confirm after Confirm, Undo after
 *   Undo) within DOUBLE_TAP_MS after one that recorded a step, and leaving the screen
 *   within DOUBLE_TAP_MS after any recorded tap (the second tap of a double tap that
 *   lands on the next screen's button). A different control tapped at once is a new
 *   gesture and is taken.
 * - A recorded step, the machine's next state and the outbox entry are written in
 *   one IndexedDB transaction under the step's key. The screen answers once that
 *   transaction is queued and the step is kept in flight in localStorage
 *   (device/stepsInFlight.ts), or else once it committed: what the screen shows is what
 *   a reload at any moment resumes from (a step left in flight is written at the next
 *   start). The next event is decided only after the commit.
 * - A step that only changes the machine's state (a bin confirmed, a count's +1) is
 *   answered the same way, its state kept in flight while it is written.
 * - A step shown and then not written (storage full, or refused when read for because
 *   another tab or a pull changed what the cache held) is answered in red, and the
 *   screen goes back to the state before it.
 *
 * Speed (issue 14): the machine decides on what the device's read cache holds
 * (device/readCache.ts), which after the first event of a task is memory: no read per
 * event, and after a step the screen renders from what the step wrote. The screen's
 * context is the one the last event decided with, and is read again only when a write
 * this page did not make (a pull, another tab) changed what it shows.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import type { Feedback, FlowBase, StepToRecord, Transition } from '../../../domain/floor/flow';
import type { Why } from '../../../domain/why';
import type { Scan } from '../../../scanning/scan';
import { onScan } from '../../../scanning/scanBus';
import { readFlowState, saveFlowState } from '../../../device/flowContexts';
import { keepInFlight } from '../../../device/stepsInFlight';
import { onCacheDropped } from '../../../device/readCache';
import { recordOperation, type WorkerIdentity } from '../../../device/floorOperations';
import { giveFeedback } from '../../feedback/scanFeedback';
import { readPreferences } from '../../preferences';
import { useSay } from '../../i18n/useT';
import { floorDb } from '../../floor';

/** Taps closer together than this after a saved step are one gesture (a double tap). */
export const DOUBLE_TAP_MS = 400;

/** `busy` shows only for an event that takes longer than this: a quick one re-renders the screen once, with its answer. */
const BUSY_AFTER_MS = 150;

export interface FlowDefinition<S extends FlowBase, C, E, N> {
  /** Where the flow's state is kept on the device. */
  readonly stateKey: string;
  readonly start: (flowId: string) => S;
  /** What the machine decides with, read for every event (through the device's read cache); null when the task is not on the device. */
  readonly readContext: (state: S) => Promise<C | null>;
  readonly step: (state: S, context: C, event: E) => Transition<S, N>;
  /** A scan as this machine's event (resolved against the device, with any facts the machine needs). */
  readonly scanEvent: (scan: Scan, state: S, context: C) => Promise<E>;
  /** Adds what the device must look up for an event before the machine decides (e.g. a lot's known expiry). */
  readonly prepare?: (event: E, state: S, context: C) => Promise<E>;
  readonly word: (note: N) => string;
}

export interface FlowAnswer {
  readonly tone: Feedback<unknown>['tone'];
  readonly text: string;
  /** Counts answers, so the same words twice still show as a new answer. */
  readonly seq: number;
}

export interface TaskFlow<S, C, E> {
  readonly state: S | undefined;
  /** What the machine decided with last, for the screen to show; undefined until read. */
  readonly context: C | null | undefined;
  readonly answer: FlowAnswer | null;
  /** True while an event is queued or being saved. */
  readonly busy: boolean;
  /** A tap or typed entry: ignored while another is in flight or within a double tap of a saved step. */
  tap(event: E): void;
  /** An edit that is no gesture (typing into a field): queued, never ignored, never answered. */
  edit(event: E): void;
  /** Runs a tap that is no step (leaving the screen) under the same double-tap rule. */
  guarded(action: () => void): void;
  /** Answers a refusal made on the screen itself (a typed lot that is no lot), in turn after queued events. */
  refuse(why: Why): void;
}

export function useTaskFlow<S extends FlowBase, C, E, N>(definition: FlowDefinition<S, C, E, N>, worker: WorkerIdentity, deps: readonly unknown[]): TaskFlow<S, C, E> {
  const say = useSay();
  const [state, setState] = useState<S | undefined>(undefined);
  const [answer, setAnswer] = useState<FlowAnswer | null>(null);
  const [busy, setBusy] = useState(false);
  const [context, setContext] = useState<C | null | undefined>(undefined);
  const busyTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const live = useRef({ definition, worker, say });
  live.current = { definition, worker, say };
  const stateRef = useRef<S | undefined>(undefined);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const inFlight = useRef(0);
  const tapsWaiting = useRef(0);
  const lastSavedTap = useRef<{ kind: string; at: number }>({ kind: '', at: -Infinity });
  const answers = useRef(0);
  const generation = useRef(0);

  const answerWith = (tone: FlowAnswer['tone'], text: string) => {
    answers.current += 1;
    setAnswer({ tone, text, seq: answers.current });
    giveFeedback(tone, readPreferences().feedback);
  };

  /**
   * Handles one event: decide, save, answer (state, context and answer in one render).
   * A step the read cache decided is answered once its transaction is queued and the
   * step kept in flight (device/stepsInFlight.ts), before the commit; the next event
   * still waits for the commit, and a step then not written as shown is taken back.
   */
  const handle = async (make: (state: S, context: C) => Promise<E>, kind: 'scan' | 'tap' | 'edit', mine: number, tapKind = ''): Promise<void> => {
    const def = live.current.definition;
    const current = stateRef.current;
    if (current === undefined || mine !== generation.current) return;
    const before = await def.readContext(current);
    if (before === null) {
      setContext(null);
      if (kind === 'scan') answerWith('error', live.current.say({ code: 'bad-operation', detail: 'this task is not on the device' } satisfies Why));
      return;
    }
    const event = await make(current, before);
    const prepared = def.prepare ? await def.prepare(event, current, before) : event;
    const transition = def.step(current, before, prepared);
    const feedback = transition.feedback ?? (kind === 'scan' ? ({ tone: 'error', why: { code: 'bad-operation', detail: 'the scan was not understood here' } } as const) : null);
    let answered = false;
    /** Shows a state: what the screen shows with it (memory after a step: the cache holds what it wrote) and, once, the answer. */
    const show = async (state: S) => {
      const after = transition.record || state !== current ? await def.readContext(state) : before;
      if (mine !== generation.current) return;
      stateRef.current = state;
      setState(state);
      setContext(after);
      if (feedback && !answered) answerWith(feedback.tone, 'why' in feedback ? live.current.say(feedback.why) : def.word(feedback.note));
      answered = true;
    };
    let showing: Promise<void> | null = null;
    const showEarly = (state: S) => {
      showing = show(state);
      showing.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
    };
    /** A step shown and then not written: the screen goes back to the state before it. */
    const takeBack = async (why: unknown) => {
      if (showing) await showing;
      if (answered && mine === generation.current) {
        stateRef.current = current;
        setState(current);
        setContext(await def.readContext(current));
      }
      answerWith('error', live.current.say(why));
    };
    let next = transition.state;
    if (transition.record) {
      const saved = await save(transition.record, next, () => showEarly(next));
      if (typeof saved !== 'string') return takeBack(saved.refused);
      if (showing) await showing;
      if (kind === 'tap') lastSavedTap.current = { kind: tapKind, at: performance.now() };
      if (saved === 'shown') return;
      if (saved === 'duplicate') next = (await readFlowState<S>(floorDb, def.stateKey)) ?? next;
    } else if (next !== current) {
      // Kept before it is shown (see the invariants): a reload right after the answer resumes from it.
      const inFlight = keepInFlight({ kind: 'flow-state', key: def.stateKey, value: next });
      const saving = saveFlowState(floorDb, def.stateKey, next);
      if (inFlight) showEarly(next);
      try {
        await saving;
      } catch (error) {
        return takeBack(error);
      } finally {
        inFlight?.();
      }
      if (showing) return showing;
    }
    if (mine !== generation.current) return;
    await show(next);
  };

  /** Reads the context again after a write this page did not make (a pull, another tab), in turn with events. */
  const refreshing = useRef(false);
  const refresh = (mine: number) => {
    if (refreshing.current) return;
    refreshing.current = true;
    queue.current = queue.current.then(async () => {
      refreshing.current = false;
      const current = stateRef.current;
      if (current === undefined || mine !== generation.current) return;
      const fresh = await live.current.definition.readContext(current);
      if (mine === generation.current) setContext(fresh);
    }).catch((error: unknown) => console.error('The flow could not read the device again:', error));
  };

  /** Records a step with the machine's next state; 'shown' when it was answered early and written as shown. */
  const save = async (step: StepToRecord, next: S, answerEarly: () => void): Promise<'saved' | 'shown' | 'duplicate' | { refused: unknown }> => {
    try {
      const entry = await recordOperation(floorDb, live.current.worker, step.op, new Date(), { stepKey: step.stepKey, flowState: { key: live.current.definition.stateKey, value: next }, clearsCount: step.clearsCount, answerEarly });
      return entry.duplicate ? 'duplicate' : entry.answeredEarly ? 'shown' : 'saved';
    } catch (error) {
      return { refused: error };
    }
  };

  const enqueue = (make: (state: S, context: C) => Promise<E>, kind: 'scan' | 'tap' | 'edit', tapKind = '') => {
    const mine = generation.current;
    inFlight.current += 1;
    if (kind === 'tap') tapsWaiting.current += 1;
    busyTimer.current ??= setTimeout(() => setBusy(true), BUSY_AFTER_MS);
    queue.current = queue.current
      .then(() => handle(make, kind, mine, tapKind))
      .catch((error: unknown) => answerWith('error', live.current.say(error)))
      .finally(() => {
        inFlight.current -= 1;
        if (kind === 'tap') tapsWaiting.current -= 1;
        if (inFlight.current === 0) {
          if (busyTimer.current !== null) clearTimeout(busyTimer.current);
          busyTimer.current = null;
          setBusy(false);
        }
      });
  };

  // A layout effect: the screen listens for scans from the commit that shows it to the one that
  // takes it away. A passive effect would leave the screen before it listening for a frame
  // after the next one is on the glass (and deciding that scan on its own task).
  useLayoutEffect(() => {
    generation.current += 1;
    const mine = generation.current;
    stateRef.current = undefined;
    setState(undefined);
    setContext(undefined);
    setAnswer(null);
    // Load (or make) the flow's state, in the queue so no scan is decided before it.
    queue.current = queue.current.then(async () => {
      const def = live.current.definition;
      const stored = await readFlowState<S>(floorDb, def.stateKey);
      const initial = stored ?? def.start(crypto.randomUUID());
      const context = await def.readContext(initial);
      if (mine !== generation.current) return;
      stateRef.current = initial;
      setState(initial);
      setContext(context);
    });
    const stop = onScan((scan) => enqueue((s, c) => live.current.definition.scanEvent(scan, s, c), 'scan'));
    // The screen follows the device's data as others change it (a sync, another tab).
    const stopWatching = onCacheDropped(floorDb, () => refresh(mine));
    return () => {
      stop();
      stopWatching();
      generation.current += 1;
    };
  }, deps); // eslint-disable-line react-hooks/exhaustive-deps

  return {
    state,
    context,
    answer,
    busy,
    tap(event) {
      const tapKind = (event as { type?: string }).type ?? '';
      const last = lastSavedTap.current;
      if (tapsWaiting.current > 0 || (last.kind === tapKind && performance.now() - last.at < DOUBLE_TAP_MS)) return;
      enqueue(async () => event, 'tap', tapKind);
    },
    refuse(why) {
      queue.current = queue.current.then(() => answerWith('error', live.current.say(why)));
    },
    guarded(action) {
      if (tapsWaiting.current > 0 || performance.now() - lastSavedTap.current.at < DOUBLE_TAP_MS) return;
      action();
    },
    edit(event) {
      enqueue(async () => event, 'edit');
    },
  };
}
