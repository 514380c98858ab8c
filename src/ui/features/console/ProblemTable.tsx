/** Problems found in a file, by line and column, so the supervisor can fix them in their spreadsheet. */
export function ProblemTable({ problems, notListed = 0 }: { problems: readonly { line: number; column: string | null; message: string }[]; notListed?: number }) {
  return (
    <div className="table-scroll">
      <table className="console-table problems" data-testid="row-problems">
        <caption>
          {problems.length + notListed} {problems.length + notListed === 1 ? 'problem' : 'problems'} in the file
          {notListed > 0 && `: the first ${problems.length} are listed; fix them and check again to see the rest`}
        </caption>
        <thead>
          <tr>
            <th>Line</th>
            <th>Column</th>
            <th>Problem</th>
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
