import type { TaskKind } from '../../../domain/tasks/task';
import type { DeviceSession } from '../../../device/syncState';
import { floorDb } from '../../floor';
import { useLiveQuery } from '../../hooks/useLiveQuery';
import { Screen } from '../../components/Screen';

const TITLES: Record<TaskKind, string> = { pick: 'Pick lists', putaway: 'Putaway tasks', count: 'Count tasks' };

/**
 * The tasks of one kind this worker may take: their own first, then open ones.
 * Working through a task (scanning bins and items) is the floor-flows issue; this
 * screen lists what the device holds.
 */
export function TaskListScreen({ kind, session }: { kind: TaskKind; session: DeviceSession }) {
  const tasks = useLiveQuery(
    async () => {
      const all = await floorDb.tasks.where('kind').equals(kind).toArray();
      return all
        .filter((task) => task.assignedTo === null || task.assignedTo === session.user.id)
        .sort((a, b) => Number(b.assignedTo !== null) - Number(a.assignedTo !== null) || a.id.localeCompare(b.id));
    },
    [kind, session.user.id],
    null,
  );
  return (
    <Screen title={TITLES[kind]}>
      {tasks === null ? (
        <p>Loading…</p>
      ) : tasks.length === 0 ? (
        <p>No {TITLES[kind].toLowerCase()} for you.</p>
      ) : (
        <ul className="task-list">
          {tasks.map((task) => (
            <li key={task.id}>
              <strong>{task.reference}</strong>
              <span>
                {task.lines.length} line{task.lines.length === 1 ? '' : 's'} · {task.assignedTo ? 'yours' : 'open'}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="note">Working through tasks by scanning comes with the floor flows; this list is read from the device.</p>
    </Screen>
  );
}
