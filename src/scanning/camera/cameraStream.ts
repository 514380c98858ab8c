/**
 * Opens and closes the camera. @zxing/browser lists the cameras, attaches the stream
 * and drives the torch; the constraints are ours: the back camera unless the person
 * chose another, 1280x720 (enough pixels across a 1D code at arm's length, little
 * enough to decode every frame), continuous focus where the camera offers it.
 */
import { BrowserCodeReader } from '@zxing/browser';
import type { Why } from '../../domain/why';

export interface CameraChoice {
  readonly deviceId: string;
  readonly label: string;
}

export interface OpenCamera {
  readonly deviceId: string | null;
  readonly label: string;
  readonly hasTorch: boolean;
  setTorch(on: boolean): Promise<void>;
  stop(): void;
}

export type CameraProblem = 'not-allowed' | 'no-camera' | 'busy' | 'failed' | 'needs-https' | 'no-picture';

/** Why the camera could not open: a reason the interface words, and English words a person can act on. */
export class CameraError extends Error {
  override readonly name = 'CameraError';
  constructor(
    readonly reason: CameraProblem,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }

  get why(): Why {
    return { code: 'camera-failed', reason: this.reason, message: this.message };
  }
}

export async function listCameras(): Promise<CameraChoice[]> {
  if (!navigator.mediaDevices?.enumerateDevices) return [];
  const devices = await BrowserCodeReader.listVideoInputDevices();
  return devices.map((device, i) => ({ deviceId: device.deviceId, label: device.label || `Camera ${i + 1}` }));
}

function constraintsFor(deviceId: string | null): MediaStreamConstraints {
  return {
    audio: false,
    video: {
      ...(deviceId ? { deviceId: { exact: deviceId } } : { facingMode: { ideal: 'environment' } }),
      width: { ideal: 1280 },
      height: { ideal: 720 },
      frameRate: { ideal: 30 },
    },
  };
}

function explain(error: unknown): CameraError {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return new CameraError('not-allowed', 'The camera was not allowed. Allow it in the browser\u2019s site settings, or scan with the hardware scanner or type the code.', { cause: error });
    case 'NotFoundError':
    case 'OverconstrainedError':
      return new CameraError('no-camera', 'No camera was found on this device. Scan with the hardware scanner or type the code.', { cause: error });
    case 'NotReadableError':
    case 'AbortError':
      return new CameraError('busy', 'The camera is busy (another app may be using it). Close the other app and try again.', { cause: error });
    default:
      return new CameraError('failed', `The camera could not start: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** Opens the chosen camera (or the back one) into `video`; a camera that has gone falls back to the default. */
export async function openCamera(video: HTMLVideoElement, deviceId: string | null): Promise<OpenCamera> {
  if (!navigator.mediaDevices?.getUserMedia) {
    throw new CameraError('needs-https', 'This page cannot use the camera: it needs HTTPS (or localhost). Open the app at its https:// address.');
  }
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia(constraintsFor(deviceId));
  } catch (error) {
    if (deviceId === null || !(error instanceof Error) || !['NotFoundError', 'OverconstrainedError'].includes(error.name)) throw explain(error);
    try {
      stream = await navigator.mediaDevices.getUserMedia(constraintsFor(null));
    } catch (second) {
      throw explain(second);
    }
  }
  const track = stream.getVideoTracks()[0];
  if (!track) throw new CameraError('no-picture', 'The camera gave no picture. Try another camera.');
  const capabilities = (track.getCapabilities?.() ?? {}) as MediaTrackCapabilities & { focusMode?: string[] };
  if (capabilities.focusMode?.includes('continuous')) {
    // Not every browser knows focusMode; a refusal leaves the camera's own focus.
    await track.applyConstraints({ advanced: [{ focusMode: 'continuous' } as MediaTrackConstraintSet] }).catch(() => undefined);
  }
  BrowserCodeReader.addVideoSource(video, stream);
  video.muted = true;
  video.playsInline = true;
  try {
    await video.play();
  } catch (error) {
    stream.getTracks().forEach((t) => t.stop());
    throw explain(error);
  }
  let stopped = false;
  return {
    deviceId: track.getSettings().deviceId ?? null,
    label: track.label,
    hasTorch: BrowserCodeReader.mediaStreamIsTorchCompatibleTrack(track),
    setTorch: (on) => BrowserCodeReader.mediaStreamSetTorch(track, on),
    stop() {
      if (stopped) return;
      stopped = true;
      stream.getTracks().forEach((t) => t.stop());
      BrowserCodeReader.cleanVideoSource(video);
    },
  };
}
