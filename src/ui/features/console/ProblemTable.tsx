/** Problems found in a file, by line and column, so the supervisor can fix them in their spreadsheet. */
import { useT } from '../../i18n/useT';

export function ProblemTable({ problems, notListed = 0 }: { problems: readonly { line: number; column: string | null; message: string }[]; notListed?: number }) {
  const t = useT();
  return (
    <div className="table-scroll" tabIndex={0}>
      <table className="console-table problems" data-testid="row-problems">
        <caption>
          {t('console.problems.caption', problems.length + notListed)}
          {notListed > 0 && t('console.problems.firstListed', problems.length)}
        </caption>
        <thead>
          <tr>
            <th>{t('console.problems.line')}</th>
            <th>{t('console.problems.column')}</th>
            <th>{t('console.problems.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p, i) => (
            <tr key={i}>
              <td>{p.line}</td>
              <td>{p.column ?? ''}</td>
              <td>{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
