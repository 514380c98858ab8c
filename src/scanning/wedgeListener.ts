/**
 * Connects the wedge detector to the page: listens to every key before anything
 * else does (capture phase on window), holds back keys that may be a scan, gives
 * typing back to the field it was typed into, and announces scans to whoever listens.
 *
 * Invariants (the detector's, wedge.ts, plus these):
 * - A key the detector holds is kept from the page (default prevented, propagation
 *   stopped) when a text field has the focus, and elsewhere from the second key of a
 *   run on: a person's single key on a focused button (Space) keeps its meaning, a
 *   scanner's burst does not reach the button. A burst's terminator is always kept:
 *   it never presses a button, submits a form or moves the focus.
 * - Typing that was held goes back to the text field it was typed into, in order and
 *   before the next key acts, as an input event React sees (execCommand insertText
 *   while that field has the focus); a timer gives it back when no key follows (within
 *   `maxGapMs` + 40 ms of the last key reaching the page, and longer by as much as that
 *   key reached the page late, as the keys after it may be late too). Once a
 *   key was let through (not held), nothing of it is given back a second time.
 * - Gaps between keys are measured on the keys' own time stamps (when they were
 *   pressed), silence after the last key from when it reached the page: a busy page
 *   that gets a burst late still sees a burst, and a person's keys that arrive
 *   together still keep their gaps.
 * - A broken burst is announced on the scan bus as one scan whose meaning is an error
 *   with the characters received, so every screen answers it (makeBrokenScan).
 * - Text that arrives without keys (paste, a password manager's autofill, a phone's
 *   keyboard sending 'Unidentified' keys) is never held or touched.
 */
import { DEFAULT_WEDGE_SETTINGS, WedgeDetector, type BrokenBurst, type WedgeScan, type WedgeSettings } from './wedge';
import type { Scan } from './scan';
import { announceScan } from './scanBus';

/**
 * The code reader (scan.ts: GS1's dictionary and every code's rules) is a chunk of its
 * own, asked for when the listener is installed: the first screen does not wait for it,
 * and the keys are listened to from the start. A scan made before it arrived is announced
 * when it is there; scans keep their order and their time.
 */
let reader: Promise<typeof import('./scan')> | null = null;
let announcing: Promise<void> = Promise.resolve();
function announceRead(make: (read: typeof import('./scan')) => Scan): void {
  reader ??= import('./scan');
  const read = reader;
  announcing = announcing.then(async () => announceScan(make(await read))).catch((error: unknown) => console.error('A scan could not be read:', error));
}

type ScanListener = (scan: WedgeScan) => void;
/** A key as it arrived, for the scanner test screen. */
export interface ArrivedKey {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly time: number;
}
type KeyListener = (key: ArrivedKey) => void;
type TextField = HTMLInputElement | HTMLTextAreaElement;

const listeners = new Set<ScanListener>();
const keyListeners = new Set<KeyListener>();
let detector = new WedgeDetector(DEFAULT_WEDGE_SETTINGS);
let current: WedgeSettings = DEFAULT_WEDGE_SETTINGS;
/** The text field the keys held now were typed into (null: none had the focus). */
let heldTarget: TextField | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;
/** The last key the listener handled: its time stamp, and when (performance.now()) it was handled. */
let lastKey = { stamp: 0, handledAt: 0 };

/**
 * Now, on the keys' time line: the last key's stamp plus the time since it was
 * handled. Keys are stamped when pressed but reach a busy page late, one after the
 * other; silence is measured from when the last one arrived, so a burst delivered late
 * is not cut by a timer that runs between two of its keys.
 */
function keyTimeNow(): number {
  return lastKey.stamp + (performance.now() - lastKey.handledAt);
}

/** Every key the listener sees, before it decides anything. */
export function onArrivedKey(listener: KeyListener): () => void {
  keyListeners.add(listener);
  return () => keyListeners.delete(listener);
}

/** Applies new scanner settings (prefix, suffix, GS substitute…) from the next key on; typing held now is given back first. */
export function configureWedge(settings: WedgeSettings): void {
  settle(detector.interrupt(keyTimeNow()));
  current = settings;
  detector = new WedgeDetector(settings);
}

/** Subscribes to hardware-scanner scans, broken ones included, with what arrived raw (for the scanner test screen); flows listen on the scan bus. */
export function onWedgeScan(listener: ScanListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Input types a person types text into (a checkbox or a range takes keys, not text). */
const TEXT_INPUT_TYPES: ReadonlySet<string> = new Set(['text', 'search', 'password', 'email', 'tel', 'url', 'number']);

/** The focused element when it takes typed text, else null. */
function focusedTextField(): TextField | null {
  const target = document.activeElement;
  if (target instanceof HTMLInputElement ? !TEXT_INPUT_TYPES.has(target.type) : !(target instanceof HTMLTextAreaElement)) return null;
  const field = target as TextField;
  return field.readOnly || field.disabled ? null : field;
}

/** Puts released typing into the field it was typed into, as if typed, so frameworks see an input event. */
function giveBack(chars: readonly string[], field: TextField | null): void {
  if (chars.length === 0 || field === null || !field.isConnected || field.readOnly || field.disabled) return;
  const text = chars.join('');
  // execCommand keeps the browser's undo stack and fires the input events React listens to.
  if (document.activeElement === field && document.execCommand('insertText', false, text)) return;
  try {
    field.setRangeText(text, field.selectionStart ?? field.value.length, field.selectionEnd ?? field.value.length, 'end');
  } catch {
    field.value += text; // a number field has no selection to insert at
  }
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

function announceBroken(broken: BrokenBurst): void {
  for (const listener of listeners) listener({ text: broken.received, symbology: 'unknown', raw: broken.received, at: broken.at, broken: true });
  announceRead((read) => read.makeBrokenScan(broken.received, 'scanner', broken.at));
}

/** Gives back released typing and announces a broken burst; forgets the field once nothing is held. */
function settle(outcome: { readonly release: readonly string[]; readonly broken: BrokenBurst | null }): void {
  const field = heldTarget;
  if (detector.holding === 0) heldTarget = null;
  giveBack(outcome.release, field);
  if (outcome.broken) announceBroken(outcome.broken);
}

/**
 * How much later than its deadline the timer looks: a slow page may hand over the keys of
 * a burst one by one tens of milliseconds apart, and typing released while a burst's
 * keys are still on their way would land in the field. A person does not see 40 ms.
 */
const LATE_KEY_SLACK_MS = 40;

/**
 * The timer waits longer still by as much as the last key was late (handled after its
 * stamp), up to this: keys that reach the page late (a busy phone, its input pipeline
 * descheduled) may keep coming late, each after the one before, while a key on an idle
 * page is handled within a millisecond or two of its press and waits no longer.
 */
const MOST_LATENESS_MS = 500;

/** How long past the detector's deadline the timer waits: the slack and the last key's lateness. */
function slackMs(): number {
  return LATE_KEY_SLACK_MS + Math.min(MOST_LATENESS_MS, Math.max(0, lastKey.handledAt - lastKey.stamp));
}

/** Wakes when the detector's deadline passes with no key (a timer may fire early: it then waits again). */
function schedule(): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
  const deadline = detector.deadline;
  if (deadline === null) return;
  timer = setTimeout(
    () => {
      timer = null;
      settle(detector.tick(keyTimeNow()));
      schedule();
    },
    Math.max(0, deadline - keyTimeNow()) + slackMs(),
  );
}

export function installWedgeListener(settings: WedgeSettings = DEFAULT_WEDGE_SETTINGS): () => void {
  configureWedge(settings);
  reader ??= import('./scan');

  const onKeyDown = (event: KeyboardEvent) => {
    // Some autofill sends a keydown with no key at all.
    const key = typeof event.key === 'string' ? event.key : '';
    for (const listener of keyListeners) listener({ key, ctrlKey: event.ctrlKey, time: event.timeStamp });
    lastKey = { stamp: event.timeStamp, handledAt: performance.now() };
    if (event.isComposing || event.altKey || event.metaKey) {
      // Not a scanner's key: what was typed before it goes first.
      settle(detector.interrupt(event.timeStamp));
      schedule();
      return;
    }
    const field = focusedTextField();
    const previousTarget = heldTarget;
    const decision = detector.keydown({ key, ctrlKey: event.ctrlKey, repeat: event.repeat, time: event.timeStamp });
    // What was released belongs to the run before this key; a key that starts a new run belongs to the field focused now.
    heldTarget = detector.holding === 0 ? null : detector.holding === 1 && decision.hold ? field : previousTarget;
    giveBack(decision.release, previousTarget);
    if (decision.broken) announceBroken(decision.broken);
    const isTerminator = current.terminators.includes(key);
    const continuesRun = detector.holding > 1;
    if (decision.hold && (isTerminator || field !== null || continuesRun)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
    if (decision.scan) {
      for (const listener of listeners) listener(decision.scan);
      const { text, symbology, at } = decision.scan;
      announceRead((read) => read.makeScan(text, symbology, 'scanner', at));
    }
    schedule();
  };
  window.addEventListener('keydown', onKeyDown, { capture: true });
  return () => {
    window.removeEventListener('keydown', onKeyDown, { capture: true });
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
}
