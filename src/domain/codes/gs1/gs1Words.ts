/**
 * A GS1 problem as the app words it (a Why, which the interface puts into the worker's
 * language) and as a short reason for code that decides by kind.
 */
import { gs1CheckDigit } from '../gtin';
import type { Why } from '../../why';
import { aiEntry } from './aiTable';
import type { Gs1Problem } from './gs1Problem';

export type Gs1ErrorReason =
  | 'empty'
  | 'not-gs1'
  | 'unknown-ai'
  | 'not-bracketed'
  | 'bad-separator'
  | 'too-short'
  | 'too-long'
  | 'bad-characters'
  | 'bad-check-digit'
  | 'bad-date'
  | 'bad-value'
  | 'repeated-ai'
  | 'forbidden-pair'
  | 'needs-other-ai'
  | 'needs-serial'
  | 'bad-link';

const CHARSET_LINTERS = new Set(['csetnumeric', 'cset82', 'cset39', 'cset64']);
const DATE_KINDS = new Set(['bad-month', 'bad-day']);

export function reasonOf(problem: Gs1Problem): Gs1ErrorReason {
  if (problem.reason !== 'bad-value') return problem.reason;
  if (CHARSET_LINTERS.has(problem.lint.linter)) return 'bad-characters';
  if (problem.lint.linter === 'csum') return 'bad-check-digit';
  if (DATE_KINDS.has(problem.lint.kind)) return 'bad-date';
  return 'bad-value';
}

function badValueWhy(problem: Extract<Gs1Problem, { reason: 'bad-value' }>, title: string): Why {
  const { ai, value, lint } = problem;
  const field = { ai, title, value };
  if (lint.linter === 'csetnumeric') return { code: 'gs1-not-digits', ...field };
  if (CHARSET_LINTERS.has(lint.linter)) return { code: 'gs1-bad-characters', ...field, character: value.slice(lint.position, lint.position + 1) };
  if (lint.linter === 'csum' && aiEntry(ai)?.components.length === 1) {
    return { code: 'gs1-bad-check-digit', ...field, given: value.at(-1) ?? '', expected: gs1CheckDigit(value.slice(0, -1)) };
  }
  if (lint.kind === 'bad-month') return { code: 'gs1-bad-month', ...field };
  if (lint.kind === 'bad-day') return { code: 'gs1-bad-day', ...field };
  return { code: 'gs1-bad-value', ...field, kind: lint.kind, problem: lint.message };
}

export function gs1Why(problem: Gs1Problem, titleOf: (ai: string) => string): Why {
  switch (problem.reason) {
    case 'empty':
      return { code: 'gs1-empty' };
    case 'not-gs1':
      return { code: 'gs1-not-gs1', aim: problem.aim };
    case 'unknown-ai':
      return { code: 'gs1-unknown-ai', at: problem.at };
    case 'not-bracketed':
      return { code: 'gs1-not-bracketed', text: problem.text.slice(0, 40) };
    case 'bad-separator':
      return { code: 'gs1-bad-separator' };
    case 'too-short':
      return { code: 'gs1-too-short', ai: problem.ai, title: titleOf(problem.ai), value: problem.value, needed: problem.needed };
    case 'too-long':
      return { code: 'gs1-too-long', ai: problem.ai, title: titleOf(problem.ai), value: problem.value, max: problem.max };
    case 'bad-value':
      return badValueWhy(problem, titleOf(problem.ai));
    case 'repeated-ai':
      return { code: 'gs1-repeated-ai', ai: problem.ai, title: titleOf(problem.ai) };
    case 'forbidden-pair':
      return { code: 'gs1-forbidden-pair', ai: problem.ai, title: titleOf(problem.ai), other: problem.other, otherTitle: titleOf(problem.other) };
    case 'needs-other-ai':
      return { code: 'gs1-needs-other-ai', ai: problem.ai, title: titleOf(problem.ai), needs: problem.needs.join(',') };
    case 'needs-serial':
      return { code: 'gs1-needs-serial', ai: problem.ai, title: titleOf(problem.ai) };
    case 'bad-link':
      return { code: 'gs1-link', problem: problem.link, ai: problem.ai ?? '' };
  }
}
