/** Steps the server rejected, from every device, until someone resolves each with a note. */
import { useState } from 'react';
import { activityListSchema } from '../../../protocol/console';
import { apiPaths } from '../../../protocol/paths';
import { Problem } from '../../components/Screen';
import { ActivityTable } from './ActivityTable';
import { useConsoleAction, useConsoleQuery } from './useConsoleQuery';

export function RejectedPanel({ warehouseId }: { warehouseId: string }) {
  const rejected = useConsoleQuery(apiPaths.console(warehouseId, 'rejected'), activityListSchema, 15_000);
  const action = useConsoleAction();
  const [notes, setNotes] = useState<Readonly<Record<string, string>>>({});
  const resolve = async (opId: string) => {
    const done = await action.send(apiPaths.console(warehouseId, `rejected/${opId}/resolve`), { note: notes[opId] ?? '' });
    if (done) rejected.refresh();
  };
  const entries = rejected.data?.entries ?? [];
  return (
    <section aria-label="Rejected steps">
      {(rejected.problem ?? action.problem) && <Problem message={(rejected.problem ?? action.problem)!} />}
      {rejected.data && entries.length === 0 && <p>No rejected step is waiting. Each one a device sends shows here until it is resolved.</p>}
      {entries.length > 0 && (
        <ActivityTable
          entries={entries}
          action={(e) => (
            <span className="resolve">
              <input aria-label={`How step ${e.deviceSeq} of device ${e.deviceId.slice(0, 8)} was resolved`} placeholder="How it was resolved" value={notes[e.opId] ?? ''} onChange={(ev) => setNotes({ ...notes, [e.opId]: ev.target.value })} />
              <button type="button" onClick={() => void resolve(e.opId)} disabled={action.busy || !(notes[e.opId] ?? '').trim()}>
                Resolve
              </button>
            </span>
          )}
        />
      )}
    </section>
  );
}
