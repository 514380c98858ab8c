/** Deviations on the floor (found by the server from its book, confirmed by the worker, or both), each resolved with a note. */
import { deviationListSchema, type DeviationRow } from '../../../protocol/console';
import { apiPaths } from '../../../protocol/paths';
import type { MessageKey } from '../../i18n/en';
import type { Translate } from '../../i18n/language';
import { Problem } from '../../components/Screen';
import { useFormat, useT } from '../../i18n/useT';
import { useConsoleAction, useConsoleQuery } from './useConsoleQuery';
import { DeviceName } from './DeviceName';
import { stepWords } from './stepWords';

const KIND_WORDS: Record<DeviationRow['kind'], MessageKey> = {
  'lot-not-in-bin': 'console.deviation.lot-not-in-bin',
  'not-fefo': 'console.deviation.not-fefo',
  'over-step-limit': 'console.deviation.over-step-limit',
  'empty-bin-held-stock': 'console.deviation.empty-bin-held-stock',
  'more-than-bin-holds': 'console.deviation.more-than-bin-holds',
};

/** What the server saw, in words: the book at the step's moment, the FEFO lot, the limit. */
export function deviationFacts(t: Translate, d: Pick<DeviationRow, 'kind' | 'facts'>): string {
  const f = d.facts;
  switch (d.kind) {
    case 'lot-not-in-bin':
      return f.lotsInBin ? t('console.facts.binHolds', String(f.lotsInBin)) : t('console.facts.noLot');
    case 'not-fefo':
      return f.fefoLot ? t('console.facts.fefo', String(f.fefoLot), String(f.fefoExpiry ?? '—')) + (f.lotExpiry ? t('console.facts.takenExpires', String(f.lotExpiry)) : '') : '';
    case 'over-step-limit':
      return f.limit !== undefined ? t('console.facts.overLimit', String(f.qty ?? '?'), String(f.limit)) : '';
    case 'empty-bin-held-stock':
    case 'more-than-bin-holds':
      return f.book !== undefined ? t('console.facts.book', String(f.book)) : '';
  }
}

const source = (t: Translate, d: DeviationRow) => t(d.onDevice && d.byServer ? 'console.deviation.both' : d.onDevice ? 'console.deviation.worker' : 'console.deviation.server');

export function DeviationsTable({ warehouseId }: { warehouseId: string }) {
  const t = useT();
  const format = useFormat();
  const deviations = useConsoleQuery(apiPaths.console(warehouseId, 'deviations'), deviationListSchema, 15_000);
  const action = useConsoleAction();
  const list = deviations.data?.deviations ?? [];
  const resolve = async (id: string) => {
    const note = window.prompt(t('console.deviations.how'), t('console.checkedNote'));
    // Cancel is "not now".
    if (note === null || note.trim() === '') return;
    if (await action.send(apiPaths.console(warehouseId, `deviations/${id}/resolve`), { note })) deviations.refresh();
  };
  return (
    <>
      {(deviations.problem ?? action.problem) && <Problem message={(deviations.problem ?? action.problem)!} />}
      <h2>{t('console.deviations.title', list.length)}</h2>
      {list.length > 0 && (
        <div className="table-scroll" tabIndex={0}>
          <table className="console-table" data-testid="deviations">
            <thead>
              <tr>
                <th>{t('console.col.when')}</th>
                <th>{t('console.col.who')}</th>
                <th>{t('console.activity.step')}</th>
                <th>{t('console.col.bin')}</th>
                <th>{t('console.col.product')}</th>
                <th>{t('console.col.lot')}</th>
                <th>{t('console.col.qty')}</th>
                <th>{t('console.deviations.deviation')}</th>
                <th>{t('console.col.resolve')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((d) => (
                <tr key={d.id}>
                  <td>{format.dateTime(d.at)}</td>
                  <td>
                    {d.username ?? '—'} · <DeviceName deviceId={d.deviceId} name={d.deviceName} />
                  </td>
                  <td>
                    {stepWords(t, d.stepType)}
                    {d.taskId ? ` · ${d.taskId}` : ''}
                  </td>
                  <td>{d.binCode}</td>
                  <td>{d.productName ?? d.productId ?? ''}</td>
                  <td>{d.lot ?? ''}</td>
                  <td>{d.qty === null ? '' : format.number(d.qty)}</td>
                  <td>
                    {t(KIND_WORDS[d.kind])}{' '}
                    <span className="sku">
                      ({source(t, d)}
                      {deviationFacts(t, d) ? `; ${deviationFacts(t, d)}` : ''})
                    </span>
                  </td>
                  <td>
                    <button type="button" onClick={() => void resolve(d.id)} disabled={action.busy}>
                      {t('console.checked')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
