/** The floor's tasks: when each is due, who has it and how far it is, on which device; (re)assign an open one; make new ones. */
import type * as z from 'zod/mini';
import { floorPeopleSchema, taskSummaryListSchema } from '../../../protocol/console';
import { settingsViewSchema } from '../../../protocol/warehouseSettings';
import { apiPaths } from '../../../protocol/paths';
import { isLate } from '../../../domain/tasks/dueTime';
import { knownTimeZone } from '../../../domain/floor/floorDate';
import { Problem } from '../../components/Screen';
import { useLanguage, useT } from '../../i18n/useT';
import { showFloorTime } from '../../i18n/language';
import { useConsoleAction, useConsoleQuery } from './useConsoleQuery';
import { NewTaskForm } from './NewTaskForm';
import { deviceText } from './deviceLabel';
import { taskKindWords, taskStatusWords } from './stepWords';

export function TasksPanel({ warehouseId }: { warehouseId: string }) {
  const t = useT();
  const tasks = useConsoleQuery(apiPaths.console(warehouseId, 'tasks'), taskSummaryListSchema, 15_000);
  const people = useConsoleQuery(apiPaths.console(warehouseId, 'people'), floorPeopleSchema);
  // Due times are the floor's: shown on the warehouse's clocks, as the handhelds show them.
  const settings = useConsoleQuery(apiPaths.console(warehouseId, 'settings'), settingsViewSchema);
  const timeZone = knownTimeZone(settings.data?.settings.timeZone ?? '') ?? 'UTC';
  const language = useLanguage();
  const now = tasks.loadedAt ?? Date.now();
  const dueWords = (task: { dueAt: string | null; status: string }) => {
    if (task.dueAt === null) return '—';
    const time = showFloorTime(language, task.dueAt, timeZone, now);
    return isLate(task, now) ? t('console.tasks.dueLate', time) : time;
  };
  const action = useConsoleAction();
  const assign = async (taskId: string, assignedTo: string | null) => {
    const done = await action.send(apiPaths.console(warehouseId, `tasks/${encodeURIComponent(taskId)}/assign`), { assignedTo });
    if (done) tasks.refresh();
  };
  const list = tasks.data?.tasks ?? [];
  return (
    <section aria-label={t('console.tab.tasks')}>
      <NewTaskForm warehouseId={warehouseId} people={people.data?.people ?? []} timeZone={timeZone} made={tasks.refresh} />
      {(tasks.problem ?? action.problem) && <Problem message={(tasks.problem ?? action.problem)!} />}
      <h2>{t('console.tasks.title')}</h2>
      <div className="table-scroll" tabIndex={0}>
        <table className="console-table" data-testid="task-table">
          <thead>
            <tr>
              <th>{t('console.conflicts.task')}</th>
              <th>{t('console.tasks.kind')}</th>
              <th>{t('console.tasks.reference')}</th>
              <th>{t('console.tasks.due')}</th>
              <th>{t('console.tasks.status')}</th>
              <th>{t('console.tasks.linesDone')}</th>
              <th>{t('console.tasks.assignedTo')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((task) => (
              <tr key={task.id}>
                <td>{task.id}</td>
                <td>{taskKindWords(t, task.kind)}</td>
                <td>{task.reference}</td>
                <td className={task.dueAt !== null && isLate(task, now) ? 'late' : undefined}>{dueWords(task)}</td>
                <td>
                  {taskStatusWords(t, task.status)}
                  {task.workedOnDevice ? t('console.tasks.onDevice', deviceText(t, task.workedOnDevice, task.workedOnDeviceName)) : ''}
                </td>
                <td>
                  {task.linesDone} / {task.lines}
                </td>
                <td>
                  {task.status === 'open' ? (
                    <select aria-label={t('console.tasks.assign', task.reference)} value={task.assignedTo ?? ''} disabled={action.busy} onChange={(e) => void assign(task.id, e.target.value || null)}>
                      <option value="">{t('console.tasks.openToAnyone')}</option>
                      {(people.data?.people ?? [])
                        .filter((p) => p.role !== 'worker' || p.jobs.includes(task.kind))
                        .map((p) => (
                          <option key={p.id} value={p.username}>
                            {p.displayName} ({p.username})
                          </option>
                        ))}
                    </select>
                  ) : (
                    (task.assignedTo ?? '—')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export type FloorPerson = z.infer<typeof floorPeopleSchema>['people'][number];
