import { describe, expect, it } from 'vitest';
import { DEFAULT_WEDGE_SETTINGS, WedgeDetector, type BrokenBurst, type WedgeScan, type WedgeSettings } from './wedge';

interface Press {
  readonly key: string;
  readonly at: number;
  readonly ctrlKey?: boolean;
  readonly repeat?: boolean;
}

/** What the page and the app saw: keys in the order they acted, each with when; scans; broken bursts. */
interface Timeline {
  readonly page: { key: string; pressedAt: number; actedAt: number }[];
  readonly scans: WedgeScan[];
  readonly broken: BrokenBurst[];
}

/**
 * Runs presses through a detector as the listener does: before each key, the timer
 * wakes at every deadline that passes (1 ms late, as a timer is); after the last, it
 * wakes until nothing is held.
 */
function run(detector: WedgeDetector, presses: readonly Press[]): Timeline {
  const timeline: Timeline = { page: [], scans: [], broken: [] };
  const held: Press[] = [];
  const release = (count: number, at: number) => {
    for (const press of held.splice(0, count)) timeline.page.push({ key: press.key, pressedAt: press.at, actedAt: at });
  };
  const wakeUntil = (time: number) => {
    for (let deadline = detector.deadline; deadline !== null && deadline + 1 < time; deadline = detector.deadline) {
      const silence = detector.tick(deadline + 1);
      release(silence.release.length, deadline + 1);
      if (silence.broken) timeline.broken.push(silence.broken);
      if (silence.broken) held.length = 0;
    }
  };
  for (const press of presses) {
    wakeUntil(press.at);
    const decision = detector.keydown({ key: press.key, time: press.at, ctrlKey: press.ctrlKey, repeat: press.repeat });
    release(decision.release.length, press.at);
    if (decision.broken) {
      timeline.broken.push(decision.broken);
      held.length = 0;
    }
    if (decision.scan) timeline.scans.push(decision.scan);
    if (decision.hold) held.push(press);
    else timeline.page.push({ key: press.key, pressedAt: press.at, actedAt: press.at });
    // A terminator that was held ended a scan: nothing of it is given back.
    if (decision.hold && detector.holding === 0) held.length = 0;
  }
  wakeUntil(Number.POSITIVE_INFINITY);
  return timeline;
}

/** Keys `gaps` apart (one gap per key after the first, or one gap for all), from `start`. */
function keys(text: readonly string[] | string, gaps: number | readonly number[], start = 0): Press[] {
  let at = start;
  return [...text].map((key, i) => {
    if (i > 0) at += typeof gaps === 'number' ? gaps : gaps[(i - 1) % gaps.length]!;
    return { key, at };
  });
}

/** The presses after `presses`, `gap` ms after its last. */
function then(presses: readonly Press[], gap: number, text: readonly string[] | string, gaps: number | readonly number[] = 4): Press[] {
  return [...presses, ...keys(text, gaps, presses.at(-1)!.at + gap)];
}

const typed = (timeline: Timeline) => timeline.page.map((p) => p.key).join('');

describe('the keyboard-wedge detector', () => {
  it('takes a fast burst ending in Enter as one scan, and lets nothing reach the page', () => {
    const timeline = run(new WedgeDetector(), keys([...'4006381333931', 'Enter'], 4));
    expect(timeline.scans.map((s) => s.text)).toEqual(['4006381333931']);
    expect(timeline.page).toEqual([]);
    expect(timeline.broken).toEqual([]);
  });

  it("gives a person's typing back to the page, in order, and makes no scan", () => {
    const timeline = run(new WedgeDetector(), keys([...'4006381333931', 'Enter'], 120));
    expect(timeline.scans).toEqual([]);
    expect(typed(timeline)).toBe('4006381333931Enter');
  });

  it('takes a burst that paused 80 ms before its last characters as one broken scan with what arrived, and keeps its Enter from the page', () => {
    const presses = then(keys('40063813', 4), 80, [...'33931', 'Enter']);
    const timeline = run(new WedgeDetector(), presses);
    expect(timeline.broken).toEqual([{ received: '4006381333931', at: presses.at(-1)!.at }]);
    expect(timeline.scans).toEqual([]);
    expect(timeline.page).toEqual([]);
  });

  it('takes a burst whose terminator came after a pause as broken too (the code may be cut)', () => {
    const timeline = run(new WedgeDetector(), then(keys('A-01-02-3', 3), 80, ['Enter']));
    expect(timeline.broken.map((b) => b.received)).toEqual(['A-01-02-3']);
    expect(timeline.scans).toEqual([]);
    expect(timeline.page).toEqual([]);
  });

  it('ends a broken burst with no terminator after its window, as one scan error; typing after it is typing', () => {
    const burst = then(keys('40063813', 4), 80, '339');
    const last = burst.at(-1)!.at;
    const timeline = run(new WedgeDetector(), then(burst, 1000, 'ab', 150));
    expect(timeline.broken).toEqual([{ received: '40063813339', at: last + DEFAULT_WEDGE_SETTINGS.brokenWindowMs + 1 }]);
    expect(typed(timeline)).toBe('ab');
    expect(timeline.scans).toEqual([]);
  });

  it('ends a broken burst with Tab as with Enter, and holds that Tab too', () => {
    const timeline = run(new WedgeDetector(), then(keys(']C10104012345', 2), 120, [...'678901', 'Tab'], 2));
    expect(timeline.broken.map((b) => b.received)).toEqual([']C10104012345678901']);
    expect(timeline.page).toEqual([]);
  });

  it("answers a burst broken by any other key (an arrow, Escape) once, and lets that key act", () => {
    const timeline = run(new WedgeDetector(), then(keys('400638', 4), 40, ['Escape']));
    expect(timeline.broken.map((b) => b.received)).toEqual(['400638']);
    expect(typed(timeline)).toBe('Escape');
  });

  it("keeps a burst whole when its keys reach a busy page late, whatever the clock said in between", () => {
    const detector = new WedgeDetector();
    const code = [...'4010000000012'];
    code.slice(0, 6).forEach((key, i) => detector.keydown({ key, time: i * 4 }));
    // The page heard the clock long after those keys' times; the rest of the burst was still on its way.
    expect(detector.tick(200)).toEqual({ release: [], broken: null });
    code.slice(6).forEach((key, i) => detector.keydown({ key, time: (6 + i) * 4 }));
    expect(detector.keydown({ key: 'Enter', time: 13 * 4 }).scan?.text).toBe('4010000000012');
  });

  it("never holds a fast typist's key (30–60 ms apart) past the gap, in order, Tab and Enter included", () => {
    const settings = DEFAULT_WEDGE_SETTINGS;
    const presses = keys([...'picker1', 'Tab', ...'1111', 'Enter'], [30, 45, 31, 60, 33, 30, 30, 38, 30, 52, 30, 30]);
    const timeline = run(new WedgeDetector(settings), presses);
    expect(typed(timeline)).toBe('picker1Tab1111Enter');
    expect(timeline.scans).toEqual([]);
    expect(timeline.broken).toEqual([]);
    for (const key of timeline.page) expect(key.actedAt - key.pressedAt).toBeLessThanOrEqual(settings.maxGapMs + 1);
  });

  it('keeps quick double letters and rolled pairs as typing, however fast the pair', () => {
    // "hello" with its "ll" 8 ms apart, a PIN typed as two quick pairs, each followed at once by Enter.
    const hello = keys([...'hello', 'Enter'], [70, 60, 8, 55, 28]);
    const pin = keys([...'1111', 'Enter'], [12, 45, 10, 20], 2000);
    const timeline = run(new WedgeDetector(), [...hello, ...pin]);
    expect(typed(timeline)).toBe('helloEnter1111Enter');
    expect(timeline.scans).toEqual([]);
    expect(timeline.broken).toEqual([]);
    for (const key of timeline.page) expect(key.actedAt - key.pressedAt).toBeLessThanOrEqual(3 * DEFAULT_WEDGE_SETTINGS.maxGapMs);
  });

  it('takes a key held down (repeating) as typing, not a burst', () => {
    const timeline = run(new WedgeDetector(), [{ key: '0', at: 0 }, ...[1, 2, 3, 4, 5, 6].map((i) => ({ key: '0', at: 500 + i * 20, repeat: true })), { key: 'Enter', at: 700 }]);
    expect(typed(timeline)).toBe('000000' + '0Enter');
    expect(timeline.scans).toEqual([]);
    expect(timeline.broken).toEqual([]);
  });

  it('lets Backspace, arrows and shortcuts act only after the typing before them', () => {
    const timeline = run(new WedgeDetector(), [
      { key: 'a', at: 0 },
      { key: 'b', at: 10 },
      { key: 'Backspace', at: 18 },
      { key: 'c', at: 200 },
      { key: 'v', at: 210, ctrlKey: true },
    ]);
    expect(timeline.page.map((p) => p.key)).toEqual(['a', 'b', 'Backspace', 'c', 'v']);
  });

  it('does not count Shift (sent before capitals) in a burst', () => {
    const presses: Press[] = [];
    let at = 0;
    for (const char of 'A-01-B') {
      if (/[A-Z]/.test(char)) presses.push({ key: 'Shift', at: (at += 2) });
      presses.push({ key: char, at: (at += 2) });
    }
    presses.push({ key: 'Enter', at: at + 2 });
    const timeline = run(new WedgeDetector(), presses);
    expect(timeline.scans.map((s) => s.text)).toEqual(['A-01-B']);
    expect(typed(timeline)).toBe('ShiftShift');
  });

  it('takes a short run cut by a pause as typing, not as a broken burst', () => {
    const timeline = run(new WedgeDetector(), then(keys('ab', 5), 80, 'cd', 90));
    expect(typed(timeline)).toBe('abcd');
    expect(timeline.broken).toEqual([]);
  });

  it('takes a scanner that sends the same code twice within milliseconds as one scan', () => {
    const detector = new WedgeDetector();
    const first = keys([...'4006381333931', 'Enter'], 3);
    const second = then(first, 20, [...'4006381333931', 'Enter'], 3);
    expect(run(detector, second).scans).toHaveLength(1);
    // Scanned again a second later, it is a new scan (counting flows add one each time).
    expect(run(detector, keys([...'4006381333931', 'Enter'], 3, second.at(-1)!.at + 1000)).scans).toHaveLength(1);
  });

  it('ends a scan on Tab too, and ignores a short burst (two keys rolled together)', () => {
    expect(run(new WedgeDetector(), keys([...'A-01-02-3', 'Tab'], 5)).scans.map((s) => s.text)).toEqual(['A-01-02-3']);
    const short = run(new WedgeDetector(), keys([...'ab', 'Enter'], 5));
    expect(short.scans).toEqual([]);
    expect(typed(short)).toBe('abEnter');
  });

  it('strips a configured prefix and suffix and reads the AIM identifier', () => {
    const settings: WedgeSettings = { ...DEFAULT_WEDGE_SETTINGS, prefix: '#', suffix: '$' };
    const [scan] = run(new WedgeDetector(settings), keys([...'#]E04006381333931$', 'Enter'], 3)).scans;
    expect(scan).toMatchObject({ text: '4006381333931', symbology: 'ean-13', raw: '#]E04006381333931$' });
    expect(run(new WedgeDetector(), keys([...']E0036000291452', 'Enter'], 3)).scans[0]).toMatchObject({ text: '036000291452', symbology: 'upc-a' });
  });

  it('keeps GS1 strings whole: AIM prefix kept, GS as a control key or a substitute', () => {
    const scans = run(new WedgeDetector(), keys([...']C1010950600013435210ABC', '\u001d', ...'21S1', 'Enter'], 3)).scans;
    expect(scans[0]).toMatchObject({ text: ']C1010950600013435210ABC\u001d21S1', symbology: 'gs1-128' });
    const controlBracket = run(new WedgeDetector(), [...keys(']C10109506000134352', 3), { key: ']', ctrlKey: true, at: 60 }, ...keys([...'21S1', 'Enter'], 3, 63)]).scans;
    expect(controlBracket[0]!.text).toBe(']C10109506000134352\u001d21S1');
    const substitute = new WedgeDetector({ ...DEFAULT_WEDGE_SETTINGS, gsSubstitute: '~' });
    expect(run(substitute, keys([...']C1010950600013435210ABC~21S1', 'Enter'], 3)).scans[0]!.text).toBe(']C1010950600013435210ABC\u001d21S1');
  });
});
