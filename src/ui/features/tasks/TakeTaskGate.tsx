/**
 * Before a task is worked on this device: an open task is taken ("Take this task"); a
 * task another device has (another worker's, or this worker's other phone) says who has
 * it and where, and is worked here only after an explicit "Take over", confirmed. Taking
 * is an operation like any step: the device's copy becomes this device's at once, and
 * the server confirms when the step arrives (or says who was first). A task this device
 * has, or one assigned to this worker that no device has yet, goes straight to its screen.
 */
import { useLayoutEffect, useState, type ReactNode } from 'react';
import type { DeviceSession } from '../../../device/syncState';
import { readTask, takeTask } from '../../../device/tasks';
import { holderOf } from '../../../domain/tasks/taskHolder';
import { onScan } from '../../../scanning/scanBus';
import { floorDb } from '../../floor';
import { useLiveQuery } from '../../hooks/useLiveQuery';
import { Screen } from '../../components/Screen';
import { useAppStore } from '../../store/appStore';
import { useT } from '../../i18n/useT';
import { useFlowSteps } from '../flows/useFlowSteps';
import { FlowAnswer } from '../flows/FlowParts';
import { TaskConflictNotes } from './TaskConflictNotes';
import { deviceWords } from './taskRows';

export function TakeTaskGate({ taskId, session, children }: { taskId: string; session: DeviceSession; children: ReactNode }) {
  const t = useT();
  const thisDevice = useAppStore((s) => s.deviceId) ?? '';
  const task = useLiveQuery(() => readTask(floorDb, taskId), [taskId], undefined);
  const steps = useFlowSteps();
  const [taking, setTaking] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const closed = task?.status === 'done' || task?.status === 'cancelled';
  const holder = task ? holderOf(task, { userId: session.user.id, deviceId: thisDevice }) : null;
  const gated = !closed && (holder?.kind === 'nobody' || holder?.kind === 'elsewhere');

  // A layout effect: the gate stops listening in the same commit that shows the task's screen,
  // so a scan at that moment is held for the screen (scanBus) instead of refused here.
  useLayoutEffect(() => (gated ? onScan(() => steps.fail(t('tasks.takeFirst'))) : undefined), [gated]); // eslint-disable-line react-hooks/exhaustive-deps

  if (task === undefined) return <Screen title={t('common.loading')}>{t('common.loading')}</Screen>;
  if (task === null || !gated || holder === null) return <>{children}</>;
  const take = (takeOver: boolean) => {
    setTaking(true);
    setConfirming(false);
    steps.run(async () => {
      try {
        await takeTask(floorDb, { userId: session.user.id, warehouseId: session.warehouse?.id ?? '' }, taskId, { takeOver });
        steps.succeed(t(takeOver ? 'tasks.takenOver' : 'tasks.taken'));
      } finally {
        setTaking(false);
      }
    });
  };
  const whose = holder.kind === 'elsewhere' ? (holder.userName ?? '') : '';
  // The device by the name a supervisor gave it, with its short id: "Pat's scanner 2 (397f1bdf)".
  const device = holder.kind === 'elsewhere' ? deviceWords(t, holder.deviceId, holder.deviceName) : '?';
  return (
    <Screen title={task.reference}>
      <p className="expect" data-testid="expect" aria-live="polite">
        {holder.kind === 'elsewhere' ? (holder.sameWorker ? t('tasks.heldByYou', device) : t('tasks.heldBy', whose, device)) : t('tasks.takeFirst')}
      </p>
      <p className="line-detail">{t('tasks.lines', task.lines.length)}</p>
      <TaskConflictNotes task={task} deviceId={thisDevice} />
      <FlowAnswer steps={steps} />
      {holder.kind === 'nobody' && (
        <button type="button" className="primary big" onClick={() => take(false)} disabled={taking}>
          {t('tasks.take')}
        </button>
      )}
      {holder.kind === 'elsewhere' && !confirming && (
        <button type="button" className="primary big" onClick={() => setConfirming(true)} disabled={taking}>
          {t('tasks.takeOver')}
        </button>
      )}
      {holder.kind === 'elsewhere' && confirming && (
        <div role="alertdialog" aria-label={t('tasks.takeOver')} className="confirm">
          <p>{t('tasks.takeOverConfirm', holder.sameWorker ? device : whose)}</p>
          <button type="button" className="primary big" onClick={() => take(true)} disabled={taking}>
            {t('tasks.takeOverYes')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('tasks.takeOverNo')}
          </button>
        </div>
      )}
    </Screen>
  );
}
