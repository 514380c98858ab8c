/** Problems found in a file, by line and column, so the supervisor can fix them in their spreadsheet. */
export function ProblemTable({ problems }: { problems: readonly { line: number; column: string | null; message: string }[] }) {
  return (
    <div className="table-scroll">
      <table className="console-table problems" data-testid="row-problems">
        <caption>
          {problems.length} {problems.length === 1 ? 'problem' : 'problems'} in the file
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
