/**
 * Checks a master-data CSV file: read it, check its header, learn what the warehouse
 * already holds of what it names, check every row. The same steps run in the server's
 * thread for small files and in a worker thread for big ones (checkInWorker.ts), where
 * the garbage of 600,000 rows cannot pause the server.
 */
import { readingCsv, type CsvRow } from '../../domain/csv/csvTable';
import { checkHeader, checkingBinRows, checkingProductRows, checkingStockRows, type BinRecord, type ImportKind, type ProductRecord, type RowCheck, type RowProblem, type StockRecord, type WarehouseHolding } from '../../domain/masterData/importRows';
import { holdingKeysOf, type HoldingKeys } from '../../domain/masterData/holdingKeys';
import { MAX_LISTED_PROBLEMS } from '../../protocol/console';

export type ImportRecord = ProductRecord | BinRecord | StockRecord;

/** A file checked: its rows, the good ones (when asked for), and its first problems with how many there are. */
export interface CheckedFile {
  readonly rows: number;
  readonly validCount: number;
  readonly valid: RowCheck<ImportRecord>['valid'];
  readonly problems: readonly RowProblem[];
  readonly problemCount: number;
}

export interface FileToCheck {
  readonly kind: ImportKind;
  readonly csv: string;
  /** Whether the good rows are wanted (to write them); a check alone needs only their count. */
  readonly keepValid: boolean;
}

/** Runs a check that pauses now and then (yieldingWork in the server's thread, at once in a worker). */
export type Run = <T>(work: Generator<void, T, void>) => Promise<T>;

const only = (rows: number, problems: readonly RowProblem[]): CheckedFile => ({ rows, validCount: 0, valid: [], problems, problemCount: problems.length });

export async function checkFile(file: FileToCheck, run: Run, holdingOf: (keys: HoldingKeys) => Promise<WarehouseHolding>): Promise<CheckedFile> {
  const table = await run(readingCsv(file.csv));
  if (!table.ok) return only(0, [{ line: table.line, column: null, message: table.message }]);
  const headerProblems = checkHeader(file.kind, table.header);
  if (headerProblems.length > 0) return only(table.rows.length, headerProblems);
  if (table.rows.length === 0) return only(0, [{ line: 1, column: null, message: 'The file has a header but no rows.' }]);
  const holding = await holdingOf(holdingKeysOf(table.rows));
  const check = await run(checking(file.kind, table.rows, holding));
  return { rows: check.rows, validCount: check.valid.length, valid: file.keepValid ? check.valid : [], problems: check.problems.slice(0, MAX_LISTED_PROBLEMS), problemCount: check.problems.length };
}

function checking(kind: ImportKind, rows: readonly CsvRow[], holding: WarehouseHolding): Generator<void, RowCheck<ImportRecord>, void> {
  return kind === 'products' ? checkingProductRows(rows, holding) : kind === 'bins' ? checkingBinRows(rows) : checkingStockRows(rows, holding);
}
