import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WedgeScan } from './wedge';

/**
 * The listener on a page with no text field focused (Node has EventTarget, not a DOM):
 * keys are events stamped with their press time, delivered when the test says.
 */
const page = new EventTarget();

function press(key: string, stamp: number): void {
  const event = new Event('keydown', { cancelable: true });
  Object.defineProperties(event, { key: { value: key }, timeStamp: { value: stamp }, ctrlKey: { value: false }, altKey: { value: false }, metaKey: { value: false }, repeat: { value: false }, isComposing: { value: false } });
  page.dispatchEvent(event);
}

describe('the wedge listener on a page', () => {
  let stop: () => void = () => undefined;
  const scans: WedgeScan[] = [];

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    vi.stubGlobal('window', page);
    vi.stubGlobal('document', { activeElement: null });
    vi.stubGlobal('HTMLInputElement', class {});
    vi.stubGlobal('HTMLTextAreaElement', class {});
    const wedge = await import('./wedgeListener');
    stop = wedge.installWedgeListener();
    const unsubscribe = wedge.onWedgeScan((scan) => scans.push(scan));
    const uninstall = stop;
    stop = () => {
      unsubscribe();
      uninstall();
    };
    scans.length = 0;
  });

  afterEach(() => {
    stop();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('keeps a burst whole when its keys reach a busy page late, each long after the one before', () => {
    // Pressed 4 ms apart from t=1000; the first reaches the page 80 ms late, each next one 80 ms after it.
    const keys = [...'4006381333931', 'Enter'];
    vi.advanceTimersByTime(1080);
    keys.forEach((key, i) => {
      press(key, 1000 + i * 4);
      vi.advanceTimersByTime(80);
    });
    expect(scans.map((s) => [s.text, s.broken ?? false])).toEqual([['4006381333931', false]]);
  });

  it('gives a lone key on an idle page back within the gap and the slack, and it starts no burst', () => {
    vi.advanceTimersByTime(1000);
    press('A', performance.now());
    vi.advanceTimersByTime(25 + 40 + 1);
    // The key was let through (no field: nothing to give back); the next keys start their own run.
    for (const [i, key] of [...'1234', 'Enter'].entries()) press(key, performance.now() + i * 4);
    expect(scans.map((s) => s.text)).toEqual(['1234']);
  });

  it('still calls a burst broken when it pauses, however late its keys come', () => {
    vi.advanceTimersByTime(2000);
    const start = performance.now();
    [...'40063813'].forEach((key, i) => press(key, start + i * 4));
    vi.advanceTimersByTime(120);
    press('3', start + 7 * 4 + 120);
    press('Enter', start + 7 * 4 + 124);
    expect(scans.map((s) => [s.raw, s.broken ?? false])).toEqual([['400638133', true]]);
  });
});
