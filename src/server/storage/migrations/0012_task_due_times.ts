/**
 * Issue 14: a task may have a due time (when the work must be done: the truck leaves at
 * 14:30), read in the warehouse's time zone when written as a wall-clock time
 * (domain/tasks/dueTime.ts) and kept as an instant. Null: no due time, as every task
 * made before. Devices sort and flag tasks by it themselves, over the few they hold;
 * the console lists the warehouse's tasks by when they were made, so no index is needed
 * (one would be `(warehouse_id, due_at)`, the warehouse first like every key here).
 */
export const taskDueTimes = `
alter table tasks add column due_at timestamptz;
`;
