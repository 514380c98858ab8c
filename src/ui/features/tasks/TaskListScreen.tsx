import type { TaskKind } from '../../../domain/tasks/task';
import type { DeviceSession } from '../../../device/syncState';
import { readTasksOfKind, readZonesOfTasks } from '../../../device/tasks';
import { readWarehouseSettings } from '../../../device/taskWork';
import { floorDb } from '../../floor';
import { useLiveQuery } from '../../hooks/useLiveQuery';
import { useClock } from '../../hooks/useClock';
import { Screen } from '../../components/Screen';
import { useAppStore } from '../../store/appStore';
import { useLanguage, useShowTime, useT } from '../../i18n/useT';
import { showFloorTime } from '../../i18n/language';
import { TaskConflictNotes } from './TaskConflictNotes';
import { rowFacts, rowState, tasksForWorker } from './taskRows';

const TITLES = { pick: 'tasks.pick', putaway: 'tasks.putaway', count: 'tasks.count' } as const satisfies Record<TaskKind, string>;

/**
 * The tasks of one kind this worker may take: their own first, then open ones, earliest
 * due first (taskRows.ts), each with its due time on the warehouse's clocks (LATE when
 * past) or since when it waits, where it is (zones), its lines and units, and how far
 * this device got or who has it on which device; tapping one works through it (a task
 * another device has asks for an explicit take-over first).
 */
export function TaskListScreen({ kind, session }: { kind: TaskKind; session: DeviceSession }) {
  const navigate = useAppStore((s) => s.navigate);
  const thisDevice = useAppStore((s) => s.deviceId) ?? '';
  const t = useT();
  const showTime = useShowTime();
  const language = useLanguage();
  // Read again each minute, so a task turns late on screen when its time passes.
  const now = useClock();
  const listing = useLiveQuery(
    async () => {
      const [entries, settings] = await Promise.all([readTasksOfKind(floorDb, kind), readWarehouseSettings(floorDb)]);
      const listed = tasksForWorker(entries, session.user.id);
      const zones = await readZonesOfTasks(floorDb, listed.map((entry) => entry.task));
      return { timeZone: settings.timeZone, tasks: listed.map((entry) => ({ ...entry, zones: zones.get(entry.task.id) ?? [] })) };
    },
    [kind, session.user.id],
    null,
  );
  const tasks = listing?.tasks ?? null;
  const timeZone = listing?.timeZone ?? 'UTC';
  const words = { t, showTime, showFloorTime: (iso: string) => showFloorTime(language, iso, timeZone, now), now };
  return (
    <Screen title={t(TITLES[kind])}>
      {tasks === null ? (
        <p>{t('common.loading')}</p>
      ) : tasks.length === 0 ? (
        <p>{t('tasks.none', t(TITLES[kind]))}</p>
      ) : (
        <ul className="task-list">
          {tasks.map(({ task, progress, zones }) => {
            const facts = rowFacts(task, progress, zones, words);
            return (
            <li key={task.id}>
              <button type="button" className="task-open" onClick={() => navigate(`/${kind}`, `task=${encodeURIComponent(task.id)}`)}>
                <span className="task-title">
                  <strong className="code-whole">{task.reference}</strong>
                  <span className="task-state">{rowState(task, progress, { userId: session.user.id, deviceId: thisDevice }, t)}</span>
                </span>
                <span className={facts.late ? 'task-facts late' : 'task-facts'} data-testid="task-facts">
                  {facts.text}
                </span>
              </button>
              <TaskConflictNotes task={task} deviceId={thisDevice} />
            </li>
            );
          })}
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
