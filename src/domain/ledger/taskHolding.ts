/**
 * Who holds a task, and what a step does to it: the rules of "one task, one device" on
 * the server (see the block below). Used by applyOperations for every step on a task.
 */
import type { Why } from '../why';
import type { IncomingOperation } from './applyOperations';
import type { LedgerWork, TaskLineState, TaskState } from './ledgerWork';

export type Refusal = { readonly why: Why };
export const refuse = (why: Why): Refusal => ({ why });

/** When something the device timed happened, on the server's clock. */
export const onServerClock = (incoming: IncomingOperation, deviceTime: number) => deviceTime + incoming.offsetMs;

/*
 * One task, one device. A task is held by the user it is assigned to, on the device that
 * took it (or sent its first step). A step of a physical kind (pick, putaway, count,
 * short pick) is applied to the ledger and the line whoever sent it: the goods moved.
 * Only the holder's steps make the task theirs (an open task worked without a take
 * becomes the worker's, as before). Another device's steps leave the holder as it is;
 * a line they take above its quantity is an over-pick, recorded naming every device
 * that picked it. A step that meets a supervisor's decision (put back to open, given to
 * someone else, cancelled) leaves the task as the supervisor set it and is recorded as a
 * conflict naming the worker, the device and the decision. Takes, take-overs and
 * finishes are not physical: they are refused when someone else holds the task.
 */

/** The task an operation belongs to (any status: a physical step applies whoever holds it), or why not. */
export function taskToWork(work: LedgerWork, _incoming: IncomingOperation, taskId: string, kind: TaskState['kind']): TaskState | Refusal {
  const task = work.tasks.get(taskId);
  if (!task || task.kind !== kind) return refuse({ code: 'op-unknown-task', taskId });
  return task;
}

/** holder: works it as the task says; decided: a supervisor decided otherwise; elsewhere: another device or worker has it, or it is finished. */
type Standing = 'holder' | 'decided' | 'elsewhere';

function standingOf(task: TaskState, incoming: IncomingOperation): Standing {
  if (task.status === 'cancelled' || (task.decision && task.assignedTo !== incoming.userId)) return 'decided';
  if (task.status === 'done') return 'elsewhere';
  if (task.assignedTo === null) return 'holder';
  if (task.assignedTo !== incoming.userId) return 'elsewhere';
  if (task.workedOnDevice !== null && task.workedOnDevice !== incoming.deviceId) return 'elsewhere';
  return 'holder';
}

/** Another worker has the task, or this worker on another device (an open task is nobody's). */
const heldElsewhere = (task: TaskState, incoming: IncomingOperation): boolean =>
  task.assignedTo !== null && (task.assignedTo !== incoming.userId || (task.workedOnDevice !== null && task.workedOnDevice !== incoming.deviceId));

/** Who has the task, in a refusal's words: the user, their device (a short id), and whether it is this same worker. */
function heldBy(work: LedgerWork, task: TaskState, incoming: IncomingOperation): Why {
  const by = task.assignedTo === null ? '' : (work.snapshot.userNames.get(task.assignedTo) ?? task.assignedTo);
  return { code: 'task-taken', by, ...(task.workedOnDevice ? { device: task.workedOnDevice.slice(0, 8) } : {}), ...(task.assignedTo === incoming.userId ? { you: true } : {}) };
}

function decidedWhy(work: LedgerWork, task: TaskState): Why {
  return { code: 'op-task-decided', taskId: task.id, status: task.status, assignedTo: task.assignedTo === null ? null : (work.snapshot.userNames.get(task.assignedTo) ?? task.assignedTo) };
}

function workedAfterDecision(work: LedgerWork, task: TaskState, incoming: IncomingOperation, lineNo: number | null): void {
  work.addTaskConflict({
    kind: 'worked-after-decision',
    key: `decision:${incoming.deviceId}`,
    taskId: task.id,
    lineNo,
    excess: null,
    opId: incoming.opId,
    deviceId: incoming.deviceId,
    userId: incoming.userId,
    devices: [{ deviceId: incoming.deviceId, qty: null }],
    decision: { status: task.status, assignedTo: task.assignedTo },
  });
}

/** A step's change to one line; the task becomes the worker's only when they hold it (see above). */
export function withLine(work: LedgerWork, task: TaskState, lineNo: number, incoming: IncomingOperation, change: (line: TaskLineState) => TaskLineState): void {
  const lines = new Map(task.lines);
  lines.set(lineNo, change(lines.get(lineNo)!));
  const standing = standingOf(task, incoming);
  if (standing === 'decided') workedAfterDecision(work, task, incoming, lineNo);
  work.updateTask(
    standing === 'holder'
      ? { ...task, lines, status: task.status === 'open' ? 'in-progress' : task.status, assignedTo: task.assignedTo ?? incoming.userId, workedOnDevice: task.workedOnDevice ?? incoming.deviceId }
      : { ...task, lines },
  );
}

/** An undo's change to a line: the holder stays as it is. */
export function withLineUndone(work: LedgerWork, task: TaskState, lineNo: number, change: (line: TaskLineState) => TaskLineState): void {
  const lines = new Map(task.lines);
  lines.set(lineNo, change(lines.get(lineNo)!));
  work.updateTask({ ...task, lines });
}

export const addDone = (line: TaskLineState, deviceId: string, qty: number): TaskLineState => ({
  ...line,
  done: Math.max(0, line.done + qty),
  doneBy: { ...line.doneBy, [deviceId]: Math.max(0, (line.doneBy[deviceId] ?? 0) + qty) },
});

/** A pick line above its quantity: the excess, with every device that picked it and how much. */
export function checkOverPick(work: LedgerWork, taskId: string, lineNo: number, incoming: IncomingOperation): void {
  const line = work.tasks.get(taskId)?.lines.get(lineNo);
  if (!line || line.qty === null || line.done <= line.qty) return;
  const devices = Object.entries(line.doneBy)
    .filter(([, qty]) => qty > 0)
    .map(([deviceId, qty]) => ({ deviceId, qty }))
    .sort((a, b) => a.deviceId.localeCompare(b.deviceId));
  work.addTaskConflict({ kind: 'over-pick', key: `over-pick:${lineNo}`, taskId, lineNo, excess: line.done - line.qty, opId: incoming.opId, deviceId: incoming.deviceId, userId: incoming.userId, devices, decision: null });
}

/**
 * Takes a task on this device. Refused when another worker or device has it (naming who
 * and where), unless `takeOver`, which is recorded with from whom; refused too when a
 * supervisor decided about the task after the worker took it on the floor (the take is
 * older than the decision): the supervisor's decision stands, and the conflict is listed.
 */
export function takeTask(work: LedgerWork, incoming: IncomingOperation, taskId: string, takeOver: boolean): Refusal | null {
  const task = work.tasks.get(taskId);
  if (!task) return refuse({ code: 'op-unknown-task', taskId });
  if (task.status === 'done' || task.status === 'cancelled') return refuse({ code: 'op-task-closed', taskId, status: task.status });
  const mine = task.assignedTo === incoming.userId && task.workedOnDevice === incoming.deviceId;
  if (!takeOver && !mine) {
    if (task.decision && task.assignedTo !== incoming.userId && onServerClock(incoming, incoming.deviceAt) < task.decision.at) {
      workedAfterDecision(work, task, incoming, null);
      return refuse(decidedWhy(work, task));
    }
    if (heldElsewhere(task, incoming)) return refuse(heldBy(work, task, incoming));
  }
  const fromSomeoneElse = (task.assignedTo !== null && task.assignedTo !== incoming.userId) || (task.workedOnDevice !== null && task.workedOnDevice !== incoming.deviceId);
  if (takeOver && fromSomeoneElse) {
    work.takeovers.push({ opId: incoming.opId, taskId, fromUser: task.assignedTo, fromDevice: task.workedOnDevice, toUser: incoming.userId, toDevice: incoming.deviceId });
  }
  work.updateTask({ ...task, assignedTo: incoming.userId, status: 'in-progress', workedOnDevice: incoming.deviceId });
  return null;
}

/** Finishing is the holder's: another device's finish is refused naming who has the task; finishing twice is fine. */
export function finishTask(work: LedgerWork, incoming: IncomingOperation, taskId: string): Refusal | null {
  const task = work.tasks.get(taskId);
  if (!task) return refuse({ code: 'op-unknown-task', taskId });
  if (task.status === 'done' && task.assignedTo === incoming.userId) return null;
  if (task.status === 'done' || task.status === 'cancelled') return refuse({ code: 'op-task-closed', taskId, status: task.status });
  const standing = standingOf(task, incoming);
  if (standing === 'decided') {
    workedAfterDecision(work, task, incoming, null);
    return refuse(decidedWhy(work, task));
  }
  if (standing === 'elsewhere') return refuse(heldBy(work, task, incoming));
  work.updateTask({ ...task, status: 'done', assignedTo: task.assignedTo ?? incoming.userId, workedOnDevice: task.workedOnDevice ?? incoming.deviceId });
  return null;
}
