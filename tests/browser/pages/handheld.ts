import { expect, type Page } from '@playwright/test';
import { scannerBurst } from './scannerBurst';

/** The handheld as a worker uses it: a page object over the real screens. */
export class Handheld {
  readonly problems: string[] = [];

  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {
    page.on('console', (message) => {
      // A request cut off by going offline is the network's doing, not the app's: the app retries it.
      if (message.type() === 'error' && !message.text().includes('net::ERR_INTERNET_DISCONNECTED')) this.problems.push(message.text());
    });
    page.on('pageerror', (error) => this.problems.push(error.message));
  }

  /**
   * Holds the download pages of one kind until the returned function is called, so a
   * test can look at a download that would otherwise finish in a second.
   */
  async holdDownloadOf(entity: 'products' | 'bins' | 'tasks'): Promise<() => void> {
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    await this.page.route(`**/download/${entity}**`, async (route) => {
      await released;
      await route.continue().catch(() => undefined); // the page may have reloaded meanwhile
    });
    return release;
  }

  async open(path = '/') {
    await this.page.goto(`${this.baseUrl}${path}`);
  }

  async signIn(username: string, pin: string) {
    await this.page.getByLabel('User').fill(username);
    await this.page.getByLabel('PIN').fill(pin);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  downloadRow(entity: 'products' | 'bins' | 'stock' | 'tasks') {
    return this.page.getByTestId(`download-${entity}`);
  }

  async waitForHome() {
    await expect(this.page.getByRole('button', { name: /^Find/ })).toBeVisible({ timeout: 90_000 });
  }

  /** Waits until the service worker controls the page, reloading once if it was just installed. */
  async waitForOfflineReady() {
    await this.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    if (!(await this.page.evaluate(() => navigator.serviceWorker.controller !== null))) {
      await this.page.reload();
      await this.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    }
  }

  /** Signs in, waits for the download and the service worker, then cuts the network. */
  async signInAndGoOffline(username: string, pin: string) {
    await this.open('/');
    await this.signIn(username, pin);
    await this.waitForHome();
    await this.waitForOfflineReady();
    await this.page.context().setOffline(true);
  }

  /**
   * A hardware scanner's burst: the code's keys and Enter, stamped as a scanner's
   * (scannerBurst.ts). `keyboard.type` waits for each key to be handled before it sends
   * the next, which on a loaded machine stretches the gaps past what a burst allows, and
   * a DevTools session of our own would set an offline page's navigator.onLine back to
   * true. A person's typing is tested with `keyboard.type` and a delay (wedge.spec.ts).
   */
  async scan(code: string) {
    // A person aims between two scans: the same code twice within the scanner's repeat window would be one scan.
    const wait = this.lastScanAt + 250 - Date.now();
    if (wait > 0) await this.page.waitForTimeout(wait);
    this.lastScanAt = Date.now();
    await scannerBurst(this.page, code);
  }

  private lastScanAt = 0;

  /**
   * Counts the red and amber flashes from now on (the body's class, there for 700 ms): a
   * check of the class itself can miss a flash that ended while a loaded machine was
   * polling for the words beside it.
   */
  async countFlashes(): Promise<() => Promise<{ error: number; deviation: number }>> {
    await this.page.evaluate(() => {
      const seen = { error: 0, deviation: 0 };
      (window as unknown as { flashesSeen: typeof seen }).flashesSeen = seen;
      let before = new Set(document.body.classList);
      new MutationObserver(() => {
        const now = new Set(document.body.classList);
        if (now.has('flash-error') && !before.has('flash-error')) seen.error++;
        if (now.has('flash-deviation') && !before.has('flash-deviation')) seen.deviation++;
        before = now;
      }).observe(document.body, { attributes: true, attributeFilter: ['class'] });
    });
    return () => this.page.evaluate(() => ({ ...(window as unknown as { flashesSeen: { error: number; deviation: number } }).flashesSeen }));
  }

  /** The device's outbox, in sequence order, read straight from IndexedDB. */
  async outbox(): Promise<{ deviceSeq: number; type: string; status: string; payload: Record<string, unknown> }[]> {
    return this.page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const request = indexedDB.open('warehouse-handheld');
          request.onsuccess = () => {
            const all = request.result.transaction('outbox').objectStore('outbox').getAll();
            all.onsuccess = () => {
              request.result.close();
              resolve((all.result as { deviceSeq: number; type: string; status: string; payload: Record<string, unknown> }[]).sort((a, b) => a.deviceSeq - b.deviceSeq));
            };
            all.onerror = () => reject(all.error);
          };
          request.onerror = () => reject(request.error);
        }),
    );
  }

  /** Waits until the first sync after the download has run (its work would slow key timing in the page meanwhile). */
  async waitForFirstSync() {
    const downloaded = ((await this.syncRecord('download')) as { finishedAt: string } | null)?.finishedAt ?? '';
    await expect.poll(async () => ((await this.lastSyncAt()) ?? '') > downloaded, { timeout: 30_000 }).toBe(true);
  }

  /** When the device last synced, read straight from IndexedDB (ISO time, or null). */
  async lastSyncAt(): Promise<string | null> {
    return (await this.syncRecord('lastSyncAt')) as string | null;
  }

  /** A record of the device's sync state, read straight from IndexedDB. */
  async syncRecord(key: string): Promise<unknown> {
    return this.page.evaluate(
      (name) =>
        new Promise<unknown>((resolve, reject) => {
          const request = indexedDB.open('warehouse-handheld');
          request.onsuccess = () => {
            const get = request.result.transaction('syncState').objectStore('syncState').get(name);
            get.onsuccess = () => {
              request.result.close();
              resolve((get.result as { value: unknown } | undefined)?.value ?? null);
            };
            get.onerror = () => reject(get.error);
          };
          request.onerror = () => reject(request.error);
        }),
      key,
    );
  }

  /** Types an expiry (ISO, YYYY-MM-DD) as a worker does: day, month and year, each in its field. */
  async typeExpiry(iso: string) {
    const [year, month, day] = iso.split('-');
    const expiry = this.page.getByRole('group', { name: 'Expiry date' });
    await expiry.getByLabel('Day', { exact: true }).fill(String(Number(day)));
    await expiry.getByLabel('Month', { exact: true }).fill(String(Number(month)));
    await expiry.getByLabel('Year', { exact: true }).fill(year!);
  }

  async find(code: string, words = { label: 'Code', button: 'Find' }) {
    await this.page.getByLabel(words.label, { exact: true }).fill(code);
    await this.page.getByRole('button', { name: words.button, exact: true }).click();
  }

  get status() {
    return {
      connectivity: this.page.getByTestId('connectivity'),
      waiting: this.page.getByTestId('waiting'),
      lastSync: this.page.getByTestId('last-sync'),
    };
  }

  get productResult() {
    return this.page.getByTestId('product-result');
  }

  get binResult() {
    return this.page.getByTestId('bin-result');
  }

  get alert() {
    return this.page.getByRole('alert');
  }

  /** Puts an operation in the device's outbox as a floor flow would (flows come later). */
  async putOperationInOutbox() {
    await this.page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('warehouse-handheld');
          request.onsuccess = () => {
            const tx = request.result.transaction('outbox', 'readwrite');
            tx.objectStore('outbox').add({ opId: crypto.randomUUID(), deviceSeq: 1, type: 'count', payload: {}, createdAt: new Date().toISOString(), status: 'pending', userId: 'u-picker1', warehouseId: 'wh-main' });
            tx.oncomplete = () => {
              request.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
          request.onerror = () => reject(request.error);
        }),
    );
  }
}
