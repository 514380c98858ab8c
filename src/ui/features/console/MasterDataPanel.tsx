/**
 * CSV import of products, bins and stock: the file is checked first and every bad row
 * shown by line and column; nothing is imported unless every row is good, or the
 * supervisor explicitly imports only the good rows. CSV export of stock and ledger.
 */
import { useState } from 'react';
import { importColumns, importReportSchema, type ImportReport } from '../../../protocol/console';
import { apiPaths } from '../../../protocol/paths';
import { Problem } from '../../components/Screen';
import { api } from '../../floor';
import { useConsoleAction } from './useConsoleQuery';
import { ProblemTable } from './ProblemTable';
import { useT } from '../../i18n/useT';
import type { MessageKey } from '../../i18n/en';

type Kind = keyof typeof importColumns;
const KIND_WORDS: Record<Kind, MessageKey> = { products: 'console.import.products', bins: 'console.import.bins', stock: 'console.import.stock' };

export function MasterDataPanel({ warehouseId }: { warehouseId: string }) {
  const [kind, setKind] = useState<Kind>('products');
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const action = useConsoleAction();
  const t = useT();

  const send = async (mode: 'check' | 'all' | 'valid-only') => {
    if (mode === 'valid-only' && report && !window.confirm(t('console.import.confirmGoodOnly', report.valid, report.rows - report.valid))) return;
    const answer = await action.run(() => api.post(apiPaths.console(warehouseId, 'import'), { kind, csv, mode }, importReportSchema));
    if (answer) setReport(answer);
  };
  const download = async (path: string, name: string) => {
    const text = await action.run(() => api.getText(path));
    if (text === null) return;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
    link.download = name;
    link.click();
    // Some browsers read the file after click() returns: let go of it a little later.
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  };

  return (
    <section aria-label={t('console.tab.data')}>
      <h2>{t('console.import.title')}</h2>
      <div className="form">
        <label htmlFor="import-kind">{t('console.import.what')}</label>
        <select
          id="import-kind"
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as Kind);
            setReport(null);
          }}
        >
          {(Object.keys(KIND_WORDS) as Kind[]).map((k) => (
            <option key={k} value={k}>
              {t(KIND_WORDS[k])}
            </option>
          ))}
        </select>
        <p className="note">{t('console.import.columns', importColumns[kind].join(', '))}</p>
        <label htmlFor="import-file">{t('console.file')}</label>
        <input
          id="import-file"
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => {
            const file = e.target.files?.[0];
            setReport(null);
            setFileName(file?.name ?? null);
            void file?.text().then(setCsv);
          }}
        />
        <div className="toolbar">
          <button type="button" onClick={() => void send('check')} disabled={action.busy || csv === ''}>
            {t('console.checkFile')}
          </button>
          <button type="button" className="primary" onClick={() => void send('all')} disabled={action.busy || csv === ''}>
            {t('console.import.import')}
          </button>
          {report && report.problems.length > 0 && report.valid > 0 && report.imported === 0 && (
            <button type="button" onClick={() => void send('valid-only')} disabled={action.busy}>
              {t('console.import.goodOnly', report.valid)}
            </button>
          )}
        </div>
      </div>
      {action.problem && <Problem message={action.problem} />}
      {report && (
        <div data-testid="import-report" role="status">
          <p className={report.imported > 0 ? 'saved' : report.problems.length > 0 ? 'problem-text' : ''}>
            {t('console.import.report', fileName ?? t('console.import.theFile'), report.rows, report.valid)}{' '}
            {report.imported > 0
              ? t('console.import.imported', report.imported, report.mode === 'valid-only' ? report.rows - report.valid : 0)
              : report.mode === 'check'
                ? t('console.import.checkedOnly')
                : t('console.import.nothing')}
          </p>
          {report.problems.length > 0 && <ProblemTable problems={report.problems} notListed={report.problemsNotListed ?? 0} />}
        </div>
      )}
      <h2>{t('console.export.title')}</h2>
      <div className="toolbar">
        <button type="button" onClick={() => void download(apiPaths.console(warehouseId, 'export/stock.csv'), `stock-${warehouseId}.csv`)}>
          {t('console.export.stock')}
        </button>
        <button type="button" onClick={() => void download(apiPaths.console(warehouseId, 'export/ledger.csv'), `ledger-${warehouseId}.csv`)}>
          {t('console.export.ledger')}
        </button>
      </div>
    </section>
  );
}
