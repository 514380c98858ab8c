/**
 * The camera's life while the panel is shown: the decoder started, the camera opened
 * into the video, frames read; all of it stopped when the panel closes, the camera
 * is changed or the app is hidden, and started again when it comes back.
 */
import { useEffect, useState, type RefObject } from 'react';
import { listCameras, type CameraChoice, type OpenCamera } from '../../../scanning/camera/cameraStream';
import { openCamera } from '../../../scanning/camera/cameraStream';
import { startFrameDecoder } from '../../../scanning/camera/frameDecoder';
import { scanFromVideo } from '../../../scanning/camera/cameraScanner';
import type { Why } from '../../../domain/why';

export const cameraFailed = (reason: string, message: string): Why => ({ code: 'camera-failed', reason, message });
export const detailOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function useAppVisible(): boolean {
  const [visible, setVisible] = useState(() => document.visibilityState === 'visible');
  useEffect(() => {
    const update = () => setVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, []);
  return visible;
}

export interface CameraState {
  readonly camera: OpenCamera | null;
  readonly cameras: readonly CameraChoice[];
  /** The decoding engine's name, with why it is the fallback if it is. */
  readonly engine: string | null;
  readonly problem: unknown;
  readonly setProblem: (problem: unknown) => void;
}

export function useCamera(video: RefObject<HTMLVideoElement | null>, cameraId: string | null): CameraState {
  const visible = useAppVisible();
  const [cameras, setCameras] = useState<CameraChoice[]>([]);
  const [camera, setCamera] = useState<OpenCamera | null>(null);
  const [engine, setEngine] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);

  useEffect(() => {
    const element = video.current;
    if (!visible || element === null) return undefined;
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
        open.onEnded(() => {
          if (!cancelled) setProblem(cameraFailed('ended', 'The camera stopped (unplugged, or taken by another app). Close the camera and open it again.'));
        });
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
    };
  }, [video, cameraId, visible]);

  return { camera, cameras, engine, problem, setProblem };
}
