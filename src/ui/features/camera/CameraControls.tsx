/**
 * The viewfinder's controls, big enough for a gloved thumb (64 px): close, zoom out
 * and in where the camera zooms (labels on high racks), the torch where it has one,
 * and which camera where there are several.
 */
import { useState } from 'react';
import type { CameraChoice, OpenCamera } from '../../../scanning/camera/cameraStream';
import { nextZoom, zoomRatio, type ZoomRange } from '../../../scanning/camera/zoomSteps';
import { useT } from '../../i18n/useT';
import { cameraFailed, detailOf } from './useCamera';

interface Props {
  readonly camera: OpenCamera | null;
  readonly cameras: readonly CameraChoice[];
  readonly chosenId: string | null;
  readonly onChoose: (deviceId: string) => void;
  readonly onClose: () => void;
  readonly onProblem: (problem: unknown) => void;
}

export function CameraControls({ camera, cameras, chosenId, onChoose, onClose, onProblem }: Props) {
  const t = useT();
  const nameOf = (c: CameraChoice, i: number) => c.label || t('camera.numbered', i + 1);
  return (
    <div className="camera-controls">
      <div className="camera-row">
        <button type="button" onClick={onClose}>
          {t('camera.close')}
        </button>
        {camera?.hasTorch && <TorchButton key={camera.deviceId} camera={camera} onProblem={onProblem} />}
      </div>
      {camera?.zoom && <ZoomButtons key={camera.deviceId} camera={camera} range={camera.zoom} onProblem={onProblem} />}
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
          <p className="note" data-testid="camera-name">
            {t('camera.using', camera.label || (cameras[0] ? nameOf(cameras[0], 0) : t('camera.numbered', 1)))}
          </p>
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
    <div className="camera-row zoom" role="group" aria-label={t('camera.zoom')}>
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
