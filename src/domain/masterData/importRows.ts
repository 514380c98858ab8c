/**
 * Checking master data a supervisor imports from CSV, row by row, before anything is
 * written. Each checker takes the parsed rows and what the warehouse already holds,
 * and returns the records it would write and every problem found, by line and column,
 * in words a person can act on. The server writes nothing unless there are no
 * problems, or the supervisor explicitly chose to import only the valid rows.
 */
import { finished, type CsvRow } from '../csv/csvTable';
import type { Product, ProductCode, PackLevel } from '../catalog/product';
import { readProductCode } from '../codes/gtin';
import { normaliseBinCode } from '../codes/binCode';
import { checkExpiryEntry, checkLotEntry } from '../floor/lotEntry';
import { explain } from '../why';
import { MAX_STEP_QTY } from '../floor/quantityLimits';

/** The dearest unit a product may cost: what the cost column (14 digits, 4 after the point) holds, rounded down to a round number. */
export const MAX_UNIT_COST = 1_000_000_000;
/** The largest count a number column (walk order, pack quantity) takes. */
const MAX_WHOLE = 1_000_000_000;

export interface RowProblem {
  readonly line: number;
  /** The column at fault, or null when the row as a whole is. */
  readonly column: string | null;
  readonly message: string;
}

export interface RowCheck<T> {
  /** Rows that passed, with the line each came from. */
  readonly valid: readonly { readonly line: number; readonly record: T }[];
  readonly problems: readonly RowProblem[];
  readonly rows: number;
}

export const IMPORT_COLUMNS = {
  products: ['sku', 'name', 'unit', 'zone', 'lot_tracked', 'expiry_tracked', 'unit_cost', 'each_code', 'inner_code', 'inner_qty', 'case_code', 'case_qty'],
  bins: ['code', 'zone', 'aisle', 'walk_seq'],
  stock: ['bin', 'sku', 'lot', 'expiry', 'qty'],
} as const;
export type ImportKind = keyof typeof IMPORT_COLUMNS;
const REQUIRED: Record<ImportKind, readonly string[]> = { products: ['sku', 'name', 'zone'], bins: ['code', 'zone', 'walk_seq'], stock: ['bin', 'sku', 'qty'] };

/** Problems with the header itself: a required column missing, or a column nobody reads (likely a typo). */
export function checkHeader(kind: ImportKind, header: readonly string[]): RowProblem[] {
  const known: readonly string[] = IMPORT_COLUMNS[kind];
  const missing = REQUIRED[kind].filter((c) => !header.includes(c)).map((c) => ({ line: 1, column: c, message: `The column "${c}" is required; the header must name it.` }));
  const unknown = header.filter((c) => c !== '' && !known.includes(c)).map((c) => ({ line: 1, column: c, message: `No column is called "${c}". The columns are: ${known.join(', ')}.` }));
  return [...missing, ...unknown];
}

/** A product as a file row gives it: no id yet (the SKU is the key), and its unit cost where known (values count variances). */
export type ProductRecord = Omit<Product, 'id'> & { readonly unitCost: number | null };

export interface WarehouseHolding {
  readonly zones: ReadonlySet<string>;
  readonly bins: ReadonlySet<string>;
  readonly products: ReadonlyMap<string, { readonly id: string; readonly lotTracked: boolean; readonly expiryTracked: boolean }>;
  /** Which product (by SKU) each code already belongs to. */
  readonly codeOwners: ReadonlyMap<string, string>;
}

const SKU = /^[A-Za-z0-9][A-Za-z0-9._\-/]{0,39}$/;

/** A row's problems, collected as its cells are read. */
class RowReader {
  readonly problems: RowProblem[] = [];
  constructor(readonly row: CsvRow) {}
  cell(column: string): string {
    return this.row.cells[column] ?? '';
  }
  problem(column: string | null, message: string): void {
    this.problems.push({ line: this.row.line, column, message });
  }
  required(column: string): string {
    const value = this.cell(column);
    if (value === '') this.problem(column, `${column} is empty; every row needs one.`);
    return value;
  }
  yesNo(column: string): boolean {
    const value = this.cell(column).toLowerCase();
    if (['', 'no', 'n', 'false', '0'].includes(value)) return false;
    if (['yes', 'y', 'true', '1'].includes(value)) return true;
    this.problem(column, `"${this.cell(column)}" is not yes or no.`);
    return false;
  }
  whole(column: string, { min, empty, max = MAX_WHOLE }: { min: number; empty: number | null; max?: number }): number {
    const text = this.cell(column);
    if (text === '' && empty !== null) return empty;
    if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
      const shown = text.length > 20 ? `${text.slice(0, 20)}…` : text;
      this.problem(column, text === '' ? `${column} is empty; it needs a whole number.` : `"${shown}" is not a whole number from ${min} to ${max.toLocaleString('en')}.`);
      return min;
    }
    return Number(text);
  }
}

/** Rows checked between two pauses of a check. */
const SLICE_ROWS = 500;

/** Checks the rows, pausing (yielding) every few hundred so a server can let other requests in between. */
function* checkRows<T>(rows: readonly CsvRow[], read: (reader: RowReader) => T): Generator<void, RowCheck<T>, void> {
  const valid: { line: number; record: T }[] = [];
  const problems: RowProblem[] = [];
  for (const [index, row] of rows.entries()) {
    if (index % SLICE_ROWS === 0 && index > 0) yield;
    const reader = new RowReader(row);
    const record = read(reader);
    if (reader.problems.length === 0) valid.push({ line: row.line, record });
    problems.push(...reader.problems);
  }
  return { valid, problems, rows: rows.length };
}

export function checkProductRows(rows: readonly CsvRow[], holding: WarehouseHolding): RowCheck<ProductRecord> {
  return finished(checkingProductRows(rows, holding));
}

export function checkingProductRows(rows: readonly CsvRow[], holding: WarehouseHolding): Generator<void, RowCheck<ProductRecord>, void> {
  const skuLine = new Map<string, number>();
  const codeLine = new Map<string, { line: number; sku: string }>();
  return checkRows(rows, (r) => {
    const sku = r.required('sku');
    if (sku !== '' && !SKU.test(sku)) r.problem('sku', `"${sku}" is not a SKU: up to 40 letters, digits and . _ - /, starting with a letter or digit.`);
    const firstLine = skuLine.get(sku);
    if (sku !== '' && firstLine !== undefined) r.problem('sku', `SKU ${sku} is on line ${firstLine} already.`);
    else skuLine.set(sku, r.row.line);
    const name = r.required('name');
    if (name.length > 120) r.problem('name', 'The name is longer than 120 characters.');
    const unit = r.cell('unit') || 'pc';
    const zone = r.required('zone').toUpperCase();
    if (zone !== '' && !holding.zones.has(zone)) r.problem('zone', `There is no zone ${zone} in this warehouse: import its bins first.`);
    const costText = r.cell('unit_cost');
    const unitCost = costText === '' ? null : Number(costText.replace(',', '.'));
    if (unitCost !== null && !(Number.isFinite(unitCost) && unitCost >= 0 && unitCost <= MAX_UNIT_COST)) {
      r.problem('unit_cost', `"${costText.length > 20 ? `${costText.slice(0, 20)}…` : costText}" is not a cost: a number from 0 to ${MAX_UNIT_COST.toLocaleString('en')}, such as 4.95.`);
    }
    const codes: ProductCode[] = [];
    const packs: { column: string; qtyColumn: string | null; level: PackLevel }[] = [
      { column: 'each_code', qtyColumn: null, level: 'each' },
      { column: 'inner_code', qtyColumn: 'inner_qty', level: 'inner' },
      { column: 'case_code', qtyColumn: 'case_qty', level: 'case' },
    ];
    for (const pack of packs) {
      const printed = r.cell(pack.column);
      if (printed === '') continue;
      const read = readProductCode(printed);
      if (!read.ok) {
        r.problem(pack.column, `${printed}: ${explain(read.error.why)}`);
        continue;
      }
      const code = read.value[0]!;
      const packQty = pack.qtyColumn === null ? 1 : r.whole(pack.qtyColumn, { min: 2, empty: null });
      const owner = holding.codeOwners.get(code.gtin);
      const inFile = codeLine.get(code.gtin);
      const inRow = codes.find((c) => c.gtin === code.gtin);
      if (owner !== undefined && owner !== sku) r.problem(pack.column, `Code ${printed} belongs to SKU ${owner} already.`);
      else if (inRow !== undefined) r.problem(pack.column, `Code ${printed} is this row's ${inRow.packLevel} code already: each pack level needs a code of its own.`);
      else if (inFile !== undefined && (inFile.sku !== sku || inFile.line !== r.row.line)) r.problem(pack.column, `Code ${printed} is on line ${inFile.line} already.`);
      else codeLine.set(code.gtin, { line: r.row.line, sku });
      codes.push({ gtin: code.gtin, packQty, packLevel: pack.level, symbology: code.symbology, printed: code.text });
    }
    if (packs.every((pack) => r.cell(pack.column) === '')) r.problem('each_code', 'The row has no code: a product needs at least one code to be scanned.');
    return { sku, name, unit, zone, lotTracked: r.yesNo('lot_tracked'), expiryTracked: r.yesNo('expiry_tracked'), unitCost, codes };
  });
}

export interface BinRecord {
  readonly code: string;
  readonly zone: string;
  readonly aisle: string;
  readonly walkSeq: number;
}

const ZONE = /^[A-Z0-9]{1,8}$/;

export function checkBinRows(rows: readonly CsvRow[]): RowCheck<BinRecord> {
  return finished(checkingBinRows(rows));
}

export function checkingBinRows(rows: readonly CsvRow[]): Generator<void, RowCheck<BinRecord>, void> {
  const seen = new Map<string, number>();
  return checkRows(rows, (r) => {
    const text = r.required('code');
    const code = normaliseBinCode(text);
    if (text !== '' && code === null) r.problem('code', `"${text}" is not a bin code: up to 32 letters, digits and dashes, starting with a letter or digit.`);
    const first = code === null ? undefined : seen.get(code);
    if (code !== null && first !== undefined) r.problem('code', `Bin ${code} is on line ${first} already.`);
    else if (code !== null) seen.set(code, r.row.line);
    const zone = r.required('zone').toUpperCase();
    if (zone !== '' && !ZONE.test(zone)) r.problem('zone', `"${zone}" is not a zone code: up to 8 letters and digits.`);
    const aisle = r.cell('aisle') || (code ?? '').split('-').slice(0, 2).join('-');
    const walkSeq = r.whole('walk_seq', { min: 0, empty: null });
    return { code: code ?? '', zone, aisle, walkSeq };
  });
}

export interface StockRecord {
  readonly binCode: string;
  readonly productId: string;
  readonly sku: string;
  readonly lot: string;
  readonly expiry: string | null;
  readonly qty: number;
}

export function checkStockRows(rows: readonly CsvRow[], holding: WarehouseHolding): RowCheck<StockRecord> {
  return finished(checkingStockRows(rows, holding));
}

export function checkingStockRows(rows: readonly CsvRow[], holding: WarehouseHolding): Generator<void, RowCheck<StockRecord>, void> {
  const seen = new Map<string, number>();
  return checkRows(rows, (r) => {
    const binText = r.required('bin');
    const binCode = normaliseBinCode(binText) ?? binText;
    if (binText !== '' && !holding.bins.has(binCode)) r.problem('bin', `There is no bin ${binText} in this warehouse.`);
    const sku = r.required('sku');
    const product = holding.products.get(sku);
    if (sku !== '' && !product) r.problem('sku', `There is no product with SKU ${sku} in this warehouse.`);
    let lot = '';
    const lotText = r.cell('lot');
    if (product?.lotTracked) {
      const checked = checkLotEntry(lotText);
      if (checked.ok) lot = checked.value;
      else r.problem('lot', `SKU ${sku} is lot-tracked: ${explain(checked.why)}`);
    } else if (product && lotText !== '') r.problem('lot', `SKU ${sku} is not lot-tracked; leave the lot empty.`);
    let expiry: string | null = null;
    const expiryText = r.cell('expiry');
    if (expiryText !== '' || product?.expiryTracked) {
      const checked = checkExpiryEntry(expiryText);
      if (checked.ok) expiry = checked.value;
      else r.problem('expiry', product?.expiryTracked && expiryText === '' ? `SKU ${sku} has an expiry date; the row needs one (YYYY-MM-DD).` : explain(checked.why));
    }
    const qty = r.whole('qty', { min: 0, empty: null, max: MAX_STEP_QTY });
    const key = `${binCode}\u0000${sku}\u0000${lot}`;
    const first = r.problems.length > 0 ? undefined : seen.get(key);
    if (first !== undefined) r.problem(null, `Bin ${binCode}, SKU ${sku}${lot ? `, lot ${lot}` : ''} is on line ${first} already.`);
    else if (r.problems.length === 0) seen.set(key, r.row.line);
    return { binCode, productId: product?.id ?? '', sku, lot, expiry, qty };
  });
}
