/**
 * Puts a waiting new version in charge and reloads into it, once, when the worker taps
 * Reload. The plugin's own helper reloads only on a `controlling` event it marks as an
 * update, which it does not do when the page had no controller at its start (the first
 * update after a first visit, vite-plugin-pwa issue 789), and then the banner stays up
 * after the tap. Here the page reloads on the controller change or, for a page the old
 * version did not control, when the new version is active; a second tap does nothing more.
 */
let reloading = false;

export async function reloadIntoNewVersion(): Promise<void> {
  if (reloading) return;
  reloading = true;
  const registration = await navigator.serviceWorker.getRegistration().catch(() => undefined);
  const waiting = registration?.waiting;
  if (!waiting) {
    location.reload();
    return;
  }
  let done = false;
  const reload = () => {
    if (done) return;
    done = true;
    location.reload();
  };
  navigator.serviceWorker.addEventListener('controllerchange', reload, { once: true });
  waiting.addEventListener('statechange', () => {
    if (waiting.state === 'activated' || waiting.state === 'redundant') reload();
  });
  waiting.postMessage({ type: 'SKIP_WAITING' });
}
