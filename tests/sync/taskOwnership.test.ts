/**
 * The issue's two phones, end to end (device code on fake-indexeddb, the real server
 * over HTTP): picker1 on two handhelds, both offline, takes and picks the same line.
 * After both synced, each shows the line's real progress (both phones' picks) and the
 * over-pick naming both, the stock what physically left the bin, and the second phone
 * sees the list is on the first one, which it takes over only explicitly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { appOn, seededDatabase, SMALL_MAIN, type TestDatabase } from '../server/testServer';
import { balanceOf, floorOfSmallMain, pickOf } from '../server/syncHelpers';
import { handheld } from './syncDevice';
import { readRealLineProgress } from '../../src/device/taskLineProgress';
import { readTask, takeTask } from '../../src/device/tasks';
import { holderOf } from '../../src/domain/tasks/taskHolder';

const floor = floorOfSmallMain();

describe('two phones of one picker on one pick list', () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let baseUrl: string;
  beforeAll(async () => {
    test = await seededDatabase('pglite', [SMALL_MAIN]);
    app = await appOn(test.db, { signInRatePerMinute: 1000 });
    baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  it('shows both phones the real progress and the over-pick, and the stock that left the bin', async () => {
    const list = floor.pickLists.find((t) => t.lines.some((l) => l.qty! >= 1 && (floor.data.stock.find((s) => s.binCode === l.binCode && s.productId === l.productId)?.qty ?? 0) >= 2 * l.qty!))!;
    const line = list.lines.find((l) => (floor.data.stock.find((s) => s.binCode === l.binCode && s.productId === l.productId)?.qty ?? 0) >= 2 * l.qty!)!;
    const phoneA = await handheld(baseUrl, 'picker1', '1111');
    const phoneB = await handheld(baseUrl, 'picker1', '1111');
    const before = await balanceOf(test.db, line.binCode!, line.productId!, line.lot ?? '');
    const worker = { userId: 'u-picker1', warehouseId: 'wh-main' };

    // Both offline: each takes the list (nobody has it as far as each knows) and picks the whole line.
    for (const phone of [phoneA, phoneB]) {
      expect(await takeTask(phone.db, worker, list.id, { takeOver: false })).toBe(true);
      await phone.record(pickOf(list, line.lineNo, line.qty!));
      expect((await readRealLineProgress(phone.db, list.id))?.[line.lineNo]).toEqual({ done: line.qty, short: null });
    }
    await phoneA.sync();
    await phoneB.sync();
    await phoneA.sync();

    expect(await balanceOf(test.db, line.binCode!, line.productId!, line.lot ?? '')).toBe(before - 2 * line.qty!);
    for (const phone of [phoneA, phoneB]) {
      // The line's real progress: both phones' picks, once each.
      expect((await readRealLineProgress(phone.db, list.id))?.[line.lineNo]).toEqual({ done: 2 * line.qty!, short: null });
      const task = (await readTask(phone.db, list.id))!;
      expect(task.conflicts).toEqual([expect.objectContaining({ kind: 'over-pick', lineNo: line.lineNo, excess: line.qty })]);
      expect(task.conflicts![0]!.devices.map((d) => d.deviceId).sort()).toEqual([phoneA.id, phoneB.id].sort());
    }
    // Phone B's take was refused naming phone A; the list is phone A's, which phone B sees.
    const takeB = (await phoneB.db.outbox.orderBy('deviceSeq').toArray())[0]!;
    expect(takeB).toMatchObject({ status: 'rejected', rejection: { why: { code: 'task-taken', you: true, device: phoneA.id.slice(0, 8) } } });
    expect(holderOf((await readTask(phoneB.db, list.id))!, { userId: 'u-picker1', deviceId: phoneB.id })).toMatchObject({ kind: 'elsewhere', deviceId: phoneA.id, sameWorker: true });
    await expect(takeTask(phoneB.db, worker, list.id, { takeOver: false })).rejects.toMatchObject({ reason: 'task-taken' });

    // Taken over explicitly: phone B has it, and phone A hears at its next sync.
    expect(await takeTask(phoneB.db, worker, list.id, { takeOver: true })).toBe(true);
    await phoneB.sync();
    await phoneA.sync();
    expect((await readTask(phoneA.db, list.id))?.workedOnDevice).toBe(phoneB.id);
    const [takeover] = await test.db.query<{ from: string; to: string }>('select from_device as "from", to_device as "to" from task_takeovers where task_id = $1', [list.id]);
    expect(takeover).toEqual({ from: phoneA.id, to: phoneB.id });
  });
});
