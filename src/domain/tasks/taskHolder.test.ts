import { describe, expect, it } from 'vitest';
import { deviceLabel, holderOf } from './taskHolder';

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
    expect(holderOf({ assignedTo: 'u-me', assignedToName: 'Pat Picker', workedOnDevice: 'dev-phone-2' }, me)).toEqual({ kind: 'elsewhere', userName: 'Pat Picker', deviceId: 'dev-phone-2', sameWorker: true });
    expect(holderOf({ assignedTo: 'u-sam', assignedToName: 'Sam Supervisor', workedOnDevice: null }, me)).toEqual({ kind: 'elsewhere', userName: 'Sam Supervisor', deviceId: null, sameWorker: false });
    // A task stored before names came with it: the user id.
    expect(holderOf({ assignedTo: 'u-sam', workedOnDevice: 'dev-x' }, me)).toMatchObject({ userName: 'u-sam' });
    expect(deviceLabel('0f3a9c2e-1111-4000-8000-000000000000')).toBe('0f3a9c2e');
  });
});
