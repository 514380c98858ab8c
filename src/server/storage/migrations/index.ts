import { floorData } from './0001_floor_data';

/** Versioned migrations, applied in order at start. Never edit one that has shipped: add the next. */
export const migrations: readonly { readonly version: number; readonly name: string; readonly sql: string }[] = [
  { version: 1, name: 'floor data', sql: floorData },
];
