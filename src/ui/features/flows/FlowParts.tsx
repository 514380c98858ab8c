/** The pieces every floor flow screen shows the same way. */
import { lazy, Suspense } from 'react';
import { makeScan } from '../../../scanning/scan';
import { announceScan } from '../../../scanning/scanBus';
import { Problem } from '../../components/Screen';
import { useT } from '../../i18n/useT';
import type { FlowSteps } from './useFlowSteps';

const CameraPanel = lazy(() => import('../camera/CameraPanel'));

/** "Saved…" in green, or the reason in red. */
export function FlowAnswer({ steps }: { steps: FlowSteps }) {
  return (
    <>
      {steps.saved && !steps.problem && (
        <p className="saved" role="status">
          {steps.saved}
        </p>
      )}
      {steps.problem && <Problem message={steps.problem} />}
    </>
  );
}

/** Typing a code: the same scan event as the camera and the hardware scanner, with source "keyboard". */
export function CodeEntry() {
  const t = useT();
  return (
    <form
      className="form inline"
      onSubmit={(e) => {
        e.preventDefault();
        const field = e.currentTarget.elements.namedItem('code') as HTMLInputElement;
        announceScan(makeScan(field.value, 'unknown', 'keyboard', performance.now()));
        field.value = '';
      }}
    >
      <label htmlFor="code">{t('common.code')}</label>
      <input id="code" name="code" autoComplete="off" autoCapitalize="characters" spellCheck={false} />
      <button type="submit">{t('common.enter')}</button>
    </form>
  );
}

export function CameraButton({ on, setOn }: { on: boolean; setOn: (on: boolean) => void }) {
  const t = useT();
  return (
    <button type="button" aria-pressed={on} onClick={() => setOn(!on)}>
      {t('common.camera')}
    </button>
  );
}

/** The viewfinder while the camera is on; loaded on demand. */
export function CameraSlot({ on, onClose }: { on: boolean; onClose: () => void }) {
  const t = useT();
  if (!on) return null;
  return (
    <Suspense fallback={<p className="note">{t('common.startingCamera')}</p>}>
      <CameraPanel onClose={onClose} />
    </Suspense>
  );
}
