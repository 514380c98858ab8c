import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { dictionaryEntries } from '../../../../scripts/gs1Dictionary';
import { describe, expect, it } from 'vitest';
import { AI_COUNT, aiAtStart, aiEntry, aiMatches, allAiEntries } from './aiTable';
import { LINTERS } from './linters';
import { SYNTAX_DICTIONARY_ENTRIES } from './syntaxDictionaryText';

const shared = join(import.meta.dirname, '../../../../../shared/data/gs1/gs1-syntax-dictionary.txt');

describe("the AI table from GS1's Syntax Dictionary", () => {
  it('holds all 541 AIs of the current release', () => {
    expect(AI_COUNT).toBe(541);
  });

  it.runIf(existsSync(shared))('is a faithful copy of the dictionary file (scripts/gs1Dictionary.ts)', () => {
    expect(SYNTAX_DICTIONARY_ENTRIES.trim().split('\n')).toEqual(dictionaryEntries(shared));
  });

  it('every linter the dictionary names is implemented', () => {
    const named = new Set([...allAiEntries()].flatMap((entry) => entry.components.flatMap((c) => c.linters)));
    expect([...named].filter((name) => !(name in LINTERS))).toEqual([]);
  });

  it('reads formats, flags and rules', () => {
    expect(aiEntry('01')).toMatchObject({ predefinedLength: true, linkAttribute: true, minLength: 14, maxLength: 14, excludes: ['255', '37'], linkQualifiers: [['22', '10', '21'], ['235']] });
    expect(aiEntry('10')).toMatchObject({ predefinedLength: false, minLength: 1, maxLength: 20, requires: [['01'], ['02'], ['03'], ['8006'], ['8026']] });
    expect(aiEntry('250')?.requires).toEqual([['01', '21'], ['03', '21'], ['8006', '21']]);
    expect(aiEntry('8006')).toMatchObject({ predefinedLength: false, minLength: 18, maxLength: 18 });
    expect(aiEntry('423')?.components.map((c) => c.optional)).toEqual([false, true, true, true, true]);
    expect(aiEntry('3105')?.title).toBe('NET WEIGHT (kg)');
    expect(aiEntry('3106')).toBeNull();
    expect(aiEntry('99')?.maxLength).toBe(90);
  });

  it('finds the AI at the start of raw data by its first two digits', () => {
    expect(aiAtStart('0109506000134352')?.ai).toBe('01');
    expect(aiAtStart('3103001250')?.ai).toBe('3103');
    expect(aiAtStart('8006095060001343520102')?.ai).toBe('8006');
    expect(aiAtStart('2351')?.ai).toBe('235');
    expect(aiAtStart('2312')).toBeNull();
    expect(aiAtStart('0')).toBeNull();
  });

  it('matches patterns where n is any digit', () => {
    expect(aiMatches('3103', '310n')).toBe(true);
    expect(aiMatches('3203', '310n')).toBe(false);
    expect(aiMatches('3155', '31nn')).toBe(true);
    expect(aiMatches('01', '01')).toBe(true);
  });
});
