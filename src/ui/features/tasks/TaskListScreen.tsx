import type { Task, TaskKind } from '../../../domain/tasks/task';
import type { DeviceSession } from '../../../device/syncState';
import { floorDb } from '../../floor';
import { useLiveQuery } from '../../hooks/useLiveQuery';
import { Screen } from '../../components/Screen';
import { useAppStore } from '../../store/appStore';
import { useT } from '../../i18n/useT';

const TITLES = { pick: 'tasks.pick', putaway: 'tasks.putaway', count: 'tasks.count' } as const satisfies Record<TaskKind, string>;

/**
 * The tasks of one kind this worker may take: their own first, then open ones, each
 * with how far this device got; tapping one works through it.
 */
export function TaskListScreen({ kind, session }: { kind: TaskKind; session: DeviceSession }) {
  const navigate = useAppStore((s) => s.navigate);
  const thisDevice = useAppStore((s) => s.deviceId);
  const t = useT();
  const progress = useLiveQuery(async () => new Map((await floorDb.taskProgress.toArray()).map((p) => [p.taskId, p])), [], new Map());
  const tasks = useLiveQuery(
    async () => {
      const all = await floorDb.tasks.where('kind').equals(kind).toArray();
      // Finished or cancelled on the server: shown only where this device worked them.
      const mine = new Set((await floorDb.taskProgress.toArray()).map((p) => p.taskId));
      return all
        .filter((task) => task.assignedTo === null || task.assignedTo === session.user.id)
        .filter((task) => task.status === 'open' || task.status === 'in-progress' || mine.has(task.id))
        .sort((a, b) => Number(b.assignedTo !== null) - Number(a.assignedTo !== null) || a.id.localeCompare(b.id));
    },
    [kind, session.user.id],
    null,
  );
  const stateOf = (task: Task) => {
    const p = progress.get(task.id);
    if (p?.finished) return t('tasks.doneHere');
    if (p) return t('tasks.inProgressHere');
    if (task.status === 'cancelled') return t('tasks.cancelled');
    if (task.workedOnDevice !== null && task.workedOnDevice !== thisDevice) return t('tasks.inProgressElsewhere');
    return task.assignedTo !== null ? t('tasks.yours') : t('tasks.open');
  };
  return (
    <Screen title={t(TITLES[kind])}>
      {tasks === null ? (
        <p>{t('common.loading')}</p>
      ) : tasks.length === 0 ? (
        <p>{t('tasks.none', t(TITLES[kind]))}</p>
      ) : (
        <ul className="task-list">
          {tasks.map((task) => (
            <li key={task.id}>
              <button type="button" className="task-open" onClick={() => navigate(`/${kind}`, `task=${encodeURIComponent(task.id)}`)}>
                <strong>{task.reference}</strong>
                <span>
                  {t('tasks.lines', task.lines.length)} · {stateOf(task)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {kind === 'putaway' && (
        <button type="button" onClick={() => navigate('/putaway', 'adhoc=1')}>
          {t('putaway.adHoc')}
        </button>
      )}
      {kind === 'count' && (
        <button type="button" onClick={() => navigate('/count', 'spot=1')}>
          {t('tasks.spotCount')}
        </button>
      )}
    </Screen>
  );
}
