/**
 * An open task (assigned to nobody) is taken before it is worked: the worker sees what
 * it is and taps "Take". Taking is an operation like any step: the device's copy becomes
 * theirs at once, and the server assigns it when the step arrives (or says someone
 * else was first). A task already theirs goes straight to its screen.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { DeviceSession } from '../../../device/syncState';
import { recordOperation } from '../../../device/floorOperations';
import { onScan } from '../../../scanning/scanBus';
import { floorDb } from '../../floor';
import { useLiveQuery } from '../../hooks/useLiveQuery';
import { Screen } from '../../components/Screen';
import { useT } from '../../i18n/useT';
import { useFlowSteps } from '../flows/useFlowSteps';
import { FlowAnswer } from '../flows/FlowParts';

export function TakeTaskGate({ taskId, session, children }: { taskId: string; session: DeviceSession; children: ReactNode }) {
  const t = useT();
  const task = useLiveQuery(async () => (await floorDb.tasks.get(taskId)) ?? null, [taskId], undefined);
  const steps = useFlowSteps();
  const [taking, setTaking] = useState(false);
  const open = task !== undefined && task !== null && task.assignedTo === null;

  useEffect(() => (open ? onScan(() => steps.fail(t('tasks.takeFirst'))) : undefined), [open]); // eslint-disable-line react-hooks/exhaustive-deps

  if (task === undefined) return <Screen title={t('common.loading')}>{t('common.loading')}</Screen>;
  if (!open) return <>{children}</>;
  const take = () => {
    setTaking(true);
    steps.run(async () => {
      try {
        await recordOperation(floorDb, { userId: session.user.id, warehouseId: session.warehouse?.id ?? '' }, { type: 'task-taken', taskId });
        steps.succeed(t('tasks.taken'));
      } finally {
        setTaking(false);
      }
    });
  };
  return (
    <Screen title={task.reference}>
      <p className="expect" data-testid="expect" aria-live="polite">
        {t('tasks.takeFirst')}
      </p>
      <p className="line-detail">{t('tasks.lines', task.lines.length)}</p>
      <FlowAnswer steps={steps} />
      <button type="button" className="primary big" onClick={take} disabled={taking}>
        {t('tasks.take')}
      </button>
    </Screen>
  );
}
