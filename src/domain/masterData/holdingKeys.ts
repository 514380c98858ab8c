/**
 * What a file's rows name that the warehouse may already hold: its bins, SKUs and printed
 * codes, each once. The server reads only those (a big catalog is not read whole).
 */
import type { CsvRow } from '../csv/csvTable';
import { normaliseBinCode } from '../codes/binCode';
import { readProductCode } from '../codes/gtin';

export interface HoldingKeys {
  readonly bins: readonly string[];
  readonly skus: readonly string[];
  readonly gtins: readonly string[];
}

export function holdingKeysOf(rows: readonly CsvRow[]): HoldingKeys {
  const cells = (column: string) => [...new Set(rows.map((r) => r.cells[column] ?? '').filter((v) => v !== ''))];
  const gtins = ['each_code', 'inner_code', 'case_code'].flatMap(cells).flatMap((text) => {
    const read = readProductCode(text);
    return read.ok ? read.value.map((c) => c.gtin as string) : [];
  });
  return { bins: cells('bin').map((b) => normaliseBinCode(b) ?? b), skus: cells('sku'), gtins };
}
