/**
 * Time from a scan to the screen showing its result, on the Pick screen, in Chromium:
 * from the scan event (the hardware scanner's Enter key, timestamped by the browser)
 * to the first frame painted after the screen changed (new text, or the red flash of
 * a refusal: the same refusal twice in a row changes no text). The scans are those of a real
 * pick: a wrong bin (refused), the right bin, then each unit of the item (each one
 * saved to IndexedDB before the screen says so).
 */
import type { Page } from '@playwright/test';
import { pacedScannerBurst, scannerBurst } from '../tests/browser/pages/scannerBurst';
import { generateWarehouse, type WarehouseShape } from '../src/server/seed/demoWarehouse';

/**
 * Plain script (the CSP forbids evaluating strings; tsx's helpers must not reach the page):
 * the time of each scan to the first frame painted after the screen, not the status bar,
 * changed. Installed once per page (`installScanTimes`).
 */
export const SCAN_TIMES = `
(() => {
  window.scanToScreen = [];
  window.scanToDom = [];
  let pending = null;
  window.addEventListener('floor:scan', (event) => { pending = event.detail.at; });
  const onScreen = (m) => { const el = m.target.nodeType === 1 ? m.target : m.target.parentElement; return el !== null && el.closest('main') !== null; };
  new MutationObserver((mutations) => {
    if (pending === null || !mutations.some(onScreen)) return;
    const at = pending;
    pending = null;
    window.scanToDom.push(performance.now() - at);
    requestAnimationFrame(() => setTimeout(() => window.scanToScreen.push(performance.now() - at), 0));
  }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['class'] });
})();
`;

/**
 * How the bench scans: as a scanner sends its keys, each its own task, 4 ms apart
 * (pacedScannerBurst). BENCH_SCAN_KEYS=one-task dispatches a whole burst in one task, as
 * the browser tests do and the figures before 2026-12-04 were measured.
 */
export const benchScan = process.env.BENCH_SCAN_KEYS === 'one-task' ? scannerBurst : pacedScannerBurst;

export const installScanTimes = (page: Page) => page.addInitScript({ content: SCAN_TIMES });

export function pickScans(shape: WarehouseShape, userId: string, wanted: number): { taskId: string; codes: string[] }[] {
  const data = generateWarehouse(shape);
  const products = new Map(data.products.map((p) => [p.id, p]));
  const walk = new Map(data.bins.map((b) => [b.code, b.walkSeq]));
  const wrongBin = data.bins[data.bins.length - 1]!.code;
  const plan: { taskId: string; codes: string[] }[] = [];
  let total = 0;
  for (const task of data.tasks.filter((t) => t.kind === 'pick' && t.assignedTo === userId)) {
    if (total >= wanted) break;
    const lines = [...task.lines].sort((a, b) => walk.get(a.binCode!)! - walk.get(b.binCode!)! || a.binCode!.localeCompare(b.binCode!) || a.lineNo - b.lineNo);
    const codes = lines.flatMap((line) => {
      const each = products.get(line.productId!)!.codes.find((c) => c.packLevel === 'each')!;
      return [line.binCode === wrongBin ? data.bins[0]!.code : wrongBin, line.binCode!, ...Array.from({ length: line.qty! }, () => each.printed)];
    });
    plan.push({ taskId: task.id, codes });
    total += codes.length;
  }
  return plan;
}

/**
 * Scans each task's codes on its Pick screen; the page has `installScanTimes` installed.
 * `toDom`, when given, also gets each scan's time to the screen's DOM changing: the app's
 * own work, without the wait for the next frame (0 to 16.7 ms at 60 Hz) and its paint.
 */
export async function measureScanToScreen(page: Page, baseUrl: string, plan: readonly { taskId: string; codes: readonly string[] }[], toDom?: number[]): Promise<number[]> {
  const times: number[] = [];
  for (const { taskId, codes } of plan) {
    await page.goto(`${baseUrl}/pick?task=${encodeURIComponent(taskId)}`);
    await page.getByTestId('expect').waitFor();
    await page.waitForTimeout(300);
    for (const code of codes) {
      // Functions, not strings: the app's CSP forbids evaluating strings.
      const before = await page.evaluate(() => (window as unknown as { scanToScreen: number[] }).scanToScreen.length);
      // A scanner's burst, stamped as a scanner's keys are (keyboard.type waits for each
      // key to be handled, which on a busy page stretches the gaps past a burst's and the
      // wedge then reports a broken scan).
      await benchScan(page, code);
      await page.waitForFunction((n) => (window as unknown as { scanToScreen: number[] }).scanToScreen.length > n, before, { timeout: 10_000 });
      // The scanner's next trigger pull, 200 ms after the answer: a worker needs well over
      // 100 ms between scans, and the same code again inside the wedge's 150 ms repeat
      // window is taken for the scanner's own repeat (one scan).
      await page.waitForTimeout(200);
    }
    times.push(...(await page.evaluate(() => (window as unknown as { scanToScreen: number[] }).scanToScreen)));
    toDom?.push(...(await page.evaluate(() => (window as unknown as { scanToDom: number[] }).scanToDom)));
  }
  return times;
}
