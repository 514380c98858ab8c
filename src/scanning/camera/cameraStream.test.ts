import { describe, expect, it } from 'vitest';
import { camerasFrom, listCameras } from './cameraStream';

const device = (kind: MediaDeviceKind, deviceId: string, label = '') => ({ kind, deviceId, label });

describe('listing the cameras with the MediaDevices API', () => {
  it('keeps the cameras, in the browser\u2019s order, with their names', async () => {
    const devices = [device('audioinput', 'mic', 'Microphone'), device('videoinput', 'back', 'Back camera'), device('audiooutput', 'spk'), device('videoinput', 'front', 'Front camera')];
    const cameras = await listCameras({ enumerateDevices: async () => devices as MediaDeviceInfo[] });
    expect(cameras).toEqual([
      { deviceId: 'back', label: 'Back camera' },
      { deviceId: 'front', label: 'Front camera' },
    ]);
  });

  it('leaves out a camera with no id (listed before the camera was allowed) and keeps one with no name for the interface to number', () => {
    expect(camerasFrom([device('videoinput', ''), device('videoinput', 'c2'), device('videoinput', 'c2')])).toEqual([{ deviceId: 'c2', label: '' }]);
  });

  it('lists none where the browser has no MediaDevices (plain HTTP) or cannot enumerate them', async () => {
    expect(await listCameras(undefined)).toEqual([]);
    expect(await listCameras({} as MediaDevices)).toEqual([]);
  });

  it('passes a refusal on, for the camera panel to say', async () => {
    await expect(listCameras({ enumerateDevices: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) })).rejects.toThrow('denied');
  });
});
