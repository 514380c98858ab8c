/**
 * Making tasks: a pick list or putaway task by hand (one "SKU quantity" per line) or
 * from a CSV (order lines, or a receipt), checked first; a count task for listed bins,
 * a zone, or bins not counted for some days.
 */
import { useState } from 'react';
import { createdTasksSchema, type CreatedTasks } from '../../../protocol/console';
import { apiPaths } from '../../../protocol/paths';
import { Problem } from '../../components/Screen';
import { api } from '../../floor';
import { useConsoleAction } from './useConsoleQuery';
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

export function NewTaskForm({ warehouseId, people, made }: { warehouseId: string; people: readonly FloorPerson[]; made(): void }) {
  const [kind, setKind] = useState<Kind>('pick');
  const [source, setSource] = useState<Source>('hand');
  const [countBy, setCountBy] = useState<CountBy>('zone');
  const [reference, setReference] = useState('');
  const [assignee, setAssignee] = useState('');
  const [text, setText] = useState('');
  const [report, setReport] = useState<CreatedTasks | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const action = useConsoleAction();
  const assignedTo = assignee || null;

  const submitByHand = async () => {
    const body =
      kind === 'count'
        ? { kind, reference, assignedTo, ...(countBy === 'bins' ? { bins: text.split(/[\s,;]+/).filter(Boolean) } : countBy === 'zone' ? { zone: text.trim() } : { notCountedForDays: Number(text) }) }
        : { kind, reference, assignedTo, lines: typedLines(text) };
    const done = await action.send(apiPaths.console(warehouseId, 'tasks'), body);
    if (done) {
      setOutcome(`Made: ${reference}`);
      made();
    }
  };
  const submitCsv = async (mode: 'check' | 'all') => {
    setReport(null);
    const answer = await action.run(() => api.post(apiPaths.console(warehouseId, 'tasks-csv'), { kind, csv: text, assignedTo, mode }, createdTasksSchema));
    if (answer) {
      setReport(answer);
      if (mode === 'all') {
        setOutcome(`Made ${answer.tasks.length} tasks: ${answer.tasks.map((t) => t.reference).join(', ')}`);
        made();
      }
    }
  };

  return (
    <details className="new-task">
      <summary>Make tasks</summary>
      <div className="form">
        <label htmlFor="task-kind">Kind</label>
        <select id="task-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          <option value="pick">Pick list</option>
          <option value="putaway">Putaway</option>
          <option value="count">Count</option>
        </select>
        {kind !== 'count' ? (
          <fieldset>
            <legend>From</legend>
            <label>
              <input type="radio" checked={source === 'hand'} onChange={() => setSource('hand')} /> lines typed here
            </label>
            <label>
              <input type="radio" checked={source === 'csv'} onChange={() => setSource('csv')} /> a CSV file ({kind === 'pick' ? 'order, sku, qty' : 'receipt, sku, qty, lot'})
            </label>
          </fieldset>
        ) : (
          <fieldset>
            <legend>Count</legend>
            {(['zone', 'bins', 'days'] as const).map((by) => (
              <label key={by}>
                <input type="radio" checked={countBy === by} onChange={() => setCountBy(by)} /> {by === 'zone' ? 'every bin of a zone' : by === 'bins' ? 'these bins' : 'bins not counted for N days'}
              </label>
            ))}
          </fieldset>
        )}
        {!(kind !== 'count' && source === 'csv') && (
          <>
            <label htmlFor="task-reference">Reference</label>
            <input id="task-reference" value={reference} onChange={(e) => setReference(e.target.value)} placeholder={kind === 'pick' ? 'SO-12345' : kind === 'putaway' ? 'PO-778' : 'Weekly count A'} />
          </>
        )}
        <label htmlFor="task-assignee">Assign to</label>
        <select id="task-assignee" value={assignee} onChange={(e) => setAssignee(e.target.value)}>
          <option value="">Open to anyone</option>
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
            <label htmlFor="task-file">File</label>
            <input id="task-file" type="file" accept=".csv,text/csv" onChange={(e) => void e.target.files?.[0]?.text().then(setText)} />
          </>
        )}
        <label htmlFor="task-text">{kind === 'count' ? (countBy === 'zone' ? 'Zone' : countBy === 'bins' ? 'Bins (one per line)' : 'Days') : source === 'csv' ? 'Or paste the CSV' : 'Lines: SKU quantity (lot), one per line'}</label>
        <textarea id="task-text" rows={kind === 'count' && countBy !== 'bins' ? 1 : 6} value={text} onChange={(e) => setText(e.target.value)} />
        {kind !== 'count' && source === 'csv' ? (
          <div className="toolbar">
            <button type="button" onClick={() => void submitCsv('check')} disabled={action.busy || text === ''}>
              Check the file
            </button>
            <button type="button" className="primary" onClick={() => void submitCsv('all')} disabled={action.busy || text === ''}>
              Make the tasks
            </button>
          </div>
        ) : (
          <button type="button" className="primary" onClick={() => void submitByHand()} disabled={action.busy || reference.trim() === '' || text.trim() === ''}>
            Make the task
          </button>
        )}
      </div>
      {action.problem && <Problem message={action.problem} />}
      {report && report.problems.length > 0 && <ProblemTable problems={report.problems} />}
      {report && report.problems.length === 0 && !outcome && <p role="status">The file is good: {report.tasks.map((t) => `${t.reference} (${t.lines} lines)`).join(', ')}.</p>}
      {outcome && (
        <p className="saved" role="status">
          {outcome}
        </p>
      )}
    </details>
  );
}
