import { describe, expect, it } from 'vitest';
import type { DeviceSummary } from '../../../protocol/devices';
import { concernsOf, sortDevices } from './deviceHealth';

const now = Date.parse('2026-12-01T12:00:00Z');
const ago = (min: number) => new Date(now - min * 60_000).toISOString();
const device = (id: string, over: Partial<DeviceSummary> = {}, pending = 0, oldest: string | null = null): DeviceSummary => ({
  deviceId: id,
  name: null,
  username: 'picker1',
  warehouseId: 'wh-main',
  appVersion: '1',
  lastSeenAt: ago(1),
  lastSyncAt: ago(1),
  statusAt: ago(1),
  rejectedOpen: 0,
  status: { appVersion: '1', pending, oldestPendingAt: oldest, rejected: 0, lastSyncAt: ago(1), persisted: true, usageBytes: 1000, quotaBytes: 10_000, lastError: null },
  ...over,
});

describe('device health', () => {
  it('singles out a device silent while holding work, old unsent work, rejected steps and errors', () => {
    expect(concernsOf(device('fine'), now)).toEqual([]);
    // Silent but with nothing to send: a device put away at the end of a shift is not a worry.
    expect(concernsOf(device('idle', { lastSeenAt: ago(120) }), now)).toEqual([]);
    expect(concernsOf(device('gone', { lastSeenAt: ago(20) }, 3, ago(25)), now)).toEqual(['silent']);
    expect(concernsOf(device('stuck', {}, 1, ago(45)), now)).toEqual(['old-work']);
    expect(concernsOf(device('bad', { rejectedOpen: 2 }), now)).toEqual(['rejected']);
  });

  it('sorts devices needing attention first, then by the chosen column', () => {
    const list = [device('b', { username: 'zed' }), device('a', { username: 'amy' }), device('c', { rejectedOpen: 1, username: 'max' })];
    expect(sortDevices(list, 'user', false, now).map((d) => d.deviceId)).toEqual(['c', 'a', 'b']);
    expect(sortDevices(list, 'user', true, now).map((d) => d.deviceId)).toEqual(['c', 'b', 'a']);
  });

  it('sorts named devices by name, then unnamed ones by id', () => {
    const list = [device('ff', { name: null }), device('aa', { name: 'Dock 10' }), device('00', { name: null }), device('bb', { name: 'cold room' })];
    expect(sortDevices(list, 'device', false, now).map((d) => d.deviceId)).toEqual(['bb', 'aa', '00', 'ff']);
  });
});
