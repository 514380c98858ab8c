import { describe, expect, it } from 'vitest';
import { DEFAULT_WEDGE_SETTINGS, WedgeDetector, type WedgeScan, type WedgeSettings } from './wedge';

/** Feeds text as keys `gapMs` apart, starting at `start`, ending with Enter; returns scans and what reached the page. */
function type(detector: WedgeDetector, text: string, gapMs: number, start = 0, end = 'Enter') {
  const scans: WedgeScan[] = [];
  const reachedPage: string[] = [];
  let time = start;
  for (const key of [...text, end]) {
    reachedPage.push(...detector.tick(time));
    const decision = detector.keydown({ key, time });
    reachedPage.push(...decision.release);
    if (!decision.hold) reachedPage.push(key);
    if (decision.scan) scans.push(decision.scan);
    time += gapMs;
  }
  reachedPage.push(...detector.tick(time + 1000));
  return { scans, reachedPage: reachedPage.join(''), end: time };
}

describe('the keyboard-wedge detector', () => {
  it('takes a fast burst ending in Enter as one scan, and lets nothing reach the page', () => {
    const { scans, reachedPage } = type(new WedgeDetector(), '4006381333931', 4);
    expect(scans.map((s) => s.text)).toEqual(['4006381333931']);
    expect(reachedPage).toBe('');
  });

  it('gives a person\'s typing back to the page, in order, and makes no scan', () => {
    const { scans, reachedPage } = type(new WedgeDetector(), '4006381333931', 120);
    expect(scans).toEqual([]);
    expect(reachedPage).toBe('4006381333931Enter');
  });

  it('takes a scanner that sends the same code twice within milliseconds as one scan', () => {
    const detector = new WedgeDetector();
    const first = type(detector, '4006381333931', 3);
    const second = type(detector, '4006381333931', 3, first.end + 20);
    expect([...first.scans, ...second.scans]).toHaveLength(1);
    // Scanned again a second later, it is a new scan (counting flows add one each time).
    const later = type(detector, '4006381333931', 3, second.end + 1000);
    expect(later.scans).toHaveLength(1);
  });

  it('ends a scan on Tab too, and ignores a short burst (a key held down)', () => {
    expect(type(new WedgeDetector(), 'A-01-02-3', 5, 0, 'Tab').scans.map((s) => s.text)).toEqual(['A-01-02-3']);
    const short = type(new WedgeDetector(), 'ab', 5);
    expect(short.scans).toEqual([]);
    expect(short.reachedPage).toBe('abEnter');
  });

  it('strips a configured prefix and suffix and reads the AIM identifier', () => {
    const settings: WedgeSettings = { ...DEFAULT_WEDGE_SETTINGS, prefix: '#', suffix: '$' };
    const [scan] = type(new WedgeDetector(settings), '#]E04006381333931$', 3).scans;
    expect(scan).toMatchObject({ text: '4006381333931', symbology: 'ean-13', raw: '#]E04006381333931$' });
    expect(type(new WedgeDetector(), ']E0036000291452', 3).scans[0]).toMatchObject({ text: '036000291452', symbology: 'upc-a' });
  });

  it('keeps GS1 strings whole: AIM prefix kept, GS as a control key or a substitute', () => {
    const detector = new WedgeDetector();
    const scans: WedgeScan[] = [];
    let time = 0;
    for (const key of [...']C1010950600013435210ABC', '\u001d', ...'21S1', 'Enter']) {
      const decision = detector.keydown({ key, time: (time += 3) });
      if (decision.scan) scans.push(decision.scan);
    }
    expect(scans[0]).toMatchObject({ text: ']C1010950600013435210ABC\u001d21S1', symbology: 'gs1-128' });
    const substitute = new WedgeDetector({ ...DEFAULT_WEDGE_SETTINGS, gsSubstitute: '~' });
    expect(type(substitute, ']C1010950600013435210ABC~21S1', 3).scans[0]!.text).toBe(']C1010950600013435210ABC\u001d21S1');
  });
});
