import type { TaskKind } from '../../../domain/tasks/task';
import type { StoredTask } from '../../../device/floorDb';
import { readTasksOfKind } from '../../../device/tasks';
import { floorDb } from '../../floor';
import { useLiveQuery } from '../../hooks/useLiveQuery';
import { useAppStore } from '../../store/appStore';
import { nextTask } from './taskRows';

/** The task to offer once `taskId` is finished (taskRows.ts), while the screen shows it finished; null when none is left. */
export function useNextTask(kind: TaskKind, taskId: string | null, userId: string, wanted: boolean): StoredTask | null | undefined {
  const deviceId = useAppStore((s) => s.deviceId) ?? '';
  return useLiveQuery(async () => (wanted && taskId !== null ? nextTask(await readTasksOfKind(floorDb, kind), taskId, { userId, deviceId }) : null), [kind, taskId, userId, deviceId, wanted], undefined);
}
