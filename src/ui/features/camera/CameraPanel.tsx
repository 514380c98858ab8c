/**
 * The camera viewfinder: reads codes continuously while it is shown. The camera
 * stops when the panel closes, the screen is left or the app is hidden, and starts
 * again when the app comes back. Loaded on demand: the decoder and the camera code
 * are not in the first screen's files.
 */
import { useEffect, useRef, useState } from 'react';
import { listCameras, openCamera, type CameraChoice, type OpenCamera } from '../../../scanning/camera/cameraStream';
import { startFrameDecoder } from '../../../scanning/camera/frameDecoder';
import { scanFromVideo } from '../../../scanning/camera/cameraScanner';
import { readPreferences, writePreferences } from '../../preferences';
import { Problem } from '../../components/Screen';
import { useSay, useT } from '../../i18n/useT';
import type { Why } from '../../../domain/why';

const detailOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const cameraFailed = (reason: string, message: string): Why => ({ code: 'camera-failed', reason, message });

function useAppVisible(): boolean {
  const [visible, setVisible] = useState(() => document.visibilityState === 'visible');
  useEffect(() => {
    const update = () => setVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, []);
  return visible;
}

export default function CameraPanel({ onClose }: { onClose: () => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const visible = useAppVisible();
  const [cameraId, setCameraId] = useState<string | null>(() => readPreferences().cameraId);
  const [cameras, setCameras] = useState<CameraChoice[]>([]);
  const [camera, setCamera] = useState<OpenCamera | null>(null);
  const [torchOn, setTorchOn] = useState(false);
  const [engine, setEngine] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const t = useT();
  const say = useSay();

  useEffect(() => {
    const element = video.current;
    if (!visible || element === null) return;
    let cancelled = false;
    let opened: OpenCamera | null = null;
    let stopScanning = () => {};
    const decoder = startFrameDecoder();
    decoder.ready.then(
      ({ engine: name, fallbackReason }) => {
        if (!cancelled) setEngine(fallbackReason ? `${name} (${fallbackReason})` : name);
      },
      (error: Error) => {
        if (!cancelled) setProblem(cameraFailed('decoder-stopped', error.message));
      },
    );
    openCamera(element, cameraId).then(
      async (open) => {
        if (cancelled) return open.stop();
        opened = open;
        setCamera(open);
        setProblem(null);
        stopScanning = scanFromVideo(element, decoder, (error) => setProblem(cameraFailed('reading-failed', `Reading the camera failed: ${error.message}`)));
        // Camera names are only known once the person allowed the camera.
        try {
          const found = await listCameras();
          if (!cancelled) setCameras(found);
        } catch (error) {
          if (!cancelled) setProblem(cameraFailed('no-camera-list', `The list of cameras could not be read: ${detailOf(error)}`));
        }
      },
      (error: Error) => {
        if (!cancelled) setProblem(error);
      },
    );
    return () => {
      cancelled = true;
      stopScanning();
      opened?.stop();
      decoder.close();
      setCamera(null);
      setTorchOn(false);
    };
  }, [cameraId, visible]);

  function chooseCamera(deviceId: string) {
    writePreferences({ ...readPreferences(), cameraId: deviceId });
    setCameraId(deviceId);
  }

  async function toggleTorch() {
    if (camera === null) return;
    try {
      await camera.setTorch(!torchOn);
      setTorchOn(!torchOn);
    } catch (error) {
      setProblem(cameraFailed('torch-failed', `The torch did not switch: ${detailOf(error)}`));
    }
  }

  return (
    <section className="camera" aria-label={t('camera.region')}>
      <div className="viewfinder">
        <video ref={video} muted playsInline aria-label={t('camera.picture')} />
        <div className="aim" aria-hidden="true" />
      </div>
      <p className="note" data-testid="camera-state">
        {camera === null ? t('common.startingCamera') : t('camera.hold', engine ?? '')}
      </p>
      {problem !== null && <Problem message={say(problem)} />}
      <div className="camera-controls">
        <button type="button" onClick={onClose}>
          {t('camera.close')}
        </button>
        {camera?.hasTorch && (
          <button type="button" aria-pressed={torchOn} onClick={() => void toggleTorch()}>
            {torchOn ? t('camera.torchOff') : t('camera.torchOn')}
          </button>
        )}
        {cameras.length > 1 && (
          <label className="camera-choice">
            {t('camera.choose')}
            <select value={camera?.deviceId ?? cameraId ?? ''} onChange={(e) => chooseCamera(e.target.value)}>
              {cameras.map((c) => (
                <option key={c.deviceId} value={c.deviceId}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
    </section>
  );
}
