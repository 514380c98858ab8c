import { DEFAULT_WAREHOUSE_SETTINGS } from '../../src/domain/floor/warehouseSettings';
import { describe, expect, it } from 'vitest';
import { beginDownload, storePage } from '../../src/device/downloadStore';
import { chooseWarehouse, readSession, saveSignIn, signOut } from '../../src/device/session';
import { deviceId } from '../../src/device/deviceIdentity';
import type { SignInResponse } from '../../src/protocol/auth';
import { freshDeviceDb } from './deviceDb';
import { BUSY_TRIES, signIn } from '../../src/sync/signIn';
import { SyncError } from '../../src/sync/syncError';
import type { ApiClient } from '../../src/sync/apiClient';

const main = { id: 'wh-main', code: 'MAIN', name: 'Main' };
const yard = { id: 'wh-yard', code: 'YARD', name: 'Yard' };
const response = (warehouses: SignInResponse['warehouses']): SignInResponse => ({
  token: 't'.repeat(43),
  expiresAt: '2026-12-06T00:00:00.000Z',
  user: { id: 'u-super1', username: 'super1', displayName: 'Sam', role: 'supervisor', jobs: ['pick'] },
  warehouses,
  previousDevice: null,
});

async function holdMainWarehouseData(db: Parameters<typeof beginDownload>[0]) {
  await beginDownload(db, { warehouseId: 'wh-main', dataEpoch: '3f0c4a8e-0000-4000-8000-000000000001', changeClock: '1', pullCursor: 'start', counts: { products: 0, bins: 1, tasks: 0, stockLines: 0 }, pageSize: 1, settings: DEFAULT_WAREHOUSE_SETTINGS });
  await storePage(db, 'bins', [{ code: 'A-01-01-1', zone: 'A', aisle: 'A-01', walkSeq: 10, stock: [] }], null);
}

async function addOutboxEntry(db: Parameters<typeof beginDownload>[0]) {
  await db.outbox.add({ opId: crypto.randomUUID(), deviceSeq: 1, type: 'count', payload: {}, createdAt: new Date().toISOString(), status: 'pending', userId: 'u', warehouseId: 'wh-main' });
}

describe('the session on the device', () => {
  it('keeps one device id for good', async () => {
    const device = freshDeviceDb();
    const first = await deviceId(device.db);
    device.db.close();
    expect(await deviceId(device.reopen())).toBe(first);
  });

  it('chooses the warehouse at once when the user has one, and waits for a choice otherwise', async () => {
    const one = freshDeviceDb().db;
    expect((await saveSignIn(one, response([main]))).warehouse).toEqual(main);
    const two = freshDeviceDb().db;
    expect((await saveSignIn(two, response([main, yard]))).warehouse).toBeNull();
    expect((await chooseWarehouse(two, yard)).warehouse).toEqual(yard);
    expect((await readSession(two))?.warehouse).toEqual(yard);
  });

  it('clears another warehouse\'s floor data when the warehouse changes', async () => {
    const { db } = freshDeviceDb();
    await saveSignIn(db, response([main, yard]));
    await holdMainWarehouseData(db);
    await chooseWarehouse(db, yard);
    expect(await db.bins.count()).toBe(0);
  });

  it('refuses to change warehouse or sign out while operations wait, and loses nothing', async () => {
    const { db } = freshDeviceDb();
    await saveSignIn(db, response([main, yard]));
    await holdMainWarehouseData(db);
    await addOutboxEntry(db);
    await expect(chooseWarehouse(db, yard)).rejects.toThrow('1 operation on this device has not reached the server yet');
    await expect(signOut(db)).rejects.toMatchObject({ reason: 'unsent-operations' });
    expect(await db.bins.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
    expect(await readSession(db)).not.toBeNull();
  });

  it('signs out when nothing waits, keeping the floor data', async () => {
    const { db } = freshDeviceDb();
    await saveSignIn(db, response([main]));
    await holdMainWarehouseData(db);
    await signOut(db);
    expect(await readSession(db)).toBeNull();
    expect(await db.bins.count()).toBe(1);
  });
});

describe('a sign-in held back as busy', () => {
  const busy = () => new SyncError('too-many-attempts', 'Many sign-ins are being checked at once from this network. Try again in 3 seconds.', 429, 3, true);
  const fakeApi = (answers: (SignInResponse | SyncError)[]) => {
    const sent: unknown[] = [];
    const api: ApiClient = {
      get: () => Promise.reject(new Error('not used')),
      post: async (_path, body) => {
        sent.push(body);
        const answer = answers.shift()!;
        if (answer instanceof SyncError) throw answer;
        return answer as never;
      },
    };
    return { api, sent };
  };

  it('is sent again by itself after the seconds the server named, the same sign-in each time', async () => {
    const { db } = freshDeviceDb();
    const { api, sent } = fakeApi([busy(), busy(), response([main])]);
    const waits: number[] = [];
    const slept: number[] = [];
    const session = await signIn(db, ' picker1 ', '1111', api, { onWait: (s) => waits.push(s), sleep: async (ms) => void slept.push(ms) });
    expect(session.warehouse).toEqual(main);
    expect(waits).toEqual([3, 3]);
    // Spread over two seconds past the wait, so a held-back shift does not come back together.
    expect(slept.every((ms) => ms >= 3000 && ms < 5000)).toBe(true);
    expect(sent).toHaveLength(3);
    expect(new Set(sent.map((b) => JSON.stringify(b))).size).toBe(1);
    expect(sent[0]).toMatchObject({ username: 'picker1', pin: '1111' });
  });

  it('tells the worker after BUSY_TRIES, and a lock for wrong PINs at once', async () => {
    const { db } = freshDeviceDb();
    const { api, sent } = fakeApi(Array.from({ length: BUSY_TRIES + 2 }, busy));
    await expect(signIn(db, 'picker1', '1111', api, { sleep: async () => undefined })).rejects.toMatchObject({ reason: 'too-many-attempts', busy: true });
    expect(sent).toHaveLength(BUSY_TRIES);
    const locked = fakeApi([new SyncError('too-many-attempts', 'Too many wrong PINs for picker1.', 429, 30), response([main])]);
    await expect(signIn(db, 'picker1', '1111', locked.api, { sleep: async () => undefined })).rejects.toMatchObject({ reason: 'too-many-attempts', busy: false });
    expect(locked.sent).toHaveLength(1);
  });
});
