/**
 * Starts the app: reads the device's identity and session from IndexedDB (no
 * network), follows the connection and the address bar, and registers the service
 * worker that makes the app start offline.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerSW } from 'virtual:pwa-register';
import { deviceId } from '../device/deviceIdentity';
import { readSession } from '../device/session';
import { anyLeftInFlight } from '../device/stepsInFlight';
import { floorDb } from './floor';
import { appStore } from './store/appStore';
import { App } from './App';
import { installWedgeListener } from '../scanning/wedgeListener';
import { readPreferences, wedgeSettingsOf } from './preferences';
import { applyDocumentLanguage } from './i18n/language';
import { reloadIntoNewVersion } from './appUpdate';
import './styles.css';

applyDocumentLanguage(appStore.getState().language);

async function loadDevice(): Promise<void> {
  // A step shown just before the page went away is written before any screen reads the device.
  // (The writer, with the operation schema, is loaded only then: the first screen stays small.)
  if (anyLeftInFlight()) {
    await import('../device/floorOperations')
      .then(({ writeStepsLeftInFlight }) => writeStepsLeftInFlight(floorDb))
      .catch((error: unknown) => console.error('Steps shown before a reload are kept for the next start:', error));
  }
  const [id, session] = await Promise.all([deviceId(floorDb), readSession(floorDb)]);
  appStore.getState().setDevice(id, session);
}

window.addEventListener('online', () => appStore.getState().setOnline(true));
window.addEventListener('offline', () => appStore.getState().setOnline(false));
window.addEventListener('popstate', () => appStore.getState().locationChanged(location.pathname, location.search));

void loadDevice();
// Hardware scanners that type into the page (keyboard wedge) scan on every screen, from
// the start (the code reader behind it loads on its own, scanning/wedgeListener.ts).
installWedgeListener(wedgeSettingsOf(readPreferences()));

// A new version waits until the worker taps Reload; when the server says this version
// is too old (update required) the sync asks the service worker to look for it at once.
// Reload puts the waiting version in charge and reloads into it (appUpdate.ts).
registerSW({
  onNeedRefresh() {
    appStore.getState().setUpdateReady(() => void reloadIntoNewVersion());
  },
  onRegisteredSW(_url, registration) {
    if (registration) appStore.getState().setUpdateCheck(() => void registration.update().catch(() => undefined));
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
