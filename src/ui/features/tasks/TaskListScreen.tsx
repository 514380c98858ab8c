import type { TaskKind } from '../../../domain/tasks/task';
import { deviceLabel, holderOf } from '../../../domain/tasks/taskHolder';
import type { DeviceSession } from '../../../device/syncState';
import type { StoredTask, TaskProgress } from '../../../device/floorDb';
import { readTasksOfKind } from '../../../device/tasks';
import { floorDb } from '../../floor';
import { useLiveQuery } from '../../hooks/useLiveQuery';
import { Screen } from '../../components/Screen';
import { useAppStore } from '../../store/appStore';
import { useT } from '../../i18n/useT';
import { TaskConflictNotes } from './TaskConflictNotes';

const TITLES = { pick: 'tasks.pick', putaway: 'tasks.putaway', count: 'tasks.count' } as const satisfies Record<TaskKind, string>;

/**
 * The tasks of one kind this worker may take: their own first, then open ones, each
 * with how far this device got, or who has it on which device; tapping one works
 * through it (a task another device has asks for an explicit take-over first).
 */
export function TaskListScreen({ kind, session }: { kind: TaskKind; session: DeviceSession }) {
  const navigate = useAppStore((s) => s.navigate);
  const thisDevice = useAppStore((s) => s.deviceId) ?? '';
  const t = useT();
  const tasks = useLiveQuery(
    async () =>
      (await readTasksOfKind(floorDb, kind))
        // Another worker's task is theirs: not on this list (a link to it names who has it).
        .filter(({ task }) => task.assignedTo === null || task.assignedTo === session.user.id)
        // Finished or cancelled on the server: shown only where this device worked them.
        .filter(({ task, progress }) => task.status === 'open' || task.status === 'in-progress' || progress !== null)
        .sort((a, b) => Number(b.task.assignedTo !== null) - Number(a.task.assignedTo !== null) || a.task.id.localeCompare(b.task.id)),
    [kind, session.user.id],
    null,
  );
  const stateOf = (task: StoredTask, progress: TaskProgress | null) => {
    const holder = holderOf(task, { userId: session.user.id, deviceId: thisDevice });
    if (progress?.finished) return t('tasks.doneHere');
    if (task.status === 'cancelled') return t('tasks.cancelled');
    if (holder.kind === 'elsewhere') return `${t('tasks.inProgressElsewhere')} (${t('tasks.onDevice', holder.userName ?? '', holder.deviceId ? deviceLabel(holder.deviceId) : '?')})`;
    if (progress) return t('tasks.inProgressHere');
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
          {tasks.map(({ task, progress }) => (
            <li key={task.id}>
              <button type="button" className="task-open" onClick={() => navigate(`/${kind}`, `task=${encodeURIComponent(task.id)}`)}>
                <strong>{task.reference}</strong>
                <span>
                  {t('tasks.lines', task.lines.length)} · {stateOf(task, progress)}
                </span>
              </button>
              <TaskConflictNotes task={task} deviceId={thisDevice} />
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
