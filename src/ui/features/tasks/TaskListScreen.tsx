import type { TaskKind } from '../../../domain/tasks/task';
import type { DeviceSession } from '../../../device/syncState';
import { floorDb } from '../../floor';
import { useLiveQuery } from '../../hooks/useLiveQuery';
import { Screen } from '../../components/Screen';
import { useAppStore } from '../../store/appStore';

const TITLES: Record<TaskKind, string> = { pick: 'Pick lists', putaway: 'Putaway tasks', count: 'Count tasks' };

/**
 * The tasks of one kind this worker may take: their own first, then open ones, each
 * with how far this device got; tapping one works through it.
 */
export function TaskListScreen({ kind, session }: { kind: TaskKind; session: DeviceSession }) {
  const navigate = useAppStore((s) => s.navigate);
  const progress = useLiveQuery(async () => new Map((await floorDb.taskProgress.toArray()).map((p) => [p.taskId, p])), [], new Map());
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
  const stateOf = (taskId: string, yours: boolean) => {
    const p = progress.get(taskId);
    if (p?.finished) return 'done on this device';
    if (p) return 'in progress on this device';
    return yours ? 'yours' : 'open';
  };
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
              <button type="button" className="task-open" onClick={() => navigate(`/${kind}`, `task=${encodeURIComponent(task.id)}`)}>
                <strong>{task.reference}</strong>
                <span>
                  {task.lines.length} line{task.lines.length === 1 ? '' : 's'} · {stateOf(task.id, task.assignedTo !== null)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {kind === 'count' && (
        <button type="button" onClick={() => navigate('/count', 'spot=1')}>
          Spot count a bin
        </button>
      )}
    </Screen>
  );
}
