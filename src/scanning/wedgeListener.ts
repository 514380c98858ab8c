/**
 * Connects the wedge detector to the page: listens to every key before anything
 * else does (capture phase on window), holds back keys that may be a scan, gives
 * typing back to the focused field, and announces scans to whoever listens.
 */
import { DEFAULT_WEDGE_SETTINGS, WedgeDetector, type WedgeScan, type WedgeSettings } from './wedge';
import { makeScan } from './scan';
import { announceScan } from './scanBus';

type ScanListener = (scan: WedgeScan) => void;
/** A key as it arrived, for the scanner test screen. */
export interface ArrivedKey {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly time: number;
}
type KeyListener = (key: ArrivedKey) => void;

const listeners = new Set<ScanListener>();
const keyListeners = new Set<KeyListener>();
let detector = new WedgeDetector(DEFAULT_WEDGE_SETTINGS);
let current: WedgeSettings = DEFAULT_WEDGE_SETTINGS;

/** Every key the listener sees, before it decides anything. */
export function onArrivedKey(listener: KeyListener): () => void {
  keyListeners.add(listener);
  return () => keyListeners.delete(listener);
}

/** Applies new scanner settings (prefix, suffix, GS substitute…) from the next key on. */
export function configureWedge(settings: WedgeSettings): void {
  current = settings;
  detector = new WedgeDetector(settings);
}

/** Subscribes to hardware-scanner scans with what arrived raw (for the scanner test screen); flows listen on the scan bus. */
export function onWedgeScan(listener: ScanListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The focused element when it takes typed text, else null. */
function focusedTextField(): HTMLInputElement | HTMLTextAreaElement | null {
  const target = document.activeElement;
  if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) || target.readOnly || target.disabled) return null;
  return target;
}

/** Puts released typing into the focused field as if typed, so frameworks see an input event. */
function giveBack(chars: readonly string[]): void {
  if (chars.length === 0) return;
  const target = focusedTextField();
  if (target === null) return;
  const text = chars.join('');
  // execCommand keeps the browser's undo stack and fires the input events React listens to.
  if (!document.execCommand('insertText', false, text)) {
    target.setRangeText(text, target.selectionStart ?? target.value.length, target.selectionEnd ?? target.value.length, 'end');
    target.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

export function installWedgeListener(settings: WedgeSettings = DEFAULT_WEDGE_SETTINGS): () => void {
  configureWedge(settings);
  let timer: ReturnType<typeof setTimeout> | null = null;

  const onKeyDown = (event: KeyboardEvent) => {
    for (const listener of keyListeners) listener({ key: event.key, ctrlKey: event.ctrlKey, time: event.timeStamp });
    if (event.isComposing || event.altKey || event.metaKey) return;
    const decision = detector.keydown({ key: event.key, ctrlKey: event.ctrlKey, time: event.timeStamp });
    giveBack(decision.release);
    // Characters are held back only from a text field, the one place a scan could leak
    // into; elsewhere (a focused button) they keep their meaning, so Space still
    // presses it. The Enter or Tab that ends a burst is always held: it must not
    // press whatever button has the focus.
    const isTerminator = current.terminators.includes(event.key);
    if (decision.hold && (isTerminator || focusedTextField() !== null)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
    if (decision.scan) {
      for (const listener of listeners) listener(decision.scan);
      announceScan(makeScan(decision.scan.text, decision.scan.symbology, 'scanner', decision.scan.at));
    }
    if (timer !== null) clearTimeout(timer);
    if (detector.holding > 0) {
      timer = setTimeout(() => giveBack(detector.tick(performance.now())), current.maxGapMs + 5);
    }
  };
  window.addEventListener('keydown', onKeyDown, { capture: true });
  return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
}
