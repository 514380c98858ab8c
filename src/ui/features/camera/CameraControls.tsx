/**
 * The viewfinder's controls, big enough for a gloved thumb (64 px): zoom out and in
 * where the camera zooms (labels on high racks) and the torch where it has one, right
 * under the picture; then close, and which camera where there are several.
 */
import { useState } from 'react';
import type { CameraChoice, OpenCamera } from '../../../scanning/camera/cameraStream';
import { nextZoom, zoomRatio, type ZoomRange } from '../../../scanning/camera/zoomSteps';
import { useT } from '../../i18n/useT';
import { cameraFailed, detailOf } from './useCamera';

/** What is used while aiming, in one row under the picture: zoom out, the zoom, zoom in, the torch. */
export function AimControls({ camera, onProblem }: { camera: OpenCamera | null; onProblem: (problem: unknown) => void }) {
  if (camera === null || (camera.zoom === null && !camera.hasTorch)) return null;
  return (
    <div className="camera-row aim-controls">
      {camera.zoom && <ZoomButtons key={`zoom ${camera.deviceId}`} camera={camera} range={camera.zoom} onProblem={onProblem} />}
      {camera.hasTorch && <TorchButton key={`torch ${camera.deviceId}`} camera={camera} onProblem={onProblem} />}
    </div>
  );
}

/** Close the camera, and which camera: a choice where there are several, else its name. */
export function CameraChoiceRow({ camera, cameras, chosenId, onChoose, onClose }: { camera: OpenCamera | null; cameras: readonly CameraChoice[]; chosenId: string | null; onChoose: (deviceId: string) => void; onClose: () => void }) {
  const t = useT();
  const nameOf = (c: CameraChoice, i: number) => c.label || t('camera.numbered', i + 1);
  return (
    <div className="camera-row">
      <button type="button" className="camera-close" onClick={onClose}>
        {t('camera.close')}
      </button>
      {cameras.length > 1 ? (
        <label className="camera-choice">
          {t('camera.choose')}
          <select value={camera?.deviceId ?? chosenId ?? ''} onChange={(e) => onChoose(e.target.value)}>
            {cameras.map((c, i) => (
              <option key={c.deviceId} value={c.deviceId}>
                {nameOf(c, i)}
              </option>
            ))}
          </select>
        </label>
      ) : (
        camera !== null && (
          <span className="camera-name" data-testid="camera-name">
            {t('camera.using', camera.label || (cameras[0] ? nameOf(cameras[0], 0) : t('camera.numbered', 1)))}
          </span>
        )
      )}
    </div>
  );
}

function TorchButton({ camera, onProblem }: { camera: OpenCamera; onProblem: (problem: unknown) => void }) {
  const t = useT();
  const [on, setOn] = useState(false);
  async function toggle() {
    try {
      await camera.setTorch(!on);
      setOn(!on);
    } catch (error) {
      onProblem(cameraFailed('torch-failed', `The torch did not switch: ${detailOf(error)}`));
    }
  }
  return (
    <button type="button" className="torch" aria-pressed={on} onClick={() => void toggle()}>
      {t('camera.torch')}
    </button>
  );
}

function ZoomButtons({ camera, range, onProblem }: { camera: OpenCamera; range: ZoomRange; onProblem: (problem: unknown) => void }) {
  const t = useT();
  const [zoom, setZoom] = useState(camera.zoomNow ?? range.min);
  async function go(direction: 'in' | 'out') {
    const wanted = nextZoom(zoom, range, direction);
    if (wanted === zoom) return;
    try {
      setZoom(await camera.setZoom(wanted));
    } catch (error) {
      onProblem(cameraFailed('zoom-failed', `The camera did not zoom: ${detailOf(error)}`));
    }
  }
  return (
    <div className="zoom" role="group" aria-label={t('camera.zoom')}>
      <button type="button" aria-label={t('camera.zoomOut')} disabled={zoom <= range.min} onClick={() => void go('out')}>
        −
      </button>
      <output aria-live="polite" data-testid="zoom">
        {t('camera.zoomRatio', String(zoomRatio(zoom, range)))}
      </output>
      <button type="button" aria-label={t('camera.zoomIn')} disabled={zoom >= range.max} onClick={() => void go('in')}>
        +
      </button>
    </div>
  );
}
