/**
 * Requests for the fuzz run, made from the OpenAPI document: for each field a value
 * its schema allows or one that is bad on purpose (NUL and control characters, very
 * long strings, huge, negative and fractional numbers, dates out of range, empty and
 * huge arrays, wrong types, missing fields), and CSV files with bad cells.
 */
import fc from 'fast-check';

export interface Schema {
  type?: string;
  $ref?: string;
  enum?: unknown[];
  format?: string;
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  additionalProperties?: Schema | boolean;
}

/** Real names from the seeded warehouse, so bad values reach past the first lookup. */
export interface Known {
  readonly warehouseIds: readonly string[];
  readonly skus: readonly string[];
  readonly binCodes: readonly string[];
  readonly gtins: readonly string[];
  readonly userIds: readonly string[];
  readonly opIds: readonly string[];
}

const control = fc.constantFrom('\u0000', '\u0001', '\u0008', '\u001b', '\u001f', '\u007f', '\u200b', '\u202e', '\uffff', '\ud800', '\n', '\r', '\t', '"', "'", ';', ',', '\\', '%', 'é', '😀', 'a', '1', ' ');
const nastyString = fc.oneof(
  fc.string({ unit: control, maxLength: 40 }),
  fc.constant('x'.repeat(70_000)),
  fc.constantFrom('', ' ', 'null', 'undefined', 'NaN', '-1', '1e308', '0x10', '<script>', "'; drop table bins; --", '../../etc/passwd', '%00', '\u0000'),
);
export const nastyNumber = fc.oneof(
  fc.constantFrom(1e308, -1e308, 99999999999, -1, 0, 0.5, -0.5, 2 ** 31, 2 ** 31 - 1, -(2 ** 31), 2 ** 53, 2 ** 63, Number.MIN_VALUE, 1e-308),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 }),
);
const nastyDate = fc.constantFrom('9999-12-31T23:59:59Z', '9999-12-31T23:59:59.999+14:00', '0000-01-01T00:00:00Z', '0001-01-01T00:00:00Z', '1969-12-31T23:59:59Z', '2026-02-30T10:00:00Z', '+275760-09-13T00:00:00Z', '2026-13-40T99:00:00Z', '9999-12-31', '0000-00-00');
/** Anything at all, of any type. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  nastyNumber,
  nastyDate,
  fc.constantFrom(null, true, false, {}, [], [null], { __proto__: { x: 1 } }, { constructor: { prototype: { polluted: true } } }),
  fc.constant(Array.from({ length: 2000 }, (_, i) => i)),
);

/**
 * A value for a schema: wild (a field in four is bad) or mostly good (one in
 * thirty), so that requests both fail their checks and get past them to the code behind.
 */
export function valueFor(schema: Schema, components: Record<string, Schema>, known: Known, name = ''): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: valueWith(schema, components, known, name, 0, 2), weight: 1 }, { arbitrary: valueWith(schema, components, known, name, 0, 40), weight: 3 });
}

/** A value for a schema, bad one time in `goodPerBad`. */
function valueWith(schema: Schema, components: Record<string, Schema>, known: Known, name: string, depth: number, goodPerBad: number): fc.Arbitrary<unknown> {
  if (schema.$ref) return valueWith(components[schema.$ref.split('/').pop()!] ?? {}, components, known, name, depth, goodPerBad);
  const good = goodValue(schema, components, known, name, depth, goodPerBad);
  const bad = depth > 4 ? fc.constant(null) : nastyValue;
  const arms = [{ arbitrary: good, weight: goodPerBad }, { arbitrary: bad, weight: 1 }];
  return fc.oneof(...arms, ...(schema.nullable ? [{ arbitrary: fc.constant(null), weight: 1 }] : []));
}

function goodValue(schema: Schema, components: Record<string, Schema>, known: Known, name: string, depth: number, goodPerBad: number): fc.Arbitrary<unknown> {
  const branches = schema.oneOf ?? schema.anyOf;
  if (branches) return fc.oneof(...branches.map((b) => valueWith(b, components, known, name, depth, goodPerBad)));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'object':
      return objectFor(schema, components, known, depth, goodPerBad);
    case 'array': {
      const item = valueWith(schema.items ?? {}, components, known, name, depth + 1, goodPerBad);
      return fc.oneof({ arbitrary: fc.array(item, { maxLength: 3 }), weight: 5 }, { arbitrary: fc.constant([]), weight: 1 }, { arbitrary: fc.array(item, { minLength: 501, maxLength: 600 }), weight: depth <= 1 && goodPerBad < 10 ? 1 : 0 });
    }
    case 'integer':
    case 'number':
      return fc.oneof({ arbitrary: fc.integer({ min: Math.max(schema.minimum ?? 0, -1e6), max: Math.min(schema.maximum ?? 1000, 1e7) }), weight: goodPerBad }, { arbitrary: nastyNumber, weight: 1 });
    case 'boolean':
      return fc.boolean();
    case 'string':
      return stringFor(schema, known, name, goodPerBad);
    default:
      return nastyValue;
  }
}

function objectFor(schema: Schema, components: Record<string, Schema>, known: Known, depth: number, goodPerBad: number): fc.Arbitrary<unknown> {
  const properties = Object.entries(schema.properties ?? {});
  if (properties.length === 0) return fc.dictionary(fc.string({ maxLength: 8 }), nastyValue, { maxKeys: 3 });
  const fields = Object.fromEntries(properties.map(([key, value]) => [key, valueWith(value, components, known, key, depth + 1, goodPerBad)]));
  // Every field present, or some left out (missing fields).
  return fc.oneof({ arbitrary: fc.record(fields), weight: goodPerBad }, { arbitrary: fc.record(fields, { requiredKeys: [] }), weight: 1 });
}

function stringFor(schema: Schema, known: Known, name: string, goodPerBad: number): fc.Arbitrary<unknown> {
  if (schema.format === 'uuid') return fc.oneof(fc.uuid(), fc.constantFrom(...known.opIds, '00000000-0000-0000-0000-000000000000'));
  if (schema.format === 'date-time') {
    const recent = fc.integer({ min: -30 * 86_400_000, max: 86_400_000 }).map((ms) => new Date(Date.now() + ms).toISOString());
    const anyTime = fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true }).map((d) => d.toISOString());
    return fc.oneof({ arbitrary: recent, weight: goodPerBad }, { arbitrary: fc.oneof(nastyDate, anyTime), weight: 1 });
  }
  if (schema.format === 'date') return fc.constantFrom('2027-01-31', '9999-12-31', '0000-01-01', '2026-02-30');
  if (name === 'warehouseId') return fc.oneof({ arbitrary: fc.constant(known.warehouseIds[0]!), weight: 8 }, { arbitrary: fc.constantFrom(...known.warehouseIds), weight: 1 });
  if (name === 'userId') return fc.constantFrom(...known.userIds);
  if (name === 'sku' || name === 'productId' || name === 'product') return fc.oneof(fc.constantFrom(...known.skus), nastyString);
  if (name === 'binCode' || name === 'bin' || name === 'bins') return fc.oneof(fc.constantFrom(...known.binCodes), nastyString);
  if (name === 'csv') return csvText(known);
  return fc.oneof({ arbitrary: fc.string({ maxLength: 12 }), weight: goodPerBad }, { arbitrary: nastyString, weight: 1 });
}

const COLUMNS = ['sku', 'name', 'unit', 'zone', 'lot_tracked', 'expiry_tracked', 'unit_cost', 'each_code', 'inner_code', 'inner_qty', 'case_code', 'case_qty', 'code', 'aisle', 'walk_seq', 'bin', 'lot', 'expiry', 'qty', 'order', 'receipt'];

/** A CSV file with a plausible header and cells that are often wrong. */
function csvText(known: Known): fc.Arbitrary<string> {
  const cell = fc.oneof(
    fc.constantFrom(...known.skus, ...known.binCodes, ...known.gtins, 'A', 'yes', 'no', '1', '0', '12', '4.95'),
    fc.constantFrom('99999999999', `1${'0'.repeat(400)}`, '1e20', '-1', '0.5', '2147483648', '1e308', '9999-12-31', '0000-01-01', '"quoted, cell"', '=cmd()', ''),
    fc.string({ unit: control, maxLength: 12 }).map((s) => s.replaceAll('\u0000', '')),
  );
  const header = fc.oneof(fc.shuffledSubarray(COLUMNS, { minLength: 1, maxLength: 8 }), fc.constantFrom(['bin', 'sku', 'lot', 'expiry', 'qty'], ['order', 'sku', 'qty'], ['receipt', 'sku', 'qty', 'lot'], ['code', 'zone', 'aisle', 'walk_seq'], ['sku', 'name', 'zone', 'each_code', 'case_code', 'case_qty', 'unit_cost']));
  return header.chain((columns) =>
    fc.array(fc.array(cell, { minLength: columns.length, maxLength: columns.length }), { minLength: 0, maxLength: 6 }).map((rows) => [columns.join(','), ...rows.map((r) => r.join(','))].join('\n')),
  );
}
