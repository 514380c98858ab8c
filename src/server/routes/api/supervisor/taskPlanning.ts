import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { assignTaskSchema, newTaskSchema, taskCsvSchema, type CreatedTasks, type TaskSummary } from '../../../../protocol/console';
import { sessionOf } from '../../../plugins/app/authentication';
import { apiPaths } from '../../../../protocol/paths';
import { parseOr400 } from '../../../problems';
import { assignTask, createTask, floorPeople, listTasks } from '../../../repositories/console/taskPlanning';
import { tasksFromCsv } from '../../../repositories/console/tasksFromCsv';
import { supervisedWarehouse } from './warehouseParam';

/** Tasks: the list, one made by hand, many from a CSV, and (re)assignment; and the people they can go to. */
export default async function taskPlanningRoutes(app: FastifyInstance) {
  app.get(apiPaths.routes.tasks, async (request): Promise<{ tasks: TaskSummary[] }> => ({ tasks: await listTasks(app.db, await supervisedWarehouse(app, request)) }));

  app.get(apiPaths.routes.people, async (request) => ({ people: await floorPeople(app.db, await supervisedWarehouse(app, request)) }));

  app.post(apiPaths.routes.tasks, async (request, reply) => {
    const warehouseId = await supervisedWarehouse(app, request);
    const task = parseOr400(newTaskSchema, request.body, 'task');
    return reply.status(201).send(await createTask(app.db, warehouseId, task, app.now()));
  });

  app.post(apiPaths.routes.tasksFromCsv, async (request, reply): Promise<CreatedTasks> => {
    const warehouseId = await supervisedWarehouse(app, request);
    const body = parseOr400(taskCsvSchema, request.body, 'task file');
    const made = await tasksFromCsv(app.db, { warehouseId, ...body, now: app.now() });
    // The answer is the report either way: tasks made, or the rows that stopped them (none made).
    return reply.status(made.problems.length === 0 && body.mode === 'all' ? 201 : 200).send(made);
  });

  app.post(apiPaths.routes.assignTask, async (request, reply) => {
    const warehouseId = await supervisedWarehouse(app, request);
    const { taskId } = parseOr400(z.object({ taskId: z.string().min(1).max(64) }).loose(), request.params, 'task');
    const { assignedTo } = parseOr400(assignTaskSchema, request.body, 'assignment');
    await assignTask(app.db, { warehouseId, taskId, assignedTo, decidedBy: sessionOf(request).userId, now: app.now() });
    return reply.status(204).send();
  });
}
