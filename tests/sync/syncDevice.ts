/** A simulated handheld for sync tests: device code on fake-indexeddb, talking to a real server over HTTP. */
import { createApiClient, type ApiClient } from '../../src/sync/apiClient';
import { signIn } from '../../src/sync/signIn';
import { downloadWarehouse } from '../../src/sync/download';
import { syncOnce, type SyncReport } from '../../src/sync/syncEngine';
import { deviceId } from '../../src/device/deviceIdentity';
import { recordOperation } from '../../src/device/floorOperations';
import type { FloorDb } from '../../src/device/floorDb';
import type { FloorOperation } from '../../src/domain/floor/operations';
import type { DeviceSession } from '../../src/device/syncState';
import { freshDeviceDb } from '../device/deviceDb';

export interface TestHandheld {
  readonly db: FloorDb;
  session: DeviceSession;
  readonly id: string;
  /** The API as the device uses it; `intercept` can wrap it (lost answers, another server). */
  api: ApiClient;
  baseUrl: string;
  record(op: FloorOperation, at?: Date): Promise<string>;
  sync(): Promise<SyncReport>;
  signInAgain(pin: string): Promise<void>;
}

export async function handheld(baseUrl: string, username: string, pin: string, options: { download?: boolean } = {}): Promise<TestHandheld> {
  const { db } = freshDeviceDb();
  const session = await signIn(db, username, pin, createApiClient(() => null, baseUrl));
  const id = await deviceId(db);
  const device: TestHandheld = {
    db,
    session,
    id,
    baseUrl,
    api: null as unknown as ApiClient,
    async record(op, at = new Date()) {
      return (await recordOperation(db, { userId: device.session.user.id, warehouseId: 'wh-main' }, op, at)).opId;
    },
    sync: () => syncOnce(db, device.api, { warehouseId: 'wh-main' }),
    async signInAgain(again) {
      device.session = await signIn(db, username, again, createApiClient(() => null, device.baseUrl));
    },
  };
  device.api = createApiClient(() => ({ token: device.session.token, deviceId: id }), baseUrl);
  if (options.download !== false) await downloadWarehouse(db, device.api, 'wh-main');
  return device;
}

/** An API whose answers to some requests are lost after the server handled them, as a dropping proxy would. */
export function losingAnswers(api: ApiClient, lose: (path: string, call: number) => boolean): ApiClient {
  let calls = 0;
  return {
    get: (path, schema, options) => api.get(path, schema, options),
    async post(path, body, schema, options) {
      const answer = await api.post(path, body, schema, options);
      if (lose(path, ++calls)) {
        const { SyncError } = await import('../../src/sync/syncError');
        throw new SyncError('server-unavailable', 'The answer was lost on the way.');
      }
      return answer;
    },
  };
}
