/** The floor's tasks: who has each and how far it is; (re)assign an open one; make new ones. */
import { z } from 'zod';
import { floorPeopleSchema, taskSummaryListSchema } from '../../../protocol/console';
import { apiPaths } from '../../../protocol/paths';
import { Problem } from '../../components/Screen';
import { useConsoleAction, useConsoleQuery } from './useConsoleQuery';
import { NewTaskForm } from './NewTaskForm';

export function TasksPanel({ warehouseId }: { warehouseId: string }) {
  const tasks = useConsoleQuery(apiPaths.console(warehouseId, 'tasks'), taskSummaryListSchema, 15_000);
  const people = useConsoleQuery(apiPaths.console(warehouseId, 'people'), floorPeopleSchema);
  const action = useConsoleAction();
  const assign = async (taskId: string, assignedTo: string | null) => {
    const done = await action.send(apiPaths.console(warehouseId, `tasks/${encodeURIComponent(taskId)}/assign`), { assignedTo });
    if (done) tasks.refresh();
  };
  const list = tasks.data?.tasks ?? [];
  return (
    <section aria-label="Tasks">
      <NewTaskForm warehouseId={warehouseId} people={people.data?.people ?? []} made={tasks.refresh} />
      {(tasks.problem ?? action.problem) && <Problem message={(tasks.problem ?? action.problem)!} />}
      <h2>Tasks open, in progress, or made this week</h2>
      <div className="table-scroll">
        <table className="console-table" data-testid="task-table">
          <thead>
            <tr>
              <th>Task</th>
              <th>Kind</th>
              <th>Reference</th>
              <th>Status</th>
              <th>Lines done</th>
              <th>Assigned to</th>
            </tr>
          </thead>
          <tbody>
            {list.map((t) => (
              <tr key={t.id}>
                <td>{t.id}</td>
                <td>{t.kind}</td>
                <td>{t.reference}</td>
                <td>
                  {t.status}
                  {t.workedOnDevice ? ` on ${t.workedOnDevice.slice(0, 8)}` : ''}
                </td>
                <td>
                  {t.linesDone} / {t.lines}
                </td>
                <td>
                  {t.status === 'open' ? (
                    <select aria-label={`Assign ${t.reference}`} value={t.assignedTo ?? ''} disabled={action.busy} onChange={(e) => void assign(t.id, e.target.value || null)}>
                      <option value="">Open to anyone</option>
                      {(people.data?.people ?? [])
                        .filter((p) => p.role !== 'worker' || p.jobs.includes(t.kind))
                        .map((p) => (
                          <option key={p.id} value={p.username}>
                            {p.displayName} ({p.username})
                          </option>
                        ))}
                    </select>
                  ) : (
                    (t.assignedTo ?? '—')
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
