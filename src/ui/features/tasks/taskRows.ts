/**
 * Which tasks a worker sees in a task list, in which order, what each row says (due
 * time or since when, zones, lines, units, who has it on which device), and which task
 * comes next after one is finished: pure, over what the device holds, so the list and
 * the "Next pick list" button agree.
 *
 * Order: the worker's own tasks first (a supervisor gave them to this worker), then open
 * ones; within each, the earliest due first (a late one, due longest ago, at the top: it
 * is the truck waiting), then those with no due time; ties by id, so the list holds still
 * between syncs. Due before "mine" would let an open task jump a worker's assigned work,
 * which the supervisor planned; the next task offered follows the same order.
 */
import type { StoredTask, TaskProgress } from '../../../device/floorDb';
import { deviceLabel, holderOf } from '../../../domain/tasks/taskHolder';
import { byDueTime, isLate } from '../../../domain/tasks/dueTime';
import type { Translate } from '../../i18n/language';

export interface TaskEntry {
  readonly task: StoredTask;
  readonly progress: TaskProgress | null;
}

/** The tasks this worker may take, theirs first, then open ones; finished ones only where this device worked them. */
export function tasksForWorker(entries: readonly TaskEntry[], userId: string): TaskEntry[] {
  return (
    entries
      // Another worker's task is theirs: not on this list (a link to it names who has it).
      .filter(({ task }) => task.assignedTo === null || task.assignedTo === userId)
      // Finished or cancelled on the server: shown only where this device worked them.
      .filter(({ task, progress }) => task.status === 'open' || task.status === 'in-progress' || progress !== null)
      .sort((a, b) => Number(b.task.assignedTo !== null) - Number(a.task.assignedTo !== null) || byDueTime(a.task, b.task) || a.task.id.localeCompare(b.task.id))
  );
}

/** The task to offer after `currentId`: the first on the list still to do, that no other device has. */
export function nextTask(entries: readonly TaskEntry[], currentId: string, who: { readonly userId: string; readonly deviceId: string }): StoredTask | null {
  const todo = tasksForWorker(entries, who.userId).filter(
    ({ task, progress }) => task.id !== currentId && progress?.finished !== true && (task.status === 'open' || task.status === 'in-progress') && holderOf(task, who).kind !== 'elsewhere',
  );
  return todo[0]?.task ?? null;
}

/** Units a task moves (pick, putaway); null for a count task, whose lines are bins. */
export const unitsOf = (task: StoredTask): number | null => (task.kind === 'count' ? null : task.lines.reduce((sum, line) => sum + (line.qty ?? 0), 0));

/** How a row words times and devices: the language's words, and times on the warehouse's clocks or the device's. */
export interface RowWords {
  readonly t: Translate;
  /** A moment on the device's clock ("since 08:15"). */
  readonly showTime: (iso: string) => string;
  /** A moment on the warehouse's clocks ("due 14:30"). */
  readonly showFloorTime: (iso: string) => string;
  readonly now: number;
}

/** What a row says of a task, and whether it is late (said in the words, not by colour only). */
export function rowFacts(task: StoredTask, progress: TaskProgress | null, zones: readonly string[], words: RowWords): { readonly text: string; readonly late: boolean } {
  const { t } = words;
  const units = unitsOf(task);
  const late = isLate(task, words.now, progress?.finished === true);
  const due = task.dueAt ? t(late ? 'tasks.dueLate' : 'tasks.due', words.showFloorTime(task.dueAt)) : null;
  const facts = [
    due,
    zones.length > 0 ? t('tasks.zones', zones.join(', '), zones.length) : null,
    t('tasks.lines', task.lines.length),
    units === null ? null : t('tasks.units', units),
    // With no due time, how long it has waited is what tells the worker which first.
    due === null ? t('tasks.since', words.showTime(task.createdAt)) : null,
  ];
  return { text: facts.filter((fact) => fact !== null).join(' · '), late };
}

/** A device as the worker reads it: its name with the short id, or the short id alone. */
export const deviceWords = (t: Translate, deviceId: string | null, name: string | null | undefined): string =>
  deviceId === null ? '?' : deviceLabel(deviceId, name, (named, shortId) => t('tasks.deviceNamed', named, shortId));

/** Where the task stands for this worker: done here, cancelled, someone else's on a device, in progress here, theirs, open. */
export function rowState(task: StoredTask, progress: TaskProgress | null, who: { readonly userId: string; readonly deviceId: string }, t: Translate): string {
  const holder = holderOf(task, who);
  if (progress?.finished) return t('tasks.doneHere');
  if (task.status === 'cancelled') return t('tasks.cancelled');
  if (holder.kind === 'elsewhere') return `${t('tasks.inProgressElsewhere')} · ${t('tasks.onDevice', holder.userName ?? '', deviceWords(t, holder.deviceId, holder.deviceName))}`;
  if (progress) return t('tasks.inProgressHere');
  return task.assignedTo !== null ? t('tasks.yours') : t('tasks.open');
}
