/**
 * The camera as every screen that takes a scan offers it: a Camera button, and the
 * viewfinder below it while it is on. The panel's code (and the decoder behind it)
 * loads the first time a worker opens the camera, never with the first screen.
 */
import { lazy, Suspense } from 'react';
import { useT } from '../../i18n/useT';

const CameraPanel = lazy(() => import('./CameraPanel'));

export function CameraButton({ on, setOn }: { on: boolean; setOn: (on: boolean) => void }) {
  const t = useT();
  return (
    <button type="button" className="camera-toggle" aria-pressed={on} onClick={() => setOn(!on)}>
      {t('common.camera')}
    </button>
  );
}

/** The viewfinder while the camera is on. */
export function CameraSlot({ on, onClose }: { on: boolean; onClose: () => void }) {
  const t = useT();
  if (!on) return null;
  return (
    <Suspense fallback={<p className="note">{t('common.startingCamera')}</p>}>
      <CameraPanel onClose={onClose} />
    </Suspense>
  );
}
