/**
 * The camera viewfinder: reads codes continuously while it is shown, with the aim box
 * the decoder searches first drawn over the picture (aimRegion.ts). The camera stops
 * when the panel closes, the screen is left or the app is hidden, and starts again
 * when the app comes back (useCamera.ts). Loaded on demand (CameraSlot.tsx).
 */
import { useRef, useState } from 'react';
import { readPreferences, writePreferences } from '../../preferences';
import { Problem } from '../../components/Screen';
import { useSay, useT } from '../../i18n/useT';
import { useCamera } from './useCamera';
import { aimBoxStyle, useAimBox } from './useAimBox';
import { AimControls, CameraChoiceRow } from './CameraControls';

export default function CameraPanel({ onClose }: { onClose: () => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [cameraId, setCameraId] = useState<string | null>(() => readPreferences().cameraId);
  const { camera, cameras, engine, problem, setProblem } = useCamera(video, cameraId);
  const aim = useAimBox(video);
  const t = useT();
  const say = useSay();

  function chooseCamera(deviceId: string) {
    writePreferences({ ...readPreferences(), cameraId: deviceId });
    setCameraId(deviceId);
  }

  return (
    <section className="camera" aria-label={t('camera.region')}>
      <div className="viewfinder" style={{ aspectRatio: aim.aspectRatio }}>
        <video ref={video} muted playsInline aria-label={t('camera.picture')} />
        <div className="aim" data-testid="aim-box" aria-hidden="true" style={aimBoxStyle(aim.box)} />
      </div>
      <AimControls camera={camera} onProblem={setProblem} />
      <p className="note" data-testid="camera-state">
        {camera === null ? t('common.startingCamera') : t('camera.hold', engine ?? '')}
      </p>
      {problem !== null && <Problem message={say(problem)} />}
      <CameraChoiceRow camera={camera} cameras={cameras} chosenId={cameraId} onChoose={chooseCamera} onClose={onClose} />
    </section>
  );
}
