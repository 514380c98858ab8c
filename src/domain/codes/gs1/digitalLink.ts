/**
 * GS1 Digital Link URIs (uncompressed), as QR codes and DataMatrix on products carry
 * them (GS1 Sunrise 2027): `https://id.example.com/01/09506000134352/10/ABC1?17=271231`
 * reads as the element string `(01)09506000134352(10)ABC1(17)271231`.
 *
 * The rules are GS1's Digital Link standard as GS1's Syntax Engine applies them by
 * default: any domain and path before the key; the rightmost `/AI/value` pair whose AI
 * is a primary key starts the GS1 part; the qualifiers after it must be the key's own,
 * in its order (dictionary `dlpkey=`); the query string carries attribute AIs (flag `?`
 * in the dictionary), each at most once and none that belongs in the path; other query
 * parameters (not digits) are ignored, as is a fragment. Values are percent-decoded
 * ("+" is a space in the query only); a GTIN of 8, 12 or 13 digits in the query is
 * padded to 14. Short names ("/gtin/") are not read: GS1 deprecated them.
 */
import { aiEntry, type AiEntry } from './aiTable';
import { checkCombination, checkValue, type AiElement, type ElementsResult } from './elementString';
import type { Gs1Problem, LinkProblem } from './gs1Problem';

const URI_CHARACTERS = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/;
const BAD_IN_DOMAIN = /[_~?#@!$&'()*+,;=%]/;
const SCHEMES = ['https://', 'HTTPS://', 'http://', 'HTTP://'];

const bad = (link: LinkProblem, ai?: string): ElementsResult => ({ ok: false, problem: { reason: 'bad-link', link, ...(ai === undefined ? {} : { ai }) } });

/** True when the text is spelled as a URI (scheme://…), which this module reads or refuses with the reason. */
export function looksLikeDigitalLink(text: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(text);
}

/** Percent-decoding byte by byte; null when it decodes to NUL. */
function decode(text: string, query: boolean): string | null {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '%' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      const code = parseInt(hex, 16);
      if (code === 0) return null;
      out += String.fromCharCode(code);
      i += 2;
    } else out += query && text[i] === '+' ? ' ' : text[i];
  }
  return out;
}

function exactAi(text: string): AiEntry | null {
  return /^\d{2,4}$/.test(text) ? aiEntry(text) : null;
}

const isPrimaryKey = (entry: AiEntry) => entry.linkQualifiers !== null;

/** True when `ais` is a key followed by some of one of its qualifier sequences, in order. */
function isKeySequence(ais: readonly string[]): boolean {
  const key = aiEntry(ais[0] ?? '');
  if (!key?.linkQualifiers) return false;
  return key.linkQualifiers.some((sequence) => {
    let from = 0;
    for (const ai of ais.slice(1)) {
      const found = sequence.indexOf(ai, from);
      if (found === -1) return false;
      from = found + 1;
    }
    return true;
  });
}

function checkLength(entry: AiEntry, value: string): Gs1Problem | null {
  if (value.length < entry.minLength) return { reason: 'too-short', ai: entry.ai, value, needed: entry.minLength };
  if (value.length > entry.maxLength) return { reason: 'too-long', ai: entry.ai, value, max: entry.maxLength };
  return null;
}

export function readDigitalLink(uri: string): ElementsResult {
  if (!URI_CHARACTERS.test(uri)) return bad('characters');
  const scheme = SCHEMES.find((s) => uri.startsWith(s));
  if (!scheme) return bad('scheme');
  const rest = uri.slice(scheme.length).split('#')[0]!;
  const slash = rest.indexOf('/');
  if (slash < 1 || BAD_IN_DOMAIN.test(rest.slice(0, slash))) return bad('domain');
  const [path = '', query = null] = splitOnce(rest.slice(slash), '?');

  // The rightmost /AI/value pair whose AI is a primary key starts the GS1 part.
  const segments = path.split('/').slice(1);
  let keyAt = -1;
  for (let i = segments.length - 2; i >= 0; i -= 2) {
    const entry = exactAi(segments[i]!);
    if (!entry) break;
    if (isPrimaryKey(entry)) {
      keyAt = i;
      break;
    }
  }
  if (keyAt === -1) return bad('no-key');

  const elements: AiElement[] = [];
  for (let i = keyAt; i < segments.length; i += 2) {
    const entry = exactAi(segments[i]!)!;
    const value = decode(segments[i + 1]!, false);
    if (segments[i + 1] === '') return bad('empty-value', entry.ai);
    if (value === null) return bad('nul', entry.ai);
    const problem = checkLength(entry, value);
    if (problem) return { ok: false, problem };
    elements.push({ ai: entry.ai, value });
  }
  const pathAis = elements.map((e) => e.ai);

  for (const parameter of query === null ? [] : query.split('&')) {
    const equals = parameter.indexOf('=');
    if (equals === -1) continue;
    const name = parameter.slice(0, equals);
    if (!/^\d+$/.test(name)) continue;
    const entry = exactAi(name);
    if (!entry) return bad('unknown-ai', name);
    const raw = parameter.slice(equals + 1);
    if (raw === '') return bad('empty-value', name);
    let value = decode(raw, true);
    if (value === null) return bad('nul', name);
    if (name === '01' && [8, 12, 13].includes(value.length)) value = value.padStart(14, '0');
    const problem = checkLength(entry, value);
    if (problem) return { ok: false, problem };
    if (elements.some((e) => e.ai === name)) return bad('repeated', name);
    if (!entry.linkAttribute) return bad('not-attribute', name);
    for (let at = 1; at <= pathAis.length; at++) {
      if (isKeySequence([...pathAis.slice(0, at), name, ...pathAis.slice(at)])) return bad('belongs-in-path', name);
    }
    elements.push({ ai: name, value });
  }
  if (!isKeySequence(pathAis)) return bad('key-order');

  for (const element of elements) {
    const problem = checkValue(aiEntry(element.ai)!, element.value);
    if (problem) return { ok: false, problem };
  }
  const problem = checkCombination(elements);
  return problem ? { ok: false, problem } : { ok: true, elements };
}

function splitOnce(text: string, separator: string): [string, string | null] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, null] : [text.slice(0, at), text.slice(at + 1)];
}

const escape = (value: string, query: boolean) =>
  [...value].map((c) => (/[A-Za-z0-9\-._~]/.test(c) ? c : query && c === ' ' ? '+' : `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)).join('');

/**
 * Writes elements as a Digital Link URI under `stem` (e.g. https://id.gs1.org): the
 * first primary key and its qualifiers in the path, in GS1's order, the rest as query
 * attributes. Null when no element is a primary key.
 */
export function encodeDigitalLink(elements: readonly AiElement[], stem = 'https://id.gs1.org'): string | null {
  const key = elements.find((e) => aiEntry(e.ai)?.linkQualifiers);
  if (!key) return null;
  const sequences = aiEntry(key.ai)!.linkQualifiers!;
  const best = sequences.reduce((a, b) => (b.filter((ai) => elements.some((e) => e.ai === ai)).length > a.filter((ai) => elements.some((e) => e.ai === ai)).length ? b : a));
  const path = [key, ...best.flatMap((ai) => elements.filter((e) => e.ai === ai).slice(0, 1))];
  const query = elements.filter((e) => !path.includes(e));
  const uri = `${stem.replace(/\/$/, '')}${path.map((e) => `/${e.ai}/${escape(e.value, false)}`).join('')}`;
  return query.length === 0 ? uri : `${uri}?${query.map((e) => `${e.ai}=${escape(e.value, true)}`).join('&')}`;
}
