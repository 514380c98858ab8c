import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assignTaskSchema, createdTaskSchema, createdTasksSchema, floorPeopleSchema, newTaskSchema, taskCsvSchema, taskSummaryListSchema, type CreatedTasks, type TaskSummary } from '../../../../protocol/console';
import { sessionOf } from '../../../plugins/app/authentication';
import { apiPaths } from '../../../../protocol/paths';
import { assignTask, createTask, floorPeople, listTasks } from '../../../repositories/console/taskPlanning';
import { tasksFromCsv } from '../../../repositories/console/tasksFromCsv';
import { access, done, problems, warehouseParams, type BodyLimits } from '../routeSchema';
import { supervisedWarehouse } from './warehouseParam';

const newTaskDescription =
  'A pick list (lines placed on the bins holding the stock, earliest expiry first, then walk order; 422 when stock is short), a putaway task (no bins: the device suggests), or a count task for listed bins, a zone, or bins not counted for N days. 201 with the task id.';
const csvDescription =
  'Order lines (order, sku, qty) make one pick list per order; a receipt (receipt, sku, qty, lot) one putaway task per receipt. Every row is checked first; with any problem nothing is made and the answer lists the problems by line and column. mode=check only checks. The body may be as large as IMPORT_BODY_LIMIT_BYTES.';

/** Tasks: the list, one made by hand, many from a CSV, and (re)assignment; and the people they can go to. */
export default async function taskPlanningRoutes(app: FastifyInstance, options: { bodyLimits: BodyLimits }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const bodyLimit = options.bodyLimits.request;
  const supervisor = access('supervisor');
  const refused = problems('supervisor');

  routes.get(
    apiPaths.routes.tasks,
    { bodyLimit, config: { what: 'warehouse' }, schema: { operationId: 'listTasks', summary: 'Tasks', description: 'Open and in progress, and any made in the last 7 days, with lines done.', ...supervisor, params: warehouseParams, response: { 200: taskSummaryListSchema, ...refused } } },
    async (request): Promise<{ tasks: TaskSummary[] }> => ({ tasks: await listTasks(app.db, await supervisedWarehouse(app, request)) }),
  );

  routes.get(
    apiPaths.routes.people,
    { bodyLimit, config: { what: 'warehouse' }, schema: { operationId: 'floorPeople', summary: 'The people of the warehouse', description: 'Who tasks can be assigned to, with their role and jobs.', ...supervisor, params: warehouseParams, response: { 200: floorPeopleSchema, ...refused } } },
    async (request) => ({ people: await floorPeople(app.db, await supervisedWarehouse(app, request)) }),
  );

  routes.post(
    apiPaths.routes.tasks,
    {
      bodyLimit,
      config: { what: 'task' },
      schema: { operationId: 'createTask', summary: 'Make a task by hand', description: newTaskDescription, ...supervisor, params: warehouseParams, body: newTaskSchema, response: { 201: createdTaskSchema, ...refused } },
    },
    async (request, reply) => {
      const warehouseId = await supervisedWarehouse(app, request);
      return reply.status(201).send(await createTask(app.db, warehouseId, request.body, app.now()));
    },
  );

  routes.post(
    apiPaths.routes.tasksFromCsv,
    {
      bodyLimit: options.bodyLimits.csvImport,
      config: { what: 'task file' },
      schema: {
        operationId: 'tasksFromCsv',
        summary: 'Make tasks from a CSV',
        description: csvDescription,
        ...supervisor,
        params: warehouseParams,
        body: taskCsvSchema,
        response: { 200: createdTasksSchema.check(z.describe('Checked, or refused: the problems by line (nothing made).')), 201: createdTasksSchema.check(z.describe('The tasks made.')), ...refused },
      },
    },
    async (request, reply): Promise<CreatedTasks> => {
      const warehouseId = await supervisedWarehouse(app, request);
      const body = request.body;
      const made = await tasksFromCsv(app.db, { warehouseId, ...body, now: app.now() });
      // The answer is the report either way: tasks made, or the rows that stopped them (none made).
      return reply.status(made.problems.length === 0 && body.mode === 'all' ? 201 : 200).send(made);
    },
  );

  routes.post(
    apiPaths.routes.assignTask,
    {
      bodyLimit,
      config: { what: 'assignment' },
      schema: {
        operationId: 'assignTask',
        summary: 'Assign an open task',
        description: 'To a user (name or id) who does that job, or back to the open list with null. 409 when the task is not open.',
        ...supervisor,
        params: warehouseParams.extend({ taskId: z.string().min(1).max(64).describe('The task id.') }),
        body: assignTaskSchema,
        response: { 204: done, ...refused },
      },
    },
    async (request, reply) => {
      const warehouseId = await supervisedWarehouse(app, request);
      await assignTask(app.db, { warehouseId, taskId: request.params.taskId, assignedTo: request.body.assignedTo, decidedBy: sessionOf(request).userId, now: app.now() });
      return reply.status(204).send();
    },
  );
}
