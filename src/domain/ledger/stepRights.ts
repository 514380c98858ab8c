/**
 * Who may record a step, judged on the server for every step pushed, before the ledger
 * looks at it: a step outside the worker's jobs, on a task given to someone else, or
 * undoing another worker's step is refused with a reason and changes nothing.
 *
 * - The job: a pick or short pick needs `pick`, a putaway `putaway`, a count `count`;
 *   taking or finishing a task needs the job of the task's kind. Supervisors and admins
 *   may do every job (roles.ts).
 * - The task: a task given to another worker (by a supervisor, or taken by them) is
 *   theirs. A step on it is refused unless it was done before a supervisor's decision
 *   moved the task (a late offline step: the goods moved, taskHolding.ts keeps it and
 *   lists the conflict). A take is judged by taskHolding.ts (it names who has the task,
 *   and a take-over is explicit). Supervisors may work any task.
 * - An undo or a settlement belongs to the worker who did the step, or a supervisor.
 */
import type { FloorOperation } from '../floor/operations';
import { isSupervisor, mayDo, type FloorJob, type Role } from '../people/roles';
import type { Why } from '../why';
import type { LedgerWork, TaskState } from './ledgerWork';
import type { IncomingOperation } from './applyOperations';
import { onServerClock, refuse, type Refusal } from './taskHolding';

/** The signed-in user who sent the batch. */
export interface Doer {
  readonly userId: string;
  readonly role: Role;
  readonly jobs: readonly FloorJob[];
}

const JOB_OF_KIND: Record<TaskState['kind'], FloorJob> = { pick: 'pick', putaway: 'putaway', count: 'count' };

/** The job a step needs, or null when it needs none of its own (undo, settlement) or its task is unknown (the ledger refuses it then). */
function jobOf(op: FloorOperation, work: LedgerWork): FloorJob | null {
  switch (op.type) {
    case 'pick':
    case 'pick-short':
      return 'pick';
    case 'putaway':
      return 'putaway';
    case 'count':
      return 'count';
    case 'task-taken':
    case 'task-finished': {
      const task = work.tasks.get(op.taskId);
      return task ? JOB_OF_KIND[task.kind] : null;
    }
    case 'undo':
    case 'rejection-settled':
      return null;
  }
}

/** Whose the task is when it is given to someone other than this worker; null when they may work it. */
function givenToOther(task: TaskState, incoming: IncomingOperation): string | null {
  if (task.assignedTo === null || task.assignedTo === incoming.userId) return null;
  // Done before a supervisor moved the task: physically done while it was the worker's to do.
  if (task.decision && onServerClock(incoming, incoming.deviceAt) < task.decision.at) return null;
  return task.assignedTo;
}

export function checkRights(work: LedgerWork, incoming: IncomingOperation, doer: Doer): Refusal | null {
  const { op } = incoming;
  const job = jobOf(op, work);
  if (job !== null && !mayDo(doer, job)) return refuse({ code: 'op-not-your-job', job });
  if (isSupervisor(doer.role)) return null;
  if (op.type === 'undo' || op.type === 'rejection-settled') {
    const target = work.known.get(op.type === 'undo' ? op.undoesOpId : op.rejectedOpId);
    if (target && target.userId !== doer.userId) return refuse({ code: 'op-undo-not-yours', by: work.snapshot.userNames.get(target.userId) ?? target.userId });
    return null;
  }
  // A take is judged by who holds the task (taskHolding.ts), which names them and offers the take-over.
  if (op.type === 'task-taken') return null;
  const taskId = 'taskId' in op ? op.taskId : null;
  const task = taskId === null ? undefined : work.tasks.get(taskId);
  const other = task ? givenToOther(task, incoming) : null;
  if (task && other !== null) return refuse({ code: 'op-not-your-task', taskId: task.id, by: work.snapshot.userNames.get(other) ?? other } satisfies Why);
  return null;
}
