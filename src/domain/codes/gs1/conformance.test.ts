/**
 * GS1's own verdicts: the shared vectors (../shared/data/gs1/vectors.json) hold element
 * strings as scanners deliver them, each judged by GS1's Barcode Syntax Engine. The
 * parser follows the engine's default settings, mandatory associations included: a
 * string the engine accepts only with associations off (e.g. a lone lot) is refused.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGs1Elements } from '../gs1';

interface Vector {
  readonly id: number;
  readonly input: string;
  readonly valid: boolean;
  readonly association?: string;
  readonly elements?: readonly { ai: string; value: string }[];
}

const file = join(import.meta.dirname, '../../../../../shared/data/gs1/vectors.json');

describe.runIf(existsSync(file))("GS1's conformance vectors", () => {
  const vectors: Vector[] = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).vectors : [];

  it('every verdict agrees with GS1 Syntax Engine at its defaults', () => {
    const disagreements: string[] = [];
    for (const vector of vectors) {
      const read = readGs1Elements(vector.input);
      const accepted = vector.valid && vector.association === undefined;
      if (read.ok !== accepted) {
        disagreements.push(`#${vector.id} ${JSON.stringify(vector.input)}: engine ${accepted ? 'accepts' : 'refuses'}${vector.association ? ` (${vector.association})` : ''}, we ${read.ok ? 'accept' : `refuse: ${read.error.message}`}`);
      } else if (read.ok) {
        expect(read.elements, `#${vector.id}`).toEqual(vector.elements);
      }
    }
    expect(disagreements).toEqual([]);
    expect(vectors.length).toBe(595);
  });
});
