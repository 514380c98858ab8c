/**
 * Opens and closes the camera with the browser's own MediaDevices API: lists the
 * cameras (enumerateDevices), attaches the stream to the video, and drives the torch
 * and the zoom through the track's constraints. No ZXing here: the decoder is the
 * worker's business (decodeWorker.ts), and @zxing/library is shipped only as its
 * fallback engine.
 *
 * The constraints are ours: the back camera unless the person chose another,
 * 1280x720 (enough pixels across a 1D code at arm's length, few enough to decode
 * every frame), continuous focus where the camera offers it, and zoom asked for so
 * that Chromium exposes it (it hides pan, tilt and zoom unless asked).
 */
import type { Why } from '../../domain/why';
import { zoomRangeOf, type ZoomRange } from './zoomSteps';

export interface CameraChoice {
  readonly deviceId: string;
  /** The browser's name for it; "" when the browser gives none (the interface then numbers it). */
  readonly label: string;
}

export interface OpenCamera {
  readonly deviceId: string | null;
  readonly label: string;
  readonly hasTorch: boolean;
  setTorch(on: boolean): Promise<void>;
  /** The zoom the camera offers, or null; `zoomNow` is where it stands at the start. */
  readonly zoom: ZoomRange | null;
  readonly zoomNow: number | null;
  /** Asks for `value`; resolves with the zoom the camera took. */
  setZoom(value: number): Promise<number>;
  /** Called once if the camera stops by itself (unplugged, taken by another app). */
  onEnded(callback: () => void): void;
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

type DeviceInfo = Pick<MediaDeviceInfo, 'kind' | 'deviceId' | 'label'>;

/**
 * The cameras among the media devices, in the browser's order. Before the camera is
 * allowed a browser may list cameras with no id (Safari) or no name (all of them):
 * one with no id cannot be chosen, so it is left out; one with no name is numbered.
 */
export function camerasFrom(devices: readonly DeviceInfo[]): CameraChoice[] {
  const seen = new Set<string>();
  const cameras: CameraChoice[] = [];
  for (const device of devices) {
    if (device.kind !== 'videoinput' || device.deviceId === '' || seen.has(device.deviceId)) continue;
    seen.add(device.deviceId);
    cameras.push({ deviceId: device.deviceId, label: device.label });
  }
  return cameras;
}

/** The device's cameras; none where the browser cannot list them (no MediaDevices, as on plain HTTP). */
export async function listCameras(media: Pick<MediaDevices, 'enumerateDevices'> | undefined = globalThis.navigator?.mediaDevices): Promise<CameraChoice[]> {
  if (typeof media?.enumerateDevices !== 'function') return [];
  return camerasFrom(await media.enumerateDevices());
}

function constraintsFor(deviceId: string | null): MediaStreamConstraints {
  return {
    audio: false,
    video: {
      ...(deviceId ? { deviceId: { exact: deviceId } } : { facingMode: { ideal: 'environment' } }),
      width: { ideal: 1280 },
      height: { ideal: 720 },
      frameRate: { ideal: 30 },
      // Not in TypeScript's DOM types yet; a browser that does not know it ignores it.
      ...({ zoom: true } as MediaTrackConstraints),
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

/** What the track offers beyond the DOM types: torch, zoom and focus (Image Capture's additions). */
type Capabilities = MediaTrackCapabilities & { torch?: boolean | boolean[]; zoom?: unknown; focusMode?: string[] };
type Settings = MediaTrackSettings & { zoom?: number };

async function getStream(deviceId: string | null): Promise<MediaStream> {
  try {
    return await navigator.mediaDevices.getUserMedia(constraintsFor(deviceId));
  } catch (error) {
    // A chosen camera that has gone (another phone, a USB camera unplugged): the default one.
    if (deviceId === null || !(error instanceof Error) || !['NotFoundError', 'OverconstrainedError'].includes(error.name)) throw explain(error);
    try {
      return await navigator.mediaDevices.getUserMedia(constraintsFor(null));
    } catch (second) {
      throw explain(second);
    }
  }
}

/** Opens the chosen camera (or the back one) into `video`. */
export async function openCamera(video: HTMLVideoElement, deviceId: string | null): Promise<OpenCamera> {
  if (!navigator.mediaDevices?.getUserMedia) {
    throw new CameraError('needs-https', 'This page cannot use the camera: it needs HTTPS (or localhost). Open the app at its https:// address.');
  }
  const stream = await getStream(deviceId);
  const stopTracks = () => stream.getTracks().forEach((t) => t.stop());
  const track = stream.getVideoTracks()[0];
  if (!track) {
    stopTracks();
    throw new CameraError('no-picture', 'The camera gave no picture. Try another camera.');
  }
  const capabilities = (track.getCapabilities?.() ?? {}) as Capabilities;
  if (capabilities.focusMode?.includes('continuous')) {
    // Not every browser knows focusMode; a refusal leaves the camera's own focus.
    await track.applyConstraints({ advanced: [{ focusMode: 'continuous' } as MediaTrackConstraintSet] }).catch(() => undefined);
  }
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  try {
    await video.play();
  } catch (error) {
    stopTracks();
    video.srcObject = null;
    throw explain(error);
  }
  const settings = (track.getSettings?.() ?? {}) as Settings;
  const zoom = zoomRangeOf(capabilities.zoom);
  let stopped = false;
  return {
    deviceId: settings.deviceId ?? null,
    label: track.label,
    hasTorch: capabilities.torch === true || (Array.isArray(capabilities.torch) && capabilities.torch.includes(true)),
    setTorch: (on) => track.applyConstraints({ advanced: [{ torch: on } as MediaTrackConstraintSet] }),
    zoom,
    zoomNow: zoom === null ? null : (settings.zoom ?? zoom.min),
    async setZoom(value) {
      await track.applyConstraints({ advanced: [{ zoom: value } as MediaTrackConstraintSet] });
      return ((track.getSettings?.() ?? {}) as Settings).zoom ?? value;
    },
    onEnded(callback) {
      track.addEventListener('ended', () => {
        if (!stopped) callback();
      }, { once: true });
    },
    stop() {
      if (stopped) return;
      stopped = true;
      stopTracks();
      video.srcObject = null;
    },
  };
}
