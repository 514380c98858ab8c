import { describe, expect, it } from 'vitest';
import { deviceLabel, holderOf, shortDeviceId } from './taskHolder';

const me = { userId: 'u-me', deviceId: 'dev-here-0001' };

describe('who has a task, as a device sees it', () => {
  it('is nobody for an open task, also one put back to open while a device still had it', () => {
    expect(holderOf({ assignedTo: null, workedOnDevice: null }, me)).toEqual({ kind: 'nobody' });
    expect(holderOf({ assignedTo: null, workedOnDevice: 'dev-old' }, me)).toEqual({ kind: 'nobody' });
  });

  it('is this device, or yours with no device yet', () => {
    expect(holderOf({ assignedTo: 'u-me', workedOnDevice: 'dev-here-0001' }, me)).toEqual({ kind: 'here' });
    expect(holderOf({ assignedTo: 'u-me', workedOnDevice: null }, me)).toEqual({ kind: 'yours' });
  });

  it('names the worker and the device when someone else has it, the same worker on another phone included', () => {
    expect(holderOf({ assignedTo: 'u-me', assignedToName: 'Pat Picker', workedOnDevice: 'dev-phone-2' }, me)).toEqual({ kind: 'elsewhere', userName: 'Pat Picker', deviceId: 'dev-phone-2', deviceName: null, sameWorker: true });
    expect(holderOf({ assignedTo: 'u-me', assignedToName: 'Pat Picker', workedOnDevice: 'dev-phone-2', workedOnDeviceName: "Pat's scanner 2" }, me)).toMatchObject({ deviceName: "Pat's scanner 2" });
    expect(holderOf({ assignedTo: 'u-sam', assignedToName: 'Sam Supervisor', workedOnDevice: null }, me)).toEqual({ kind: 'elsewhere', userName: 'Sam Supervisor', deviceId: null, deviceName: null, sameWorker: false });
    // A task stored before names came with it: the user id.
    expect(holderOf({ assignedTo: 'u-sam', workedOnDevice: 'dev-x' }, me)).toMatchObject({ userName: 'u-sam' });
  });

  it('labels a device by its name with the short id, or the short id alone when unnamed', () => {
    const id = '397f1bdf-1111-4000-8000-000000000000';
    expect(deviceLabel(id, "Pat's scanner 2")).toBe("Pat's scanner 2 (397f1bdf)");
    expect(deviceLabel(id, "Pat's scanner 2", (name, shortId) => `${name}（${shortId}）`)).toBe("Pat's scanner 2（397f1bdf）");
    expect(deviceLabel(id, null)).toBe('397f1bdf');
    expect(deviceLabel(id, undefined)).toBe('397f1bdf');
    expect(deviceLabel(id, '  ')).toBe('397f1bdf');
    expect(shortDeviceId(id)).toBe('397f1bdf');
  });
});
