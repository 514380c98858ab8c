/**
 * The demo warehouse, generated (not stored) so that the same seed gives the same
 * warehouse on every machine, and a bigger one can be generated for benchmarks.
 *
 * Codes are real-shaped and check-digit valid: mostly EAN-13, some EAN-8, UPC-A
 * and UPC-E; a quarter of products have a case GTIN-14 with a pack quantity, some
 * an inner pack too. Cold-room products are lot- and expiry-tracked.
 */
import { compressToUpcE, withCheckDigit, type Gtin14, type Symbology } from '../../domain/codes/gtin';
import type { Bin, BinWithStock, Product, ProductCode, StockLine, Warehouse } from '../../domain/catalog/product';
import type { Task, TaskLine } from '../../domain/tasks/task';
import type { FloorJob, Role } from '../../domain/people/roles';

export interface WarehouseData {
  readonly warehouse: Warehouse;
  readonly zones: readonly { readonly code: string; readonly name: string }[];
  readonly bins: readonly Bin[];
  readonly products: readonly Product[];
  readonly stock: readonly StockLine[];
  readonly tasks: readonly Task[];
}

export interface DemoUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly jobs: readonly FloorJob[];
  readonly pin: string;
  readonly warehouseIds: readonly string[];
}

export interface WarehouseShape {
  readonly warehouse: Warehouse;
  /** Zone letters with names; the last zone listed as cold holds lot/expiry-tracked goods. */
  readonly zones: readonly { readonly code: string; readonly name: string; readonly cold?: boolean }[];
  readonly aislesPerZone: number;
  readonly baysPerAisle: number;
  readonly levels: number;
  readonly products: number;
  /** Digits that make this warehouse's codes differ from another's. */
  readonly codePrefix: string;
  readonly pickLists: number;
  readonly putawayTasks: number;
  readonly countTasks: number;
  readonly assignees: { readonly picker: string | null; readonly counter: string | null };
  readonly seed: number;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { id: 'u-picker1', username: 'picker1', displayName: 'Pat Picker', role: 'worker', jobs: ['pick', 'putaway'], pin: '1111', warehouseIds: ['wh-main'] },
  { id: 'u-counter1', username: 'counter1', displayName: 'Chris Counter', role: 'worker', jobs: ['count'], pin: '2222', warehouseIds: ['wh-main'] },
  { id: 'u-super1', username: 'super1', displayName: 'Sam Supervisor', role: 'supervisor', jobs: ['pick', 'putaway', 'count'], pin: '9999', warehouseIds: ['wh-main', 'wh-yard'] },
];

export const MAIN_WAREHOUSE: WarehouseShape = {
  warehouse: { id: 'wh-main', code: 'MAIN', name: 'Main distribution centre' },
  zones: [
    { code: 'A', name: 'Ambient fast movers' },
    { code: 'B', name: 'Ambient' },
    { code: 'C', name: 'Ambient slow movers' },
    { code: 'D', name: 'Household and chemicals' },
    { code: 'E', name: 'Bulk' },
    { code: 'F', name: 'Cold room', cold: true },
  ],
  aislesPerZone: 5,
  baysPerAisle: 10,
  levels: 4,
  products: 5200,
  codePrefix: '40',
  pickLists: 20,
  putawayTasks: 10,
  countTasks: 10,
  assignees: { picker: 'u-picker1', counter: 'u-counter1' },
  seed: 20261122,
};

export const YARD_WAREHOUSE: WarehouseShape = {
  warehouse: { id: 'wh-yard', code: 'YARD', name: 'Yard store' },
  zones: [{ code: 'Y', name: 'Yard racks' }],
  aislesPerZone: 2,
  baysPerAisle: 10,
  levels: 2,
  products: 60,
  codePrefix: '41',
  pickLists: 2,
  putawayTasks: 1,
  countTasks: 1,
  assignees: { picker: 'u-super1', counter: 'u-super1' },
  seed: 7,
};

/** A generated warehouse of a given size, for benchmarks (same rules, more of everything). */
export function benchmarkWarehouse(products: number, bins: number): WarehouseShape {
  const zones = 'ABCDEFGHIJ'.split('').map((code, i) => ({ code, name: `Zone ${code}`, cold: i === 9 }));
  const levels = 4;
  const baysPerAisle = 50;
  const aislesPerZone = Math.ceil(bins / (zones.length * levels * baysPerAisle));
  return { ...MAIN_WAREHOUSE, zones, aislesPerZone, baysPerAisle, levels, products };
}

/** Small, fast, seedable PRNG (mulberry32), so demo data is the same everywhere. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BRANDS = ['Nordic', 'Alba', 'Greenfield', 'Harbour', 'Summit', 'Meadow', 'Atlas', 'Orchard', 'Polar', 'Riverside', 'Crest', 'Beacon'];
const GOODS: readonly (readonly [string, string])[] = [
  ['Oat biscuits', 'pack'], ['Rye crackers', 'pack'], ['Olive oil', 'bottle'], ['Tomato passata', 'jar'], ['Basmati rice', 'bag'],
  ['Penne pasta', 'bag'], ['Black tea', 'box'], ['Ground coffee', 'bag'], ['Dish soap', 'bottle'], ['Laundry powder', 'box'],
  ['Paper towels', 'roll'], ['Toothpaste', 'tube'], ['Shampoo', 'bottle'], ['Cat food', 'tin'], ['Peanut butter', 'jar'],
  ['Sparkling water', 'bottle'], ['Apple juice', 'carton'], ['Chickpeas', 'tin'], ['Porridge oats', 'bag'], ['AA batteries', 'pack'],
];
const COLD_GOODS: readonly (readonly [string, string])[] = [
  ['Whole milk', 'carton'], ['Greek yoghurt', 'pot'], ['Cheddar cheese', 'block'], ['Butter', 'pack'], ['Fresh pasta', 'pack'], ['Orange juice', 'bottle'],
];
const SIZES = ['100 g', '250 g', '500 g', '1 kg', '330 ml', '500 ml', '1 l', '2 l', '6 pack', '12 pack'];

function code(gtinDigits: string, symbology: Symbology, printed: string, packQty: number, packLevel: ProductCode['packLevel']): ProductCode {
  return { gtin: gtinDigits.padStart(14, '0') as Gtin14, symbology, printed, packQty, packLevel };
}

/** Codes of the product at `index` (0-based), unique within the warehouse. */
function codesFor(index: number, prefix: string, rand: () => number): ProductCode[] {
  const serial = String(index).padStart(8, '0');
  let each: ProductCode;
  if (index % 20 === 0 && index < 200_000) {
    // EAN-8 (restricted circulation prefix 2 keeps them apart from everything else).
    const ean8 = withCheckDigit(`2${prefix.slice(1)}${String(index / 20).padStart(5, '0')}`);
    each = code(ean8, 'ean-8', ean8, 1, 'each');
  } else if (index % 10 === 3) {
    const upcA = withCheckDigit(`07${prefix}${serial.slice(-7)}`);
    each = code(upcA, 'upc-a', upcA, 1, 'each');
  } else if (index % 50 === 7 && index < 150_000) {
    // A UPC-E: its UPC-A is 0 6d m 0000 ddd with m in 0..2, so it zero-suppresses.
    const k = Math.floor(index / 50);
    const upcA = withCheckDigit(`06${prefix[1]}${k % 3}0000${String(Math.floor(k / 3) % 1000).padStart(3, '0')}`);
    const upcE = compressToUpcE(upcA);
    each = upcE === null ? code(upcA, 'upc-a', upcA, 1, 'each') : code(upcA, 'upc-e', upcE, 1, 'each');
  } else {
    const ean13 = withCheckDigit(`${prefix}${'1'}${serial.slice(-9).padStart(9, '0')}`);
    each = code(ean13, 'ean-13', ean13, 1, 'each');
  }
  const codes = [each];
  if (index % 4 === 1) {
    // A case GTIN-14: indicator digit 1 before the each's first 12 digits (of its 13-digit form).
    const base = each.gtin.slice(1, 13);
    const caseQty = [6, 12, 24, 10][Math.floor(rand() * 4)]!;
    const caseGtin = withCheckDigit(`1${base}`);
    codes.push(code(caseGtin, 'gtin-14', caseGtin, caseQty, 'case'));
    if (index % 12 === 1) {
      const innerGtin = withCheckDigit(`2${base}`);
      codes.push(code(innerGtin, 'gtin-14', innerGtin, caseQty / 2, 'inner'));
    }
  }
  return codes;
}

function generateBins(shape: WarehouseShape): Bin[] {
  const bins: Bin[] = [];
  let walkSeq = 0;
  for (const zone of shape.zones) {
    for (let aisle = 1; aisle <= shape.aislesPerZone; aisle++) {
      const aisleCode = String(aisle).padStart(2, '0');
      // Serpentine walk: up odd aisles, back down even ones.
      const bays = Array.from({ length: shape.baysPerAisle }, (_, i) => i + 1);
      if (aisle % 2 === 0) bays.reverse();
      for (const bay of bays) {
        for (let level = 1; level <= shape.levels; level++) {
          walkSeq += 10;
          bins.push({
            code: `${zone.code}-${aisleCode}-${String(bay).padStart(2, '0')}-${level}`,
            zone: zone.code,
            aisle: `${zone.code}-${aisleCode}`,
            walkSeq,
          });
        }
      }
    }
  }
  return bins;
}

function isoDay(base: Date, plusDays: number): string {
  return new Date(base.getTime() + plusDays * 86_400_000).toISOString().slice(0, 10);
}

export function generateWarehouse(shape: WarehouseShape, today: Date = new Date()): WarehouseData {
  const rand = random(shape.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const bins = generateBins(shape);
  const coldZone = shape.zones.find((zone) => zone.cold)?.code ?? null;
  const ambientZones = shape.zones.filter((zone) => !zone.cold).map((zone) => zone.code);
  const binsByZone = new Map<string, Bin[]>();
  for (const bin of bins) binsByZone.set(bin.zone, [...(binsByZone.get(bin.zone) ?? []), bin]);

  const products: Product[] = [];
  for (let i = 0; i < shape.products; i++) {
    const cold = coldZone !== null && i % 25 === 5;
    const [item, unit] = cold ? pick(COLD_GOODS) : pick(GOODS);
    const lotTracked = cold || i % 7 === 2;
    const id = `P${String(i + 1).padStart(6, '0')}`;
    products.push({
      id,
      sku: `SKU-${shape.warehouse.code}-${String(i + 1).padStart(6, '0')}`,
      name: i === 12 ? 'Warning labels <b>FRAGILE</b> & "THIS WAY UP"' : `${pick(BRANDS)} ${item} ${pick(SIZES)}`,
      unit,
      zone: cold ? coldZone : (ambientZones[i % ambientZones.length] ?? shape.zones[0]!.code),
      lotTracked,
      expiryTracked: lotTracked && (cold || i % 2 === 0),
      codes: codesFor(i, shape.codePrefix, rand),
    });
  }

  const stock: StockLine[] = [];
  const stockKeys = new Set<string>();
  for (const [i, product] of products.entries()) {
    if (i % 5 === 4) continue; // a fifth of the catalog is out of stock
    const zoneBins = binsByZone.get(product.zone) ?? bins;
    const places = 1 + Math.floor(rand() * 2);
    for (let n = 0; n < places; n++) {
      const bin = pick(zoneBins);
      const lot = product.lotTracked ? `L${isoDay(today, -Math.floor(rand() * 60)).replaceAll('-', '').slice(2)}${'ABC'[n]}` : '';
      const key = `${bin.code}|${product.id}|${lot}`;
      if (stockKeys.has(key)) continue;
      stockKeys.add(key);
      const pack = product.codes.find((c) => c.packLevel === 'case')?.packQty ?? 1;
      stock.push({
        binCode: bin.code,
        productId: product.id,
        lot,
        expiry: product.expiryTracked ? isoDay(today, 20 + Math.floor(rand() * 360)) : null,
        qty: pack * (1 + Math.floor(rand() * 20)),
      });
    }
  }

  const createdAt = today.toISOString();
  // Pick lists are due over the shift that starts at the seed's clock: from half an hour
  // to eight hours on, on the quarter hour, so the demo has some due soon and none past.
  // Their own stream of the generator, so the rest of the warehouse stays as it was.
  const dueRand = random(shape.seed ^ 0x5eed);
  const quarter = 15 * 60_000;
  const shiftStart = Math.ceil(today.getTime() / quarter) * quarter;
  const dueAtOf = () => new Date(shiftStart + (2 + Math.floor(dueRand() * 30)) * quarter).toISOString();
  const tasks: Task[] = [];
  for (let n = 0; n < shape.pickLists; n++) {
    const lines: TaskLine[] = [];
    const lineCount = 3 + Math.floor(rand() * 6);
    for (let l = 0; l < lineCount; l++) {
      const line = pick(stock);
      lines.push({ lineNo: l + 1, binCode: line.binCode, productId: line.productId, lot: line.lot || null, qty: Math.max(1, Math.min(line.qty, 1 + Math.floor(rand() * 12))) });
    }
    tasks.push({ id: `${shape.warehouse.code}-PL-${1001 + n}`, kind: 'pick', reference: `SO-${58000 + n * 7}`, status: 'open', assignedTo: n < shape.pickLists / 2 ? shape.assignees.picker : null, workedOnDevice: null, dueAt: dueAtOf(), createdAt, lines });
  }
  for (let n = 0; n < shape.putawayTasks; n++) {
    const lineCount = 1 + Math.floor(rand() * 3);
    const lines: TaskLine[] = Array.from({ length: lineCount }, (_, l) => {
      const product = pick(products);
      const lot = product.lotTracked ? `L${isoDay(today, 0).replaceAll('-', '').slice(2)}R` : null;
      return { lineNo: l + 1, binCode: null, productId: product.id, lot, qty: 1 + Math.floor(rand() * 48) };
    });
    tasks.push({ id: `${shape.warehouse.code}-PA-${2001 + n}`, kind: 'putaway', reference: `PO-${71000 + n * 3}`, status: 'open', assignedTo: n < shape.putawayTasks / 2 ? shape.assignees.picker : null, workedOnDevice: null, createdAt, lines });
  }
  for (let n = 0; n < shape.countTasks; n++) {
    const zoneBins = binsByZone.get(pick(shape.zones).code) ?? bins;
    const start = Math.floor(rand() * Math.max(1, zoneBins.length - 6));
    const lines: TaskLine[] = zoneBins
      .slice(start, start + 3 + Math.floor(rand() * 4))
      .map((bin, l) => ({ lineNo: l + 1, binCode: bin.code, productId: null, lot: null, qty: null }));
    tasks.push({ id: `${shape.warehouse.code}-CT-${3001 + n}`, kind: 'count', reference: `Cycle count ${n + 1}`, status: 'open', assignedTo: n < shape.countTasks / 2 ? shape.assignees.counter : null, workedOnDevice: null, createdAt, lines });
  }

  return {
    warehouse: shape.warehouse,
    zones: shape.zones.map(({ code: zoneCode, name }) => ({ code: zoneCode, name })),
    bins,
    products,
    stock,
    tasks,
  };
}

/** The warehouse's bins, each with the stock it holds (the shape the device downloads). */
export function binsWithStock(data: WarehouseData): BinWithStock[] {
  const byBin = new Map<string, StockLine[]>();
  for (const line of data.stock) byBin.set(line.binCode, [...(byBin.get(line.binCode) ?? []), line]);
  return data.bins.map((bin) => ({ ...bin, stock: byBin.get(bin.code) ?? [] }));
}
