/** Steps the server rejected, from every device, until someone resolves each with a note. */
import { useState } from 'react';
import { activityListSchema } from '../../../protocol/console';
import { apiPaths } from '../../../protocol/paths';
import { Problem } from '../../components/Screen';
import { useT } from '../../i18n/useT';
import { ActivityTable } from './ActivityTable';
import { deviceText } from './deviceLabel';
import { useConsoleAction, useConsoleQuery } from './useConsoleQuery';

export function RejectedPanel({ warehouseId }: { warehouseId: string }) {
  const t = useT();
  const rejected = useConsoleQuery(apiPaths.console(warehouseId, 'rejected'), activityListSchema, 15_000);
  const action = useConsoleAction();
  const [notes, setNotes] = useState<Readonly<Record<string, string>>>({});
  const resolve = async (opId: string) => {
    const done = await action.send(apiPaths.console(warehouseId, `rejected/${opId}/resolve`), { note: notes[opId] ?? '' });
    if (done) rejected.refresh();
  };
  const entries = rejected.data?.entries ?? [];
  return (
    <section aria-label={t('console.tab.rejected')}>
      {(rejected.problem ?? action.problem) && <Problem message={(rejected.problem ?? action.problem)!} />}
      {rejected.data && entries.length === 0 && <p>{t('console.rejected.none')}</p>}
      {entries.length > 0 && (
        <ActivityTable
          entries={entries}
          action={(e) => (
            <span className="resolve">
              <input aria-label={t('console.rejected.noteLabel', e.deviceSeq, deviceText(t, e.deviceId, e.deviceName))} placeholder={t('console.rejected.notePlaceholder')} value={notes[e.opId] ?? ''} onChange={(ev) => setNotes({ ...notes, [e.opId]: ev.target.value })} />
              <button type="button" onClick={() => void resolve(e.opId)} disabled={action.busy || !(notes[e.opId] ?? '').trim()}>
                {t('console.rejected.resolve')}
              </button>
            </span>
          )}
        />
      )}
    </section>
  );
}
