import { describe, expect, it } from 'vitest';
import type { StoredTask } from '../../../device/floorDb';
import { deviceWords, nextTask, rowFacts, rowState, tasksForWorker, unitsOf, type TaskEntry } from './taskRows';
import { showFloorTime, translator } from '../../i18n/language';

const task = (id: string, over: Partial<StoredTask> = {}): StoredTask => ({
  id,
  kind: 'pick',
  reference: `SO-${id}`,
  status: 'open',
  assignedTo: 'u1',
  workedOnDevice: null,
  createdAt: '2026-12-01T08:00:00.000Z',
  lines: [
    { lineNo: 1, binCode: 'A-01-01-1', productId: 'p1', lot: null, qty: 3 },
    { lineNo: 2, binCode: 'A-01-02-1', productId: 'p2', lot: null, qty: 9 },
  ],
  ...over,
});
const entry = (t: StoredTask, finished: boolean | null = null): TaskEntry => ({ task: t, progress: finished === null ? null : { taskId: t.id, startedAt: '', lines: {}, finished, opIds: [] } });
const me = { userId: 'u1', deviceId: 'dev-1' };

describe('the task list and the next task', () => {
  it('lists the worker\u2019s own tasks first, then open ones; never another worker\u2019s', () => {
    const rows = tasksForWorker([entry(task('3', { assignedTo: null })), entry(task('2', { assignedTo: 'u2' })), entry(task('1'))], 'u1');
    expect(rows.map((r) => r.task.id)).toEqual(['1', '3']);
  });

  it('offers the first task still to do after the one just finished, skipping one another device has', () => {
    const entries = [
      entry(task('1', { status: 'in-progress', workedOnDevice: 'dev-1' }), true),
      entry(task('2', { workedOnDevice: 'dev-9', status: 'in-progress' })),
      entry(task('3', { assignedTo: null })),
    ];
    expect(nextTask(entries, '1', me)?.id).toBe('3');
    expect(nextTask([entries[0]!], '1', me)).toBeNull();
  });

  it('counts the units a task moves', () => {
    expect(unitsOf(task('1'))).toBe(12);
    expect(unitsOf(task('1', { kind: 'count' }))).toBeNull();
  });
});

describe('due times on the task list', () => {
  const now = Date.parse('2026-12-01T06:00:00Z');
  const en = translator('en');
  const zh = translator('zh');
  const wordsIn = (language: 'en' | 'zh', timeZone = 'Asia/Shanghai') => ({
    t: language === 'en' ? en : zh,
    showTime: () => '08:00',
    showFloorTime: (iso: string) => showFloorTime(language, iso, timeZone, now),
    now,
  });

  it('lists the worker’s own first, each group earliest due first, tasks with no due time after, then by id', () => {
    const rows = tasksForWorker(
      [
        entry(task('1')),
        entry(task('2', { dueAt: '2026-12-01T09:00:00.000Z' })),
        entry(task('3', { dueAt: '2026-12-01T07:00:00.000Z' })),
        entry(task('4', { assignedTo: null, dueAt: '2026-12-01T05:00:00.000Z' })),
        entry(task('5', { assignedTo: null })),
        entry(task('6', { assignedTo: null, dueAt: '2026-12-01T08:00:00.000Z' })),
      ],
      'u1',
    );
    expect(rows.map((r) => r.task.id)).toEqual(['3', '2', '1', '4', '6', '5']);
    // The next task follows the list's order.
    expect(nextTask(rows, '3', me)?.id).toBe('2');
  });

  it('says when a task is due on the warehouse’s clocks, in the device’s language', () => {
    const due = task('1', { dueAt: '2026-12-01T06:30:00.000Z' });
    expect(rowFacts(due, null, ['A'], wordsIn('en'))).toEqual({ text: 'due\u00a014:30 · zone A · 2 lines · 12 units', late: false });
    expect(rowFacts(due, null, ['A'], wordsIn('zh')).text).toBe('14:30 截止 · A 区 · 2 行 · 12 件');
    // The warehouse's zone, not the device's: the same instant in Berlin is 07:30.
    expect(rowFacts(due, null, [], wordsIn('en', 'Europe/Berlin')).text).toBe('due\u00a007:30 · 2 lines · 12 units');
    // Another day on the floor: its date too.
    expect(rowFacts(task('1', { dueAt: '2026-12-02T06:30:00.000Z' }), null, [], wordsIn('en')).text).toBe('due\u00a02 Dec 2026, 14:30 · 2 lines · 12 units');
  });

  it('says LATE in words once the due time has passed, until the task is done', () => {
    const late = task('1', { dueAt: '2026-12-01T05:45:00.000Z' });
    expect(rowFacts(late, null, [], wordsIn('en'))).toEqual({ text: 'LATE, was due\u00a013:45 · 2 lines · 12 units', late: true });
    expect(rowFacts(late, null, [], wordsIn('zh'))).toEqual({ text: '已逾期，13:45 截止 · 2 行 · 12 件', late: true });
    expect(rowFacts(late, { taskId: '1', startedAt: '', lines: {}, finished: true, opIds: [] }, [], wordsIn('en')).late).toBe(false);
    expect(rowFacts(task('1', { dueAt: '2026-12-01T05:45:00.000Z', status: 'done' }), null, [], wordsIn('en')).text).toBe('due\u00a013:45 · 2 lines · 12 units');
  });

  it('says since when a task waits when it has no due time', () => {
    expect(rowFacts(task('1'), null, [], wordsIn('en')).text).toBe('2 lines · 12 units · since\u00a008:00');
    expect(rowFacts(task('1', { dueAt: null }), null, [], wordsIn('en')).late).toBe(false);
  });
});

describe('devices on the task list', () => {
  const en = translator('en');
  const zh = translator('zh');
  const other = '397f1bdf-0000-4000-8000-000000000000';

  it('names the device a supervisor named, with its short id; the short id alone when unnamed', () => {
    expect(deviceWords(en, other, "Pat's scanner 2")).toBe("Pat's scanner 2 (397f1bdf)");
    expect(deviceWords(zh, other, "Pat's scanner 2")).toBe("Pat's scanner 2（397f1bdf）");
    expect(deviceWords(en, other, null)).toBe('397f1bdf');
    expect(deviceWords(en, null, 'x')).toBe('?');
  });

  it('says who has a task on which device', () => {
    const elsewhere = task('1', { assignedTo: 'u2', assignedToName: 'Sam', status: 'in-progress', workedOnDevice: other, workedOnDeviceName: 'Cold room 2' });
    expect(rowState(elsewhere, null, me, en)).toBe('in progress on another device · Sam, device Cold room 2 (397f1bdf)');
    expect(rowState({ ...elsewhere, workedOnDeviceName: null }, null, me, en)).toBe('in progress on another device · Sam, device 397f1bdf');
    expect(rowState(task('1'), null, me, en)).toBe('yours');
  });

  it('words the take-over gate with the name', () => {
    expect(en('tasks.heldByYou', deviceWords(en, other, "Pat's scanner 2"))).toBe("You have this task on another device: Pat's scanner 2 (397f1bdf)");
    expect(zh('tasks.heldByYou', deviceWords(zh, other, null))).toBe('您在另一台设备上有此任务：397f1bdf');
  });
});
