/**
 * What can be wrong with a GS1 element string or Digital Link URI, with the facts a
 * person needs to fix it (which AI, which value, which part of it).
 */
import type { LintProblem } from './linters';

/** What is wrong with a GS1 Digital Link URI as a URI, before its AIs are checked. */
export type LinkProblem =
  | 'characters' // a character a URI may not hold
  | 'scheme' // not http:// or https://
  | 'domain' // no domain, or a character a domain may not hold
  | 'no-key' // no "/AI/value" pair of a GS1 primary key in the path
  | 'empty-value' // "/10/" or "?17=" with nothing after it
  | 'nul' // %00 in a value
  | 'unknown-ai' // a numeric query parameter that is no AI
  | 'key-order' // the path's qualifiers are not those of the key, in its order
  | 'not-attribute' // an AI GS1 does not allow in the query string
  | 'belongs-in-path' // a qualifier of the key given in the query string
  | 'repeated'; // an AI twice

export type Gs1Problem =
  | { readonly reason: 'empty' }
  | { readonly reason: 'not-gs1'; readonly aim: string }
  | { readonly reason: 'unknown-ai'; readonly at: string }
  | { readonly reason: 'not-bracketed'; readonly text: string }
  | { readonly reason: 'bad-separator'; readonly at: number }
  | { readonly reason: 'too-short'; readonly ai: string; readonly value: string; readonly needed: number }
  | { readonly reason: 'too-long'; readonly ai: string; readonly value: string; readonly max: number }
  | { readonly reason: 'bad-value'; readonly ai: string; readonly value: string; readonly lint: LintProblem }
  | { readonly reason: 'repeated-ai'; readonly ai: string }
  | { readonly reason: 'forbidden-pair'; readonly ai: string; readonly other: string }
  /** `needs`: alternatives, each one AI or several joined by "+", e.g. ["01+21", "02"]. */
  | { readonly reason: 'needs-other-ai'; readonly ai: string; readonly needs: readonly string[] }
  /** A key without its serial part beside a digital signature (8030). */
  | { readonly reason: 'needs-serial'; readonly ai: string }
  | { readonly reason: 'bad-link'; readonly link: LinkProblem; readonly ai?: string };
