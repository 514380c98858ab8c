/**
 * The console speaks through the catalogue only: no English words left in its screens'
 * markup (text between tags, or a label, placeholder or title written out), so switching
 * the language switches every word. Codes, ids and symbols may stay.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const folder = join(import.meta.dirname, '../../src/ui/features/console');
const screens = readdirSync(folder).filter((name) => name.endsWith('.tsx'));

/** Two letters in a row outside braces: words, not "#", "·", "→" or "—". */
const WORDS = /[A-Za-z]{2,}/;

describe('the console’s screens', () => {
  it.each(screens)('%s writes no words of its own', (name) => {
    const source = readFileSync(join(folder, name), 'utf8');
    const found: string[] = [];
    // Text between tags: > Some words <
    // (A stretch of code between a generic's brackets is told apart by its statements.)
    for (const [, text] of source.matchAll(/>([^<>{}]*)</g)) if (text && WORDS.test(text) && !/[;=]|&&|\|\||\?\.|\breturn\b/.test(text)) found.push(text.trim());
    // Attributes a person reads, written as a literal.
    for (const [, text] of source.matchAll(/\b(?:aria-label|placeholder|title|alt)="([^"]*)"/g)) if (text && WORDS.test(text)) found.push(text);
    // Literals passed to window.prompt / confirm, or set as an outcome.
    for (const [, text] of source.matchAll(/(?:prompt|confirm|setOutcome)\(\s*'([^']*)'/g)) if (text && WORDS.test(text)) found.push(text);
    expect(found, name).toEqual([]);
  });
});
