/**
 * The console's words for what the server sends as codes: a step's type, its fate, a
 * task's kind and status, a role, a job. A code this app does not know yet (a newer
 * server) is shown as it came.
 */
// The console's words load with the console's code.
import '../../i18n/consoleWords';
import type { MessageKey } from '../../i18n/en';
import type { Translate } from '../../i18n/language';

const STEP: Readonly<Record<string, MessageKey>> = {
  putaway: 'console.step.putaway',
  pick: 'console.step.pick',
  'pick-short': 'console.step.pick-short',
  count: 'console.step.count',
  'task-taken': 'console.step.task-taken',
  'task-finished': 'console.step.task-finished',
  undo: 'console.step.undo',
  'rejection-settled': 'console.step.rejection-settled',
  unreadable: 'console.step.unreadable',
};
const FATE: Readonly<Record<string, MessageKey>> = { applied: 'console.fate.applied', rejected: 'console.fate.rejected', review: 'console.fate.review', undone: 'console.fate.undone' };
const KIND: Readonly<Record<string, MessageKey>> = { pick: 'console.kind.pick', putaway: 'console.kind.putaway', count: 'console.kind.count' };
const TASK_STATUS: Readonly<Record<string, MessageKey>> = { open: 'console.taskStatus.open', 'in-progress': 'console.taskStatus.in-progress', done: 'console.taskStatus.done', cancelled: 'console.taskStatus.cancelled' };
const ROLE: Readonly<Record<string, MessageKey>> = { worker: 'console.role.worker', supervisor: 'console.role.supervisor', admin: 'console.role.admin' };
const JOB: Readonly<Record<string, MessageKey>> = { pick: 'console.job.pick', putaway: 'console.job.putaway', count: 'console.job.count' };

const wordsFrom = (table: Readonly<Record<string, MessageKey>>) => (t: Translate, code: string) => {
  const key = table[code];
  return key ? t(key) : code;
};

export const stepWords = wordsFrom(STEP);
export const fateWords = wordsFrom(FATE);
export const taskKindWords = wordsFrom(KIND);
export const taskStatusWords = wordsFrom(TASK_STATUS);
export const roleWords = wordsFrom(ROLE);
export const jobWords = wordsFrom(JOB);
