/**
 * Making tasks: a pick list or putaway task by hand (one "SKU quantity" per line) or
 * from a CSV (order lines, or a receipt, each with an optional due column), checked
 * first; a count task for listed bins, a zone, or bins not counted for some days. A due
 * time typed here is the warehouse's wall clock (the input's value has no zone); the
 * server reads it in the warehouse's zone and says why when it cannot.
 */
import { useState } from 'react';
import { createdTasksSchema, type CreatedTasks } from '../../../protocol/console';
import { apiPaths } from '../../../protocol/paths';
import { Problem } from '../../components/Screen';
import { api } from '../../floor';
import { useConsoleAction } from './useConsoleQuery';
import { useT } from '../../i18n/useT';
import { ProblemTable } from './ProblemTable';
import type { FloorPerson } from './TasksPanel';

type Kind = 'pick' | 'putaway' | 'count';
type Source = 'hand' | 'csv';
type CountBy = 'bins' | 'zone' | 'days';

/** "SKU qty [lot]" per line, as a supervisor types them. */
function typedLines(text: string): { sku: string; qty: number; lot?: string }[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => {
      const [sku = '', qty = '', lot] = l.split(/[\s,;]+/);
      return { sku, qty: Number(qty), ...(lot ? { lot } : {}) };
    });
}

export function NewTaskForm({ warehouseId, people, timeZone, made }: { warehouseId: string; people: readonly FloorPerson[]; timeZone: string; made(): void }) {
  const [kind, setKind] = useState<Kind>('pick');
  const [source, setSource] = useState<Source>('hand');
  const [countBy, setCountBy] = useState<CountBy>('zone');
  const [reference, setReference] = useState('');
  const [assignee, setAssignee] = useState('');
  const [text, setText] = useState('');
  const [due, setDue] = useState('');
  const [report, setReport] = useState<CreatedTasks | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const action = useConsoleAction();
  const t = useT();
  const assignedTo = assignee || null;

  const submitByHand = async () => {
    const body =
      kind === 'count'
        ? { kind, reference, assignedTo, due: due || null, ...(countBy === 'bins' ? { bins: text.split(/[\s,;]+/).filter(Boolean) } : countBy === 'zone' ? { zone: text.trim() } : { notCountedForDays: Number(text) }) }
        : { kind, reference, assignedTo, due: due || null, lines: typedLines(text) };
    const done = await action.send(apiPaths.console(warehouseId, 'tasks'), body);
    if (done) {
      setOutcome(t('console.newTask.made', reference));
      made();
    }
  };
  const submitCsv = async (mode: 'check' | 'all') => {
    setReport(null);
    const answer = await action.run(() => api.post(apiPaths.console(warehouseId, 'tasks-csv'), { kind, csv: text, assignedTo, mode }, createdTasksSchema));
    if (answer) {
      setReport(answer);
      if (mode === 'all') {
        setOutcome(t('console.newTask.madeMany', answer.tasks.length, answer.tasks.map((task) => task.reference).join(', ')));
        made();
      }
    }
  };

  return (
    <details className="new-task">
      <summary>{t('console.newTask.summary')}</summary>
      <div className="form">
        <label htmlFor="task-kind">{t('console.tasks.kind')}</label>
        <select id="task-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          <option value="pick">{t('console.newTask.pickList')}</option>
          <option value="putaway">{t('console.newTask.putaway')}</option>
          <option value="count">{t('console.newTask.count')}</option>
        </select>
        {kind !== 'count' ? (
          <fieldset>
            <legend>{t('console.newTask.from')}</legend>
            <label>
              <input type="radio" checked={source === 'hand'} onChange={() => setSource('hand')} /> {t('console.newTask.typed')}
            </label>
            <label>
              <input type="radio" checked={source === 'csv'} onChange={() => setSource('csv')} /> {t('console.newTask.csv', kind === 'pick' ? 'order, sku, qty, due' : 'receipt, sku, qty, lot, due')}
            </label>
          </fieldset>
        ) : (
          <fieldset>
            <legend>{t('console.newTask.count')}</legend>
            {(['zone', 'bins', 'days'] as const).map((by) => (
              <label key={by}>
                <input type="radio" checked={countBy === by} onChange={() => setCountBy(by)} /> {t(by === 'zone' ? 'console.newTask.byZone' : by === 'bins' ? 'console.newTask.byBins' : 'console.newTask.byDays')}
              </label>
            ))}
          </fieldset>
        )}
        {!(kind !== 'count' && source === 'csv') && (
          <>
            <label htmlFor="task-reference">{t('console.tasks.reference')}</label>
            <input id="task-reference" value={reference} onChange={(e) => setReference(e.target.value)} placeholder={kind === 'pick' ? 'SO-12345' : kind === 'putaway' ? 'PO-778' : t('console.newTask.countExample')} />
            <label htmlFor="task-due">{t('console.newTask.due', timeZone)}</label>
            <input id="task-due" type="datetime-local" value={due} onChange={(e) => setDue(e.target.value)} />
          </>
        )}
        <label htmlFor="task-assignee">{t('console.newTask.assignTo')}</label>
        <select id="task-assignee" value={assignee} onChange={(e) => setAssignee(e.target.value)}>
          <option value="">{t('console.tasks.openToAnyone')}</option>
          {people
            .filter((p) => p.role !== 'worker' || p.jobs.includes(kind))
            .map((p) => (
              <option key={p.id} value={p.username}>
                {p.displayName} ({p.username})
              </option>
            ))}
        </select>
        {kind !== 'count' && source === 'csv' && (
          <>
            <label htmlFor="task-file">{t('console.file')}</label>
            <input id="task-file" type="file" accept=".csv,text/csv" onChange={(e) => void e.target.files?.[0]?.text().then(setText)} />
          </>
        )}
        <label htmlFor="task-text">{t(kind === 'count' ? (countBy === 'zone' ? 'console.newTask.zone' : countBy === 'bins' ? 'console.newTask.bins' : 'console.newTask.days') : source === 'csv' ? 'console.newTask.pasteCsv' : 'console.newTask.lines')}</label>
        <textarea id="task-text" rows={kind === 'count' && countBy !== 'bins' ? 1 : 6} value={text} onChange={(e) => setText(e.target.value)} />
        {kind !== 'count' && source === 'csv' ? (
          <div className="toolbar">
            <button type="button" onClick={() => void submitCsv('check')} disabled={action.busy || text === ''}>
              {t('console.checkFile')}
            </button>
            <button type="button" className="primary" onClick={() => void submitCsv('all')} disabled={action.busy || text === ''}>
              {t('console.newTask.makeTasks')}
            </button>
          </div>
        ) : (
          <button type="button" className="primary" onClick={() => void submitByHand()} disabled={action.busy || reference.trim() === '' || text.trim() === ''}>
            {t('console.newTask.makeTask')}
          </button>
        )}
      </div>
      {action.problem && <Problem message={action.problem} />}
      {report && report.problems.length > 0 && <ProblemTable problems={report.problems} />}
      {report && report.problems.length === 0 && !outcome && <p role="status">{t('console.newTask.fileGood', report.tasks.map((task) => t('console.newTask.taskLines', task.reference, task.lines)).join(', '))}</p>}
      {outcome && (
        <p className="saved" role="status">
          {outcome}
        </p>
      )}
    </details>
  );
}
