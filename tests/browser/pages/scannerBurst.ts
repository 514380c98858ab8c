import type { Page } from '@playwright/test';

/**
 * A hardware scanner's burst as it reaches the page: the keys dispatched to the focused
 * element in one go, each stamped with the moment a scanner pressed it,
 * 4 ms apart (scanners send a key every 1–20 ms) and ending now. A browser stamps a real key when the device
 * sent it, not when the page gets to it; a synthetic event is stamped when it is made,
 * so a loaded test machine that pauses the page for garbage collection in the middle of
 * the loop would spread a whole burst past the wedge's gap and the app would rightly call
 * it broken (CI failed so). The wedge reads only `timeStamp`, so the stamp is set on each
 * event.
 *
 * With `whenHeading`, the keys go the moment the page's heading becomes that text (a
 * mutation observer runs before React's effects): the scanner's trigger pulled as the
 * screen changes. Self-contained: Playwright sends its source into the page.
 */
export function pressScannerKeys({ keys, whenHeading }: { readonly keys: readonly string[]; readonly whenHeading?: string }): void {
  // No named inner functions: the bench runs under tsx, whose name helpers do not exist in the page.
  if (whenHeading !== undefined) {
    const observer = new MutationObserver(() => {
      if (document.querySelector('h1')?.textContent !== whenHeading) return;
      observer.disconnect();
      pressScannerKeys({ keys });
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    return;
  }
  const gapMs = 4;
  const target = document.activeElement ?? document.body;
  const first = performance.now() - gapMs * (keys.length - 1);
  keys.forEach((key, i) => {
    for (const type of ['keydown', 'keyup']) {
      const event = new KeyboardEvent(type, { key, bubbles: true, cancelable: true, composed: true });
      Object.defineProperty(event, 'timeStamp', { value: first + gapMs * i });
      target.dispatchEvent(event);
    }
  });
}

/**
 * A scanner's burst as a scanner sends it: each key pressed 4 ms after the one before,
 * and each press and release its own task of the page, as the operating system hands a
 * USB scanner's key events over one by one. Each event is stamped with the moment it was
 * planned, not when a busy page got to it, as a real key is. The speed bench scans so:
 * `pressScannerKeys` dispatches a whole burst in one task, which a busy or throttled page
 * would count as one long task of the app's that no scanner makes. Resolves after the
 * last key. Self-contained and without named inner functions, as pressScannerKeys.
 */
export async function pressPacedScannerKeys({ keys }: { readonly keys: readonly string[] }): Promise<void> {
  const gapMs = 4;
  const start = performance.now();
  const events = keys.length * 2;
  // Every event's timer is set here, at once: a timer set from a timer's callback is
  // clamped to 4 ms from the fifth on (the HTML standard's nesting rule), which would
  // send the keys twice as slowly as they are stamped.
  await new Promise<void>((resolve) => {
    for (let i = 0; i < events; i++) {
      const planned = start + (gapMs / 2) * i;
      setTimeout(() => {
        const target = document.activeElement ?? document.body;
        const event = new KeyboardEvent(i % 2 === 0 ? 'keydown' : 'keyup', { key: keys[Math.floor(i / 2)], bubbles: true, cancelable: true, composed: true });
        Object.defineProperty(event, 'timeStamp', { value: planned });
        target.dispatchEvent(event);
        if (i === events - 1) resolve();
      }, (gapMs / 2) * i);
    }
  });
}

/** A scanner's burst of `code` and Enter, paced as a scanner sends it (see pressPacedScannerKeys). */
export async function pacedScannerBurst(page: Page, code: string): Promise<void> {
  await page.evaluate(pressPacedScannerKeys, { keys: [...code, 'Enter'] });
}

/** A scanner's burst of `code` and Enter (see pressScannerKeys). */
export async function scannerBurst(page: Page, code: string): Promise<void> {
  await page.evaluate(pressScannerKeys, { keys: [...code, 'Enter'] });
}
