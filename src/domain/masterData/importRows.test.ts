import { describe, expect, it } from 'vitest';
import { readCsv, writeCsv } from '../csv/csvTable';
import { checkBinRows, checkHeader, checkProductRows, checkStockRows, type WarehouseHolding } from './importRows';
import { withCheckDigit } from '../codes/gtin';

const holding: WarehouseHolding = {
  zones: new Set(['A', 'B']),
  bins: new Set(['A-01-01-1', 'A-01-01-2']),
  products: new Map([
    ['SKU-1', { id: 'p1', lotTracked: false, expiryTracked: false }],
    ['SKU-LOT', { id: 'p2', lotTracked: true, expiryTracked: true }],
  ]),
  codeOwners: new Map([[`0${withCheckDigit('400638133393')}`, 'SKU-1']]),
};

function rows(text: string) {
  const table = readCsv(text);
  if (!table.ok) throw new Error(table.message);
  return table;
}

describe('reading CSV', () => {
  it('reads quotes, doubled quotes, line breaks in quotes, CRLF and a byte-order mark, keeping each row’s line', () => {
    const table = rows('\uFEFFsku,name\r\nS1,"Tea, green"\r\nS2,"Say ""hi""\nthere"\r\n\r\nS3,plain\r\n');
    expect(table.header).toEqual(['sku', 'name']);
    expect(table.rows).toEqual([
      { line: 2, cells: { sku: 'S1', name: 'Tea, green' } },
      { line: 3, cells: { sku: 'S2', name: 'Say "hi"\nthere' } },
      { line: 6, cells: { sku: 'S3', name: 'plain' } },
    ]);
  });

  it('takes a semicolon as the delimiter when the header has more of them', () => {
    expect(rows('bin;sku;qty\nA-1;S1;4,5\n').rows[0]!.cells).toEqual({ bin: 'A-1', sku: 'S1', qty: '4,5' });
  });

  it('says which line an unclosed quote starts on', () => {
    expect(readCsv('sku,name\nS1,"open\nS2,x\n')).toEqual({ ok: false, line: 2, message: expect.stringContaining('line 2') });
  });

  it('writes what it reads back, and defuses what a spreadsheet would run as a formula', () => {
    const text = writeCsv(['a', 'b'], [['x,y', 'he said "no"'], ['=SUM(A1)', -4]]);
    expect(rows(text).rows.map((r) => r.cells)).toEqual([{ a: 'x,y', b: 'he said "no"' }, { a: "'=SUM(A1)", b: '-4' }]);
  });
});

describe('checking imports', () => {
  it('names a missing required column and an unknown one', () => {
    expect(checkHeader('stock', ['bin', 'sku', 'qyt']).map((p) => p.column)).toEqual(['qty', 'qyt']);
  });

  it('finds every bad product row, by line and column, and passes the good ones', () => {
    const each = withCheckDigit('590123412345');
    const taken = withCheckDigit('400638133393');
    const table = rows(
      [
        'sku,name,zone,lot_tracked,each_code,case_code,case_qty,unit_cost',
        `NEW-1,Tea,A,yes,${each},,,2.50`,
        `NEW-2,Coffee,Z,maybe,${each.slice(0, 12)}0,,,`,
        `NEW-1,Again,A,,${taken},,,`,
        'NEW-3,Juice,B,,,,,-1',
        `NEW-4,Water,B,,,${withCheckDigit('1590123412346')},1,`,
      ].join('\n'),
    );
    const check = checkProductRows(table.rows, holding);
    expect(check.valid.map((v) => v.record.sku)).toEqual(['NEW-1']);
    expect(check.valid[0]!.record).toMatchObject({ lotTracked: true, unitCost: 2.5, codes: [{ packLevel: 'each', packQty: 1 }] });
    expect(check.problems.map((p) => [p.line, p.column])).toEqual([
      [3, 'zone'],
      [3, 'each_code'],
      [3, 'lot_tracked'],
      [4, 'sku'],
      [4, 'each_code'],
      [5, 'unit_cost'],
      [5, 'each_code'],
      [6, 'case_qty'],
    ]);
    expect(check.problems[4]!.message).toContain('belongs to SKU SKU-1');
  });

  it('checks bins: code shape, duplicates, zone and walk sequence', () => {
    const check = checkBinRows(rows('code,zone,walk_seq\nc-02-01-1,c,10\nC-02-01-1,C,11\nC 2,C,x\n').rows);
    expect(check.valid.map((v) => v.record)).toEqual([{ code: 'C-02-01-1', zone: 'C', aisle: 'C-02', walkSeq: 10 }]);
    expect(check.problems.map((p) => [p.line, p.column])).toEqual([
      [3, 'code'],
      [4, 'code'],
      [4, 'walk_seq'],
    ]);
  });

  it('checks stock: known bin and SKU, lot and expiry where tracked, none where not, whole quantities, no row twice', () => {
    const check = checkStockRows(
      rows('bin,sku,lot,expiry,qty\nA-01-01-1,SKU-1,,,5\nA-01-01-1,SKU-LOT,l-1,2027-02-30,3\nA-01-01-1,SKU-1,X,,2\nZ-9,SKU-9,,,1.5\nA-01-01-2,SKU-LOT,l-2,2027-02-28,0\nA-01-01-1,SKU-1,,,6\n').rows,
      holding,
    );
    expect(check.valid.map((v) => v.record)).toEqual([
      { binCode: 'A-01-01-1', productId: 'p1', sku: 'SKU-1', lot: '', expiry: null, qty: 5 },
      { binCode: 'A-01-01-2', productId: 'p2', sku: 'SKU-LOT', lot: 'L-2', expiry: '2027-02-28', qty: 0 },
    ]);
    expect(check.problems.map((p) => [p.line, p.column])).toEqual([
      [3, 'expiry'],
      [4, 'lot'],
      [5, 'bin'],
      [5, 'sku'],
      [5, 'qty'],
      [7, null],
    ]);
  });
});
