/** Short picks and stock flags (negative stock, bins a picker asked to be counted), with a count task for the flagged bins in one step. */
import { useState } from 'react';
import { floorExceptionsSchema } from '../../../protocol/console';
import { apiPaths } from '../../../protocol/paths';
import type { MessageKey } from '../../i18n/en';
import { Problem } from '../../components/Screen';
import { useFormat, useT } from '../../i18n/useT';
import { useConsoleAction, useConsoleQuery } from './useConsoleQuery';
import { DeviationsTable } from './DeviationsTable';
import { TaskConflictsTable } from './TaskConflictsTable';

const FLAG_WORDS: Record<'negative-stock' | 'count-requested', MessageKey> = { 'negative-stock': 'console.flag.negative-stock', 'count-requested': 'console.flag.count-requested' };
const SHORT_WORDS: Readonly<Record<string, MessageKey>> = { 'not-found': 'short.not-found', damaged: 'short.damaged', 'less-than-expected': 'short.less-than-expected' };

export function ExceptionsPanel({ warehouseId }: { warehouseId: string }) {
  const t = useT();
  const format = useFormat();
  const exceptions = useConsoleQuery(apiPaths.console(warehouseId, 'exceptions'), floorExceptionsSchema, 15_000);
  const action = useConsoleAction();
  const [outcome, setOutcome] = useState<string | null>(null);
  const flags = exceptions.data?.flags ?? [];
  const shortPicks = exceptions.data?.shortPicks ?? [];
  const flaggedBins = [...new Set(flags.map((f) => f.binCode))];

  const countFlagged = async () => {
    const made = await action.send(apiPaths.console(warehouseId, 'tasks'), { kind: 'count', reference: t('console.flags.reference', format.date(Date.now())), assignedTo: null, bins: flaggedBins });
    if (made) setOutcome(t('console.flags.made', flaggedBins.length));
  };
  const resolve = async (flagId: string, note: string) => {
    const done = await action.send(apiPaths.console(warehouseId, `flags/${flagId}/resolve`), { note });
    if (done) exceptions.refresh();
  };

  return (
    <section aria-label={t('console.tab.exceptions')}>
      {(exceptions.problem ?? action.problem) && <Problem message={(exceptions.problem ?? action.problem)!} />}
      {outcome && (
        <p className="saved" role="status">
          {outcome}
        </p>
      )}
      <h2>{t('console.flags.title', flags.length)}</h2>
      <button type="button" className="primary" disabled={flaggedBins.length === 0 || action.busy} onClick={() => void countFlagged()}>
        {t('console.flags.makeCount')}
      </button>
      {flags.length > 0 && (
        <div className="table-scroll" tabIndex={0}>
          <table className="console-table" data-testid="flags">
            <thead>
              <tr>
                <th>{t('console.col.bin')}</th>
                <th>{t('console.flags.why')}</th>
                <th>{t('console.col.product')}</th>
                <th>{t('console.col.lot')}</th>
                <th>{t('console.col.since')}</th>
                <th>{t('console.col.resolve')}</th>
              </tr>
            </thead>
            <tbody>
              {flags.map((f) => (
                <tr key={f.id}>
                  <td>{f.binCode}</td>
                  <td>{t(FLAG_WORDS[f.kind])}</td>
                  <td>{f.productName ?? f.productId ?? ''}</td>
                  <td>{f.lot ?? ''}</td>
                  <td>{format.dateTime(f.at)}</td>
                  <td>
                    <button type="button" onClick={() => void resolve(f.id, t('console.checkedNote'))} disabled={action.busy}>
                      {t('console.checked')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <TaskConflictsTable warehouseId={warehouseId} conflicts={exceptions.data?.taskConflicts ?? []} takeovers={exceptions.data?.takeovers ?? []} onResolved={exceptions.refresh} />
      <DeviationsTable warehouseId={warehouseId} />
      <h2>{t('console.short.title', shortPicks.length)}</h2>
      {shortPicks.length > 0 && (
        <div className="table-scroll" tabIndex={0}>
          <table className="console-table" data-testid="short-picks">
            <thead>
              <tr>
                <th>{t('console.col.when')}</th>
                <th>{t('console.short.picker')}</th>
                <th>{t('console.short.list')}</th>
                <th>{t('console.col.bin')}</th>
                <th>{t('console.col.product')}</th>
                <th>{t('console.short.by')}</th>
                <th>{t('console.short.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {shortPicks.map((s) => (
                <tr key={s.opId}>
                  <td>{format.dateTime(s.at)}</td>
                  <td>{s.username ?? '—'}</td>
                  <td>{t('console.short.line', s.taskId, s.lineNo)}</td>
                  <td>{s.binCode}</td>
                  <td>{s.productName ?? s.productId}</td>
                  <td>{format.number(s.qty)}</td>
                  <td>{SHORT_WORDS[s.reason] ? t(SHORT_WORDS[s.reason]!) : s.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
