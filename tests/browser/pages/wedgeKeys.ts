import type { CDPSession, Page } from '@playwright/test';

/** A key and when it is pressed, in ms from the start of the sequence. */
export interface TimedKey {
  readonly key: string;
  readonly at: number;
}

/**
 * Real key events through the browser's own input pipeline (DevTools
 * Input.dispatchKeyEvent), sent on a schedule with real waits. Each carries the time
 * of its schedule as its timestamp, as a keyboard's or a scanner's events carry the
 * time the device sent them, so a busy test machine that delivers a key late does not
 * change the gaps the app measures. A DevTools session sets an offline page's
 * navigator.onLine back to true, so tests that use it run online (docs/NOTES.md).
 */
export class WedgeKeys {
  private constructor(private readonly cdp: CDPSession) {}

  static async of(page: Page): Promise<WedgeKeys> {
    return new WedgeKeys(await page.context().newCDPSession(page));
  }

  /** Keys `gapMs` apart: 4 ms is a scanner, 30 ms and more a person. */
  async keys(keys: readonly string[], gapMs: number): Promise<void> {
    await this.play(keys.map((key, i) => ({ key, at: i * gapMs })));
  }

  /**
   * Presses each key at its time, stamped with that time. Keys closer than 20 ms to the
   * one before (a scanner's burst) go together once the last of them is due: a timer
   * of this busy test machine cannot keep 4 ms, and the stamps keep the gaps exact.
   */
  async play(schedule: readonly TimedKey[]): Promise<void> {
    const start = Date.now();
    const groups: TimedKey[][] = [];
    for (const [i, key] of schedule.entries()) {
      if (i > 0 && key.at - schedule[i - 1]!.at < 20) groups.at(-1)!.push(key);
      else groups.push([key]);
    }
    const sent: Promise<unknown>[] = [];
    for (const group of groups) {
      const wait = start + group.at(-1)!.at - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      for (const { key, at } of group) sent.push(...this.press(key, (start + at) / 1000));
    }
    await Promise.all(sent);
  }

  /**
   * The keys as they reach a page whose main thread was busy while they were pressed:
   * all at once now, each stamped with its time in the schedule (which ends now).
   */
  async queued(schedule: readonly TimedKey[]): Promise<void> {
    const start = Date.now() - (schedule.at(-1)?.at ?? 0);
    await Promise.all(schedule.flatMap(({ key, at }) => this.press(key, (start + at) / 1000)));
  }

  private press(key: string, timestamp: number): Promise<unknown>[] {
    const fields = KEYS[key] ?? { key, text: key, unmodifiedText: key };
    return [
      this.cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', timestamp, ...fields }),
      this.cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', timestamp: timestamp + 0.001, key: fields.key, code: fields.code, windowsVirtualKeyCode: fields.windowsVirtualKeyCode }),
    ];
  }
}

/** A scanner's burst that pauses `pauseMs` before its last `tailLength` keys: keys 4 ms apart otherwise. */
export function brokenBurst(keys: readonly string[], tailLength: number, pauseMs: number): TimedKey[] {
  const cut = keys.length - tailLength;
  return keys.map((key, i) => ({ key, at: i * 4 + (i >= cut ? pauseMs : 0) }));
}

const KEYS: Readonly<Record<string, { key: string; code?: string; windowsVirtualKeyCode?: number; text?: string; unmodifiedText?: string }>> = {
  Enter: { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r', unmodifiedText: '\r' },
  Tab: { key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9 },
};
