/**
 * The content checks ("linters") that GS1's Syntax Dictionary names for the components
 * of AIs, and its four character sets, with the semantics of GS1's reference
 * implementation, the GS1 Barcode Syntax Engine (C library, src/c-lib/syntax/lint_*.c):
 * the same values pass, and a refused value is refused for the same reason at the same
 * place. linters.test.ts holds the engine's own unit tests, ported, to show it.
 *
 * Invariants:
 * - A linter sees one component's data; which components there are and how long they
 *   may be is the parser's business (aiTable.ts, elementString.ts).
 * - The first problem wins, in the engine's order of checks (e.g. `csum` reports a
 *   non-digit before a wrong check digit; `iban` its country before its length).
 * - `position` and `length` mark the bad part as the engine marks it, in UTF-16 code
 *   units of the data (the engine's byte offsets for the ASCII that GS1 allows).
 * - Two-digit years (yymmd0, yymmdd) get their century as the engine gives it, from its
 *   fixed "current year" 2021, not from the clock, so a verdict never changes with the
 *   date: 72–99 are 19YY, 00–71 are 20YY. Only leap days depend on it (2000 is leap).
 * - Lists of codes (countries, currencies, package types, media types) are in codeLists.ts,
 *   the coupon codes of AIs (8110) and (8112) in couponLinters.ts.
 */
import { gs1CheckDigit } from '../gtin';
import { ISO3166_ALPHA2_CODES, ISO3166_NUMERIC_CODES, ISO4217_NUMERIC_CODES, MEDIA_TYPE_CODES, PACKAGE_TYPE_CODES } from './codeLists';
import { checkCouponCode, checkCouponPosOffer, type CouponProblem } from './couponLinters';

export type LintProblemKind =
  | 'not-digits' // a character other than 0–9 where digits are required
  | 'bad-character' // a character outside the allowed set
  | 'bad-padding' // base64url "=" padding of the wrong length
  | 'too-short'
  | 'too-long'
  | 'wrong-length'
  | 'bad-check-digit' // numeric check digit, alphanumeric check pair, IBAN check digits
  | 'bad-company-prefix'
  | 'bad-month'
  | 'bad-day'
  | 'bad-hour'
  | 'bad-minute'
  | 'bad-second'
  | 'unknown-country'
  | 'unknown-currency'
  | 'unknown-code' // not in a code list: package type, media type, sex, winding, yes/no
  | 'zero-not-allowed'
  | 'must-be-zero'
  | 'leading-zero'
  | 'not-hyphens'
  | 'needs-non-digit'
  | 'exceeds-total' // piece after the total, position after the end
  | 'malformed' // not "<position>/<end>"
  | 'bad-percent-encoding'
  | 'out-of-range' // latitude, longitude
  | 'bad-coupon'; // any rule of a North American coupon code; `message` says which

/** Why a component's content is wrong, in a few words a person can act on (English). */
export interface LintProblem {
  readonly linter: string;
  readonly kind: LintProblemKind;
  readonly message: string;
  readonly position: number;
  readonly length: number;
}

export type Linter = (data: string) => LintProblem | null;

/** A problem before it carries the name of the linter that found it; shared checks return these. */
type Finding = Omit<LintProblem, 'linter'>;
type Check = (data: string) => Finding | null;

const found = (kind: LintProblemKind, message: string, position: number, length: number): Finding => ({ kind, message, position, length });
const moved = (finding: Finding | null, by: number): Finding | null => finding && { ...finding, position: finding.position + by };

/** `"x"` for a printable ASCII character, "space", else its code point, e.g. U+001D. */
function shown(character: string): string {
  const code = character.charCodeAt(0);
  if (code === 32) return 'space';
  return code > 32 && code < 127 ? `"${character}"` : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

const isDigit = (character: string | undefined) => character !== undefined && character >= '0' && character <= '9';

function nonDigit(data: string): Finding | null {
  for (let at = 0; at < data.length; at++) {
    if (!isDigit(data[at])) return found('not-digits', `Character ${at + 1} (${shown(data[at] ?? '')}) is not a digit.`, at, 1);
  }
  return null;
}

const lengthProblem = (data: string, wanted: number, what: string): Finding =>
  found(data.length < wanted ? 'too-short' : 'too-long', `${what} has ${wanted} characters; this has ${data.length}.`, 0, data.length);

// ---- Character sets (GS1 General Specifications, "GS1 AI encodable character set") ----

const CSET82 = `!"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz`;
const CSET39 = '#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const CSET64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function inCharacterSet(set: string, allowed: string): Check {
  return (data) => {
    for (let at = 0; at < data.length; at++) {
      const character = data[at] ?? '';
      if (!set.includes(character)) return found('bad-character', `Character ${at + 1} (${shown(character)}) is not allowed here: ${allowed}.`, at, 1);
    }
    return null;
  };
}

const cset82 = inCharacterSet(CSET82, `only letters, digits and !"%&'()*+,-./:;<=>?_`);
const cset39 = inCharacterSet(CSET39, 'only capital letters, digits and # - /');
const cset64Characters = inCharacterSet(CSET64, 'only letters, digits, - and _ (base64url)');

/** Base64url; "=" padding is optional, but if given there are at most two and the whole length is a multiple of 3. */
function cset64(data: string): Finding | null {
  const body = data.replace(/=+$/, '');
  const pads = data.length - body.length;
  if (pads > 2 || (pads > 0 && data.length % 3 !== 0)) {
    return found('bad-padding', `The value ends with ${pads} "=" padding character${pads === 1 ? '' : 's'}, which its length does not allow.`, body.length, pads);
  }
  return cset64Characters(body);
}

// ---- Check digits ----

function csum(data: string): Finding | null {
  if (data === '') return found('too-short', 'The value is empty: it has no check digit.', 0, 0);
  const problem = nonDigit(data);
  if (problem) return problem;
  const given = Number(data.at(-1));
  const expected = gs1CheckDigit(data.slice(0, -1));
  return given === expected ? null : found('bad-check-digit', `The check digit is ${given}; it should be ${expected}.`, data.length - 1, 1);
}

/** The check characters of csumalpha, by value 0–31. */
const CSET32 = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
/** Weights of csumalpha, one per data character from the right: the first 97 primes (the engine's limit). */
const PRIMES = ((count: number) => {
  const primes: number[] = [];
  for (let n = 2; primes.length < count; n++) if (primes.every((p) => n % p !== 0)) primes.push(n);
  return primes;
})(97);

/** GS1's alphanumeric check-character pair (GenSpecs "Check character calculation (for alphanumeric keys)"). */
function csumalpha(data: string): Finding | null {
  if (data.length > PRIMES.length + 2) return found('too-long', `A check-character pair covers at most ${PRIMES.length + 2} characters; this has ${data.length}.`, 0, data.length);
  if (data.length < 2) return found('too-short', 'The value is too short to end with its two check characters.', 0, data.length);
  const body = data.slice(0, -2);
  let sum = 0;
  for (let at = 0; at < body.length; at++) {
    const value = CSET82.indexOf(body[at] ?? '');
    if (value === -1) return cset82(body);
    sum += value * (PRIMES[body.length - 1 - at] ?? 0);
  }
  sum %= 1021;
  const expected = `${CSET32[sum >> 5]}${CSET32[sum & 31]}`;
  const given = data.slice(-2);
  return given === expected ? null : found('bad-check-digit', `The check characters are "${given}"; they should be "${expected}".`, data.length - 2, 2);
}

/** The shortest GS1 Company Prefix has four digits; without a prefix lookup only its form is checked. */
const GCP_MIN_LENGTH = 4;

function gcppos1(data: string): Finding | null {
  if (data.length < GCP_MIN_LENGTH) return found('too-short', `A GS1 Company Prefix has at least ${GCP_MIN_LENGTH} digits; this has ${data.length} characters.`, 0, data.length);
  for (let at = 0; at < GCP_MIN_LENGTH; at++) {
    if (!isDigit(data[at])) return found('bad-company-prefix', `A GS1 Company Prefix is digits only; character ${at + 1} (${shown(data[at] ?? '')}) is not a digit.`, at, 1);
  }
  return null;
}

function gcppos2(data: string): Finding | null {
  if (data.length < 2) return found('too-short', `A GS1 Company Prefix (from character 2) has at least ${GCP_MIN_LENGTH} digits; this has ${data.length} characters.`, 0, data.length);
  return moved(gcppos1(data.slice(1)), 1);
}

// ---- Dates and times ----

/** The engine's fixed "current year" (20YY) for placing two-digit years in a century. */
const ENGINE_CURRENT_YEAR = 21;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function fullYear(yy: number): number {
  const ahead = yy - ENGINE_CURRENT_YEAR;
  return (ahead >= 51 ? 1900 : ahead > -50 ? 2000 : 2100) + yy;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** YYMMDD (yearDigits 2) or YYYYMMDD (4); `dayZero`: DD 00 ("day not given") is allowed. */
function date(yearDigits: 2 | 4, dayZero: boolean): Check {
  const length = yearDigits + 4;
  const format = yearDigits === 2 ? 'YYMMDD' : 'YYYYMMDD';
  return (data) => {
    if (data.length !== length) return lengthProblem(data, length, `A date (${format})`);
    const problem = nonDigit(data);
    if (problem) return problem;
    const year = yearDigits === 2 ? fullYear(Number(data.slice(0, 2))) : Number(data.slice(0, 4));
    const mm = data.slice(yearDigits, yearDigits + 2);
    const dd = data.slice(yearDigits + 2);
    const month = Number(mm);
    if (month < 1 || month > 12) return found('bad-month', `Month ${mm} does not exist.`, yearDigits, 2);
    const days = daysIn(year, month);
    const monthName = `${MONTHS[month - 1]}${month === 2 ? ` ${year}` : ''}`;
    if (Number(dd) > days) return found('bad-day', `${monthName} has ${days} days; there is no day ${dd}.`, yearDigits + 2, 2);
    if (!dayZero && dd === '00') return found('bad-day', 'Day 00 is not allowed here: the date needs its day.', yearDigits + 2, 2);
    return null;
  };
}

const yymmd0 = date(2, true);
const yymmdd = date(2, false);

function twoDigits(unit: 'hour' | 'minute' | 'second', max: number): Check {
  const kind = ({ hour: 'bad-hour', minute: 'bad-minute', second: 'bad-second' } as const)[unit];
  return (data) => {
    if (data.length !== 2) return lengthProblem(data, 2, `${unit === 'hour' ? 'An' : 'A'} ${unit}`);
    const problem = nonDigit(data);
    if (problem) return problem;
    return Number(data) > max ? found(kind, `There is no ${unit} ${data}: it goes from 00 to ${max}.`, 0, 2) : null;
  };
}

const hh = twoDigits('hour', 23);
const mi = twoDigits('minute', 59);
const ss = twoDigits('second', 59);

function hhmi(data: string): Finding | null {
  if (data.length !== 4) return lengthProblem(data, 4, 'A time (HHMI)');
  return hh(data.slice(0, 2)) ?? moved(mi(data.slice(2)), 2);
}

// ---- Code lists ----

function inList(codes: ReadonlySet<string>, kind: LintProblemKind, message: (data: string) => string): Check {
  return (data) => (codes.has(data) ? null : found(kind, message(data), 0, data.length));
}

const iso3166 = inList(ISO3166_NUMERIC_CODES, 'unknown-country', (code) => `"${code}" is not an ISO 3166 three-digit country code.`);
const iso3166alpha2 = inList(ISO3166_ALPHA2_CODES, 'unknown-country', (code) => `"${code}" is not an ISO 3166 two-letter country code.`);
const iso3166999 = inList(new Set([...ISO3166_NUMERIC_CODES, '999']), 'unknown-country', (code) => `"${code}" is neither an ISO 3166 three-digit country code nor 999.`);
const iso4217 = inList(ISO4217_NUMERIC_CODES, 'unknown-currency', (code) => `"${code}" is not an ISO 4217 three-digit currency code.`);
const packagetype = inList(PACKAGE_TYPE_CODES, 'unknown-code', (code) => `"${code}" is not a package type of GS1's PackageTypeCode list.`);
const mediatype = inList(MEDIA_TYPE_CODES, 'unknown-code', (code) => `"${code}" is not an AIDC media type (01–10, 80–99).`);

/** One character out of `allowed`. */
function oneOf(allowed: string, message: string): Check {
  return (data) => (data.length === 1 && allowed.includes(data) ? null : found('unknown-code', message, 0, data.length));
}

const yesno = oneOf('01', 'This must be 0 (no) or 1 (yes).');
const winding = oneOf('019', 'The winding direction must be 0 (face out), 1 (face in) or 9 (undefined).');
const iso5218 = oneOf('0129', 'The sex code (ISO/IEC 5218) must be 0 (not known), 1 (male), 2 (female) or 9 (not applicable).');

const IMPORTER_INDEX = '-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';

function importeridx(data: string): Finding | null {
  if (data.length !== 1) return found('wrong-length', `The importer index is one character; this has ${data.length}.`, 0, data.length);
  return IMPORTER_INDEX.includes(data) ? null : found('bad-character', `${shown(data)} is not an importer index: only letters, digits, - and _.`, 0, 1);
}

// ---- Numbers ----

function nonzero(data: string): Finding | null {
  return nonDigit(data) ?? (/[1-9]/.test(data) ? null : found('zero-not-allowed', 'The value must not be zero.', 0, data.length));
}

function zero(data: string): Finding | null {
  return /^0+$/.test(data) ? null : found('must-be-zero', 'The value must be zero.', 0, data.length);
}

function nozeroprefix(data: string): Finding | null {
  if (data.startsWith('0')) return found('leading-zero', 'The value must not start with 0.', 0, 1);
  return nonDigit(data);
}

function hasnondigit(data: string): Finding | null {
  return /[^0-9]/.test(data) ? null : found('needs-non-digit', 'The value must contain a character that is not a digit.', 0, data.length);
}

function hyphen(data: string): Finding | null {
  return /^-+$/.test(data) ? null : found('not-hyphens', 'The value must be hyphens ("-") only.', 0, data.length);
}

/** PPTT: a piece number and a total of pieces, equally wide, neither zero, piece ≤ total. */
function pieceoftotal(data: string): Finding | null {
  const problem = nonDigit(data);
  if (problem) return problem;
  if (data.length === 0 || data.length % 2 !== 0) {
    return found('wrong-length', `The piece and the total are two numbers of equal width; ${data.length} digits cannot be split in two halves.`, 0, data.length);
  }
  const half = data.length / 2;
  const piece = data.slice(0, half);
  const total = data.slice(half);
  if (/^0+$/.test(piece)) return found('zero-not-allowed', 'The piece number must not be zero.', 0, half);
  if (/^0+$/.test(total)) return found('zero-not-allowed', 'The total number of pieces must not be zero.', half, half);
  return piece > total ? found('exceeds-total', `Piece ${Number(piece)} is more than the total of ${Number(total)}.`, 0, data.length) : null;
}

/** "<position>/<end>": two numbers without leading zeros, position ≤ end. */
function posinseqslash(data: string): Finding | null {
  const match = /^(\d+)\/(\d+)$/.exec(data);
  if (!match) return found('malformed', 'A position in a sequence is two numbers with a slash between them, e.g. 2/5.', 0, data.length);
  const [, position = '', end = ''] = match;
  if (position.startsWith('0')) return found('leading-zero', 'The position must not be 0 or start with 0.', 0, position.length);
  if (end.startsWith('0')) return found('leading-zero', 'The end must not be 0 or start with 0.', position.length + 1, end.length);
  const after = position.length > end.length || (position.length === end.length && position > end);
  return after ? found('exceeds-total', `Position ${position} is after the end, ${end}.`, 0, data.length) : null;
}

/** A WGS84 coordinate as AI (4309) writes it: 10 digits, offset so that it is never negative. */
function coordinate(what: 'latitude' | 'longitude', max: number): Check {
  return (data) => {
    if (data.length !== 10) return found('wrong-length', `A ${what} has 10 digits; this has ${data.length}.`, 0, data.length);
    const problem = nonDigit(data);
    if (problem) return problem;
    return Number(data) > max ? found('out-of-range', `The ${what} ${data} is out of range (0000000000–${max}).`, 0, 10) : null;
  };
}

// ---- Text ----

function pcenc(data: string): Finding | null {
  for (let at = data.indexOf('%'); at !== -1; at = data.indexOf('%', at + 3)) {
    if (at + 2 >= data.length) return found('bad-percent-encoding', `The "%" at character ${at + 1} must be followed by two hex digits.`, at, data.length - at);
    if (!/^[0-9A-Fa-f]{2}$/.test(data.slice(at + 1, at + 3))) return found('bad-percent-encoding', `The "%" at character ${at + 1} must be followed by two hex digits.`, at, 3);
  }
  return null;
}

const IBAN_CHARACTERS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** The engine takes an IBAN of 10 characters or fewer as too short for its check digits. */
const IBAN_MIN_LENGTH = 11;
const IBAN_MAX_LENGTH = 34;

/** ISO 13616: country, two check digits, account; valid when the rearranged number mod 97 is 1. */
function iban(data: string): Finding | null {
  const lengthWrong = (kind: 'too-short' | 'too-long') =>
    found(kind, `An IBAN has ${IBAN_MIN_LENGTH} to ${IBAN_MAX_LENGTH} characters; this has ${data.length}.`, 0, data.length);
  if (data.length < 4) return lengthWrong('too-short');
  if (!ISO3166_ALPHA2_CODES.has(data.slice(0, 2))) return found('unknown-country', `An IBAN starts with its ISO 3166 country code; "${data.slice(0, 2)}" is not one.`, 0, 2);
  if (data.length > IBAN_MAX_LENGTH) return lengthWrong('too-long');
  if (data.length < IBAN_MIN_LENGTH) return lengthWrong('too-short');
  let remainder = 0;
  for (let i = 4; i < data.length + 4; i++) {
    const at = i % data.length;
    const value = IBAN_CHARACTERS.indexOf(data[at] ?? '');
    if (value === -1) return found('bad-character', `Character ${at + 1} (${shown(data[at] ?? '')}) cannot be in an IBAN: only digits and capital letters.`, at, 1);
    remainder = (remainder * (value < 10 ? 10 : 100) + value) % 97;
  }
  return remainder === 1 ? null : found('bad-check-digit', `The IBAN's check digits ${data.slice(2, 4)} do not match the rest of it.`, 2, 2);
}

// ---- Coupons (couponLinters.ts) ----

const asFinding = (problem: CouponProblem | null): Finding | null => problem && found('bad-coupon', problem.message, problem.position, problem.length);
const isYymmdd = (text: string) => yymmdd(text) === null;

const couponcode: Check = (data) => nonDigit(data) ?? asFinding(checkCouponCode(data, isYymmdd));
const couponposoffer: Check = (data) => nonDigit(data) ?? asFinding(checkCouponPosOffer(data));

// ---- The table ----

const CHECKS: Readonly<Record<string, Check>> = {
  csetnumeric: (data) => nonDigit(data), cset82, cset39, cset64,
  csum, csumalpha, gcppos1, gcppos2,
  yymmd0, yymmdd, yyyymmdd: date(4, false), hhmi, hh, mi, ss,
  iso3166, iso3166999, iso3166alpha2, iso4217, iso5218, packagetype, mediatype, winding, yesno, importeridx,
  nonzero, zero, nozeroprefix, hasnondigit, pieceoftotal, posinseqslash,
  latitude: coordinate('latitude', 1_800_000_000), longitude: coordinate('longitude', 3_600_000_000),
  hyphen, pcenc, iban, couponcode, couponposoffer,
};

/** Every linter of the Syntax Dictionary by its name there, and the character sets csetnumeric (N), cset82 (X), cset39 (Y), cset64 (Z). */
export const LINTERS: Readonly<Record<string, Linter>> = Object.freeze(
  Object.fromEntries(
    Object.entries(CHECKS).map(([name, check]): [string, Linter] => [
      name,
      (data) => {
        const finding = check(data);
        return finding && { linter: name, ...finding };
      },
    ]),
  ),
);

/** Runs the named linter; throws for a name it does not know (a dictionary newer than this code). */
export function lint(name: string, data: string): LintProblem | null {
  const linter = Object.hasOwn(LINTERS, name) ? LINTERS[name] : undefined;
  if (!linter) throw new Error(`Unknown GS1 linter "${name}": the Syntax Dictionary names a check this code does not have.`);
  return linter(data);
}
