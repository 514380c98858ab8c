/**
 * What the server said about work on a task that met someone else's, as this device
 * should hear it: an over-pick on a line this device picked, or its steps after a
 * supervisor's decision. Shown on the task list and before the task is worked.
 */
import type { Task, TaskConflict } from '../../../domain/tasks/task';
import { useT } from '../../i18n/useT';
import { deviceWords } from './taskRows';

/** The conflicts that name this device. */
export function conflictsOf(task: Pick<Task, 'conflicts'>, deviceId: string): TaskConflict[] {
  return (task.conflicts ?? []).filter((c) => c.devices.some((d) => d.deviceId === deviceId));
}

export function TaskConflictNotes({ task, deviceId }: { task: Pick<Task, 'conflicts'>; deviceId: string }) {
  const t = useT();
  const mine = conflictsOf(task, deviceId);
  if (mine.length === 0) return null;
  const words = (c: TaskConflict): string => {
    if (c.kind === 'over-pick') return t('tasks.overPick', c.lineNo ?? 0, c.excess ?? 0, c.devices.map((d) => (d.userName ? t('tasks.onDevice', d.userName, deviceWords(t, d.deviceId, d.deviceName)) : deviceWords(t, d.deviceId, d.deviceName))).join(' + '));
    if (c.decision?.status === 'cancelled') return t('tasks.afterCancel');
    return c.decision?.assignedToName ? t('tasks.afterAssign', c.decision.assignedToName) : t('tasks.afterOpen');
  };
  return (
    <ul className="task-conflicts" role="status" data-testid="task-conflicts">
      {mine.map((c, i) => (
        <li key={`${c.kind}-${c.lineNo ?? 0}-${i}`} className="deviation">
          {words(c)}
        </li>
      ))}
    </ul>
  );
}
