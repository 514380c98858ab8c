/**
 * Pick lists from a CSV of order lines (order, sku, qty, due) and putaway tasks from a
 * receipt CSV (receipt, sku, qty, lot, due): one task per order or receipt, in file order.
 * Every row is checked first; nothing is made unless every row is good.
 *
 * `due` is optional: when the task must be done, as dueTime.ts reads it (`2026-05-01
 * 14:30` on the warehouse's clocks, or an ISO time with its offset). A task has one due
 * time: the rows of one order that give one give the same; the others may leave it empty.
 */
import type { Database } from '../../storage/database';
import type { CreatedTasks } from '../../../protocol/console';
import type { RowProblem } from '../../../domain/masterData/importRows';
import { readingCsv } from '../../../domain/csv/csvTable';
import { yieldingWork } from '../../yieldingWork';
import { assigneeOf, planPick, planPutaway, writeTasks } from './taskPlanning';
import { readWarehouseSettings } from '../deviceSync/changeClock';
import { dueProblemInEnglish, readDueTime } from '../../../domain/tasks/dueTime';
import { ApiProblem } from '../../problems';
import { MAX_STEP_QTY } from '../../../domain/floor/quantityLimits';

const COLUMNS = { pick: ['order', 'sku', 'qty', 'due'], putaway: ['receipt', 'sku', 'qty', 'lot', 'due'] } as const;
/** The header's columns as the report names them: the first three required, the rest optional. */
const columnsInWords = (kind: 'pick' | 'putaway') => `${COLUMNS[kind].slice(0, 3).join(', ')}; optional: ${COLUMNS[kind].slice(3).join(', ')}`;

export async function tasksFromCsv(db: Database, input: { warehouseId: string; kind: 'pick' | 'putaway'; csv: string; assignedTo: string | null; mode: 'check' | 'all'; now: Date }): Promise<CreatedTasks> {
  const table = await yieldingWork(readingCsv(input.csv));
  if (!table.ok) return { tasks: [], problems: [{ line: table.line, column: null, message: table.message }] };
  const [groupColumn] = COLUMNS[input.kind];
  const problems: RowProblem[] = [];
  for (const column of COLUMNS[input.kind].slice(0, 3)) {
    if (!table.header.includes(column)) problems.push({ line: 1, column, message: `The column "${column}" is required; the header must name it (${columnsInWords(input.kind)}).` });
  }
  let assignedTo: string | null = null;
  try {
    assignedTo = await assigneeOf(db, input.warehouseId, input.assignedTo, input.kind);
  } catch (error) {
    // Who the tasks go to is part of the report, like any row's problem.
    if (!(error instanceof ApiProblem)) throw error;
    problems.push({ line: 1, column: null, message: error.message });
  }
  if (problems.length > 0) return { tasks: [], problems };

  const { timeZone } = await readWarehouseSettings(db, input.warehouseId);
  const groups = new Map<string, { line: number; sku: string; qty: number; lot?: string }[]>();
  /** Each order's due time, with the line and the text that gave it. */
  const dues = new Map<string, { dueAt: string; line: number; text: string }>();
  for (const row of table.rows) {
    const reference = row.cells[groupColumn] ?? '';
    const qtyText = row.cells.qty ?? '';
    const sku = row.cells.sku ?? '';
    if (reference === '') problems.push({ line: row.line, column: groupColumn, message: `${groupColumn} is empty; every row names its ${groupColumn}.` });
    if (reference.length > 60) problems.push({ line: row.line, column: groupColumn, message: `The ${groupColumn} is longer than 60 characters.` });
    if (sku === '') problems.push({ line: row.line, column: 'sku', message: 'sku is empty; every row needs one.' });
    if (!/^\d+$/.test(qtyText) || Number(qtyText) < 1 || Number(qtyText) > MAX_STEP_QTY) {
      problems.push({ line: row.line, column: 'qty', message: `"${qtyText.length > 20 ? `${qtyText.slice(0, 20)}…` : qtyText}" is not a whole number from 1 to ${MAX_STEP_QTY.toLocaleString('en')}.` });
    }
    const dueText = (row.cells.due ?? '').trim();
    const due = readDueTime(dueText, timeZone, input.now);
    if (!due.ok) problems.push({ line: row.line, column: 'due', message: dueProblemInEnglish(due.problem) });
    else if (due.dueAt !== null) {
      const given = dues.get(reference);
      if (given === undefined) dues.set(reference, { dueAt: due.dueAt, line: row.line, text: dueText });
      else if (given.dueAt !== due.dueAt) {
        problems.push({ line: row.line, column: 'due', message: `${groupColumn} ${reference} is due "${given.text}" on line ${given.line}; a task has one due time: give the same on every row of it, or leave the others empty.` });
      }
    }
    const list = groups.get(reference) ?? [];
    list.push({ line: row.line, sku, qty: Number(qtyText), ...(row.cells.lot ? { lot: row.cells.lot } : {}) });
    groups.set(reference, list);
  }
  if (problems.length > 0) return { tasks: [], problems };

  const planned = [];
  for (const [reference, lines] of groups) {
    // Each order is placed on the stock as it stands: orders of one file may name the same units (nothing reserves stock; see taskPlanning).
    const plan = input.kind === 'pick' ? await planPick(db, input.warehouseId, lines) : await planPutaway(db, input.warehouseId, lines);
    problems.push(...plan.problems);
    planned.push({ kind: input.kind, reference, assignedTo, dueAt: dues.get(reference)?.dueAt ?? null, lines: plan.lines });
  }
  if (problems.length > 0 || input.mode === 'check') {
    return { tasks: problems.length > 0 ? [] : planned.map((t) => ({ id: '', reference: t.reference, lines: t.lines.length })), problems: problems.sort((a, b) => a.line - b.line) };
  }
  return { tasks: await writeTasks(db, input.warehouseId, planned, input.now), problems: [] };
}
