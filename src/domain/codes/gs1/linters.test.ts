/**
 * The GS1 Barcode Syntax Engine's own unit tests of its linters (the UNIT_TEST_PASS /
 * UNIT_TEST_FAIL cases at the bottom of src/c-lib/syntax/lint_*.c, at commit 274ba834 of
 * gs1/gs1-syntax-engine), ported as data.
 *
 * A failing case is written as the engine writes it: the data with the bad part between
 * stars, "1234567*3*", and the engine's error name (GS1_LINTER_…, without the prefix).
 * The data is the same text without the two stars. The engine's errors map to our kinds
 * by ENGINE_KIND; for coupons the engine's sub-error is also checked, by its name.
 * Where the engine's test enumerates every byte or every code, so do these.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkCouponCode, checkCouponPosOffer, type CouponError } from './couponLinters';
import { lint, LINTERS, type LintProblem, type LintProblemKind } from './linters';

const ENGINE_KIND = {
  NON_DIGIT_CHARACTER: 'not-digits',
  INVALID_CSET82_CHARACTER: 'bad-character',
  INVALID_CSET39_CHARACTER: 'bad-character',
  INVALID_CSET64_CHARACTER: 'bad-character',
  INVALID_CSET64_PADDING: 'bad-padding',
  INCORRECT_CHECK_DIGIT: 'bad-check-digit',
  TOO_SHORT_FOR_CHECK_DIGIT: 'too-short',
  INCORRECT_CHECK_PAIR: 'bad-check-digit',
  TOO_SHORT_FOR_CHECK_PAIR: 'too-short',
  TOO_LONG_FOR_CHECK_PAIR_IMPLEMENTATION: 'too-long',
  TOO_SHORT_FOR_GCP: 'too-short',
  INVALID_GCP_PREFIX: 'bad-company-prefix',
  IMPORTER_IDX_MUST_BE_ONE_CHARACTER: 'wrong-length',
  INVALID_IMPORT_IDX_CHARACTER: 'bad-character',
  ILLEGAL_ZERO_VALUE: 'zero-not-allowed',
  NOT_ZERO: 'must-be-zero',
  ILLEGAL_ZERO_PREFIX: 'leading-zero',
  NOT_ZERO_OR_ONE: 'unknown-code',
  INVALID_WINDING_DIRECTION: 'unknown-code',
  INVALID_BIOLOGICAL_SEX_CODE: 'unknown-code',
  INVALID_PACKAGE_TYPE: 'unknown-code',
  INVALID_MEDIA_TYPE: 'unknown-code',
  NOT_ISO3166: 'unknown-country',
  NOT_ISO3166_OR_999: 'unknown-country',
  NOT_ISO3166_ALPHA2: 'unknown-country',
  NOT_ISO4217: 'unknown-currency',
  IBAN_TOO_SHORT: 'too-short',
  IBAN_TOO_LONG: 'too-long',
  INVALID_IBAN_CHARACTER: 'bad-character',
  ILLEGAL_IBAN_COUNTRY_CODE: 'unknown-country',
  INCORRECT_IBAN_CHECKSUM: 'bad-check-digit',
  DATE_TOO_SHORT: 'too-short',
  DATE_TOO_LONG: 'too-long',
  HOUR_TOO_SHORT: 'too-short',
  HOUR_TOO_LONG: 'too-long',
  MINUTE_TOO_SHORT: 'too-short',
  MINUTE_TOO_LONG: 'too-long',
  SECOND_TOO_SHORT: 'too-short',
  SECOND_TOO_LONG: 'too-long',
  HOUR_WITH_MINUTE_TOO_SHORT: 'too-short',
  HOUR_WITH_MINUTE_TOO_LONG: 'too-long',
  ILLEGAL_MONTH: 'bad-month',
  ILLEGAL_DAY: 'bad-day',
  ILLEGAL_HOUR: 'bad-hour',
  ILLEGAL_MINUTE: 'bad-minute',
  ILLEGAL_SECOND: 'bad-second',
  INVALID_LENGTH_FOR_PIECE_OF_TOTAL: 'wrong-length',
  ZERO_PIECE_NUMBER: 'zero-not-allowed',
  ZERO_TOTAL_PIECES: 'zero-not-allowed',
  PIECE_NUMBER_EXCEEDS_TOTAL: 'exceeds-total',
  POSITION_IN_SEQUENCE_MALFORMED: 'malformed',
  POSITION_EXCEEDS_END: 'exceeds-total',
  INVALID_PERCENT_SEQUENCE: 'bad-percent-encoding',
  LATITUDE_INVALID_LENGTH: 'wrong-length',
  LONGITUDE_INVALID_LENGTH: 'wrong-length',
  INVALID_LATITUDE: 'out-of-range',
  INVALID_LONGITUDE: 'out-of-range',
  NOT_HYPHEN: 'not-hyphens',
  REQUIRES_NON_DIGIT_CHARACTER: 'needs-non-digit',
} as const satisfies Record<string, LintProblemKind>;

type EngineError = keyof typeof ENGINE_KIND;
type Failing = readonly [marked: string, error: EngineError];
interface EngineTests {
  readonly pass: readonly string[];
  readonly fail: readonly Failing[];
}

/** The engine's way of showing a problem: the bad part between stars. */
function marked(data: string, problem: LintProblem): string {
  const end = problem.position + problem.length;
  return `${data.slice(0, problem.position)}*${data.slice(problem.position, end)}*${data.slice(end)}`;
}

function unmarked(text: string): string {
  expect(text.split('*'), `"${text}" marks one part`).toHaveLength(3);
  return text.replace('*', '').replace('*', '');
}

const all = (error: EngineError, ...marks: string[]): Failing[] => marks.map((mark) => [mark, error]);
const pad2 = (n: number) => String(n).padStart(2, '0');
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Pairs from lint_yymmd0.c and lint_yymmdd.c: the last day of a month passes, the next one fails. */
const YYMMDD_MONTH_ENDS = [
  ['200131', '2001*32*'], ['200229', '2002*30*'], ['200331', '2003*32*'], ['200430', '2004*31*'],
  ['200531', '2005*32*'], ['200630', '2006*31*'], ['200731', '2007*32*'], ['200831', '2008*32*'],
  ['200930', '2009*31*'], ['201031', '2010*32*'], ['201130', '2011*31*'], ['201231', '2012*32*'],
  ['210228', '2102*29*'], ['220228', '2202*29*'], ['230228', '2302*29*'], ['240229', '2402*30*'],
  ['000229', '0002*30*'], ['040229', '0402*30*'], ['960229', '9602*30*'],
] as const;

const YYMMDD_COMMON: EngineTests = {
  pass: ['000606', '250606', '500606', '750606', '990606', '200131', ...YYMMDD_MONTH_ENDS.map(([ok]) => ok)],
  fail: [
    ...all('NON_DIGIT_CHARACTER', '*x*00131', '2*x*0131', '20*x*131', '200*x*31', '2001*x*1', '20013*x*'),
    ...all('DATE_TOO_SHORT', '**', '*1*', '*11*', '*111*', '*1111*', '*11111*'),
    ...all('DATE_TOO_LONG', '*1111111*'),
    ...all('ILLEGAL_MONTH', '20*00*10', '20*13*10', '20*99*10'),
    ...all('ILLEGAL_DAY', ...YYMMDD_MONTH_ENDS.map(([, bad]) => bad)),
  ],
};

const YYYYMMDD_MONTH_ENDS = [
  ['20200131', '202001*32*'], ['20200229', '202002*30*'], ['20200331', '202003*32*'], ['20200430', '202004*31*'],
  ['20200531', '202005*32*'], ['20200630', '202006*31*'], ['20200731', '202007*32*'], ['20200831', '202008*32*'],
  ['20200930', '202009*31*'], ['20201031', '202010*32*'], ['20201130', '202011*31*'], ['20201231', '202012*32*'],
  ['20210228', '202102*29*'], ['20220228', '202202*29*'], ['20230228', '202302*29*'], ['20240229', '202402*30*'],
  ['20000229', '200002*30*'], ['20040229', '200402*30*'], ['19960229', '199602*30*'],
] as const;

const ENGINE_TESTS: Readonly<Record<string, EngineTests>> = {
  csetnumeric: {
    pass: ['', '0', '9', '00', '09', '90', '99', '0123456789'],
    fail: all('NON_DIGIT_CHARACTER', '*/*', '*:*', '*a*0', '0*a*'),
  },
  cset82: {
    pass: ['', '!"%&\'()*+,-/012345', '6789:;<=>?ABCDEFGHIJ', 'KLMNOPQRSTUVWXYZ_abc', 'defghijklmnopqrstuvw', 'xyz'],
    fail: all('INVALID_CSET82_CHARACTER', 'ABC* *', 'AB* *C', '* *ABC'),
  },
  cset39: {
    pass: ['', '#-/0123456789ABCDEFG', 'HIJKLMNOPQRSTUVWXYZ'],
    fail: all('INVALID_CSET39_CHARACTER', 'ABC*_*', 'AB*_*C', '*_*ABC'),
  },
  cset64: {
    pass: ['', '1', '12', '123', '12=', '1==', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz', '0123456789-_'],
    fail: [
      ...all('INVALID_CSET64_PADDING', '*===*', '123*=*', '12*==*', '1*===*', '1234*=*', '123*==*', '12*===*', '12*====*', '12*=====*', '12*======*'),
      ...all('INVALID_CSET64_CHARACTER', '*=*23', '1*=*3', '*=*234', '1*=*34', '12*=*4', 'ABC* *', 'AB* *C', '* *ABC'),
    ],
  },
  csum: {
    pass: ['02345673', '416000336108', '1234567890128', '12345678901231', '123456789012345675'],
    fail: [
      ['**', 'TOO_SHORT_FOR_CHECK_DIGIT'],
      ...all('INCORRECT_CHECK_DIGIT', '1234567*3*', '41600033610*9*', '123456789012*9*', '1234567890123*2*', '12345678901234567*0*'),
      ...all('NON_DIGIT_CHARACTER', '* *23456789012345675', '12345678* *012345675', '12345678901234567* *'),
    ],
  },
  csumalpha: {
    pass: [
      '22', '!22', '!!22', '1987654Ad4X4bL5ttr2310c2K', '12345678901234567890123NT',
      '12345_ABCDEFGHIJKLMCP', '12345_NOPQRSTUVWXYZDN', '12345_abcdefghijklmN3', '12345_nopqrstuvwxyzP2',
      '12345_!"%&\'()*+,-./LC', '12345_0123456789:;<=>?62', '7907665Bm8v2AB', '97850l6KZm0yCD', '225803106GSpEF',
      '149512464PM+GH', '62577B8fRG7HJK', '515942070CYxLM', '390800494sP6NP', '386830132uO+QR', '53395376X1:nST',
      '957813138Sb6UV', '530790no0qOgWX', '62185314IvwmYZ', '23956qk1&dB!23', '794394895ic045', '57453Uq3qA<H67',
      '62185314IvwmYZ', '0881063PhHvY89', '00000!HV', '99999zzzzzzzzzzzzzzzzzzT2', '99999zzzzzzzzzzzzzzzzzzT2',
      `${'1234567890'.repeat(9)}1234567HA`, // 99 characters
      `${'z'.repeat(97)}UA`, // the largest sum
    ],
    fail: [
      ...all('TOO_SHORT_FOR_CHECK_PAIR', '**', '*2*'),
      ...all('INCORRECT_CHECK_PAIR', '*33*', '1987654Ad4X4bL5ttr2310c*XK*', '1987654Ad4X4bL5ttr2310c*2X*'),
      [`*${'1234567890'.repeat(9)}12345678ZZ*`, 'TOO_LONG_FOR_CHECK_PAIR_IMPLEMENTATION'], // 100 characters
      ...all('INVALID_CSET82_CHARACTER', '* *2345678901234567890123NT', '123456789* *1234567890123NT', '1234567890123456789012* *NT'),
      ...all('INCORRECT_CHECK_PAIR', '12345678901234567890123* T*', '12345678901234567890123*N *'),
    ],
  },
  gcppos1: {
    pass: ['01234', '0123', '0123A'],
    fail: [
      ...all('TOO_SHORT_FOR_GCP', '*012*', '*01*', '*0*', '**'),
      ...all('INVALID_GCP_PREFIX', '012*A*A', '01*A*AA', '0*A*AAA', '*A*AAAA'),
    ],
  },
  gcppos2: {
    pass: ['I01234', 'I0123', 'I0123A'],
    fail: [
      ...all('TOO_SHORT_FOR_GCP', 'I*012*', 'I*01*', 'I*0*', '*I*', '**'),
      ...all('INVALID_GCP_PREFIX', 'I012*A*A', 'I01*A*AA', 'I0*A*AAA', 'I*A*AAAA'),
    ],
  },
  hasnondigit: {
    pass: ['/', ':', '/123456789', '012345678/', ':123456789', '012345678:', 'AA', 'A1', '1A', 'AAA', '1AA', 'A1A', 'AA1', '11A', 'A11', '1A1'],
    fail: all('REQUIRES_NON_DIGIT_CHARACTER', '**', ...range(0, 9).map((d) => `*${d}*`), '*0123456789*', '*11*', '*111*'),
  },
  hh: {
    pass: range(0, 23).map(pad2),
    fail: [
      ['*24*', 'ILLEGAL_HOUR'],
      ...all('NON_DIGIT_CHARACTER', '*x*0', '0*x*'),
      ...all('HOUR_TOO_SHORT', '**', '*1*'),
      ...all('HOUR_TOO_LONG', '*111*', '*1111*'),
    ],
  },
  mi: {
    pass: range(0, 59).map(pad2),
    fail: [
      ['*60*', 'ILLEGAL_MINUTE'],
      ...all('NON_DIGIT_CHARACTER', '*x*0', '0*x*'),
      ...all('MINUTE_TOO_SHORT', '**', '*1*'),
      ['*111*', 'MINUTE_TOO_LONG'],
    ],
  },
  ss: {
    pass: range(0, 59).map(pad2),
    fail: [
      ['*60*', 'ILLEGAL_SECOND'],
      ...all('NON_DIGIT_CHARACTER', '*x*0', '0*x*'),
      ...all('SECOND_TOO_SHORT', '**', '*1*'),
      ...all('SECOND_TOO_LONG', '*111*', '*1111*'),
    ],
  },
  hhmi: {
    pass: ['0000', '2359', ...range(1, 23).map((h) => `${pad2(h)}00`), ...range(1, 59).map((m) => `00${pad2(m)}`)],
    fail: [
      ['*24*00', 'ILLEGAL_HOUR'],
      ['00*60*', 'ILLEGAL_MINUTE'],
      ...all('NON_DIGIT_CHARACTER', '*x*000', '0*x*00', '00*x*0', '000*x*'),
      ...all('HOUR_WITH_MINUTE_TOO_SHORT', '**', '*1*', '*11*', '*111*'),
      ['*11111*', 'HOUR_WITH_MINUTE_TOO_LONG'],
    ],
  },
  hyphen: {
    pass: ['-', '--'],
    fail: all('NOT_HYPHEN', '**', '*X*', '*XX*'),
  },
  iban: {
    pass: [
      'FR7630006000011234567890189', 'DE91100000000123456789', 'GR9608100010000001234567890', 'MU43BOMM0101123456789101000MUR',
      'PK70BANK0000123456789000', 'PL10105000997603123456789123', 'RO09BCYP0000001234567890', 'SA4420000001234567891234',
      'ES7921000813610123456789', 'CH5604835012345678009', 'GB98MIDL07009312345678', 'BE71096123456769',
      'LC14BOSL123456789012345678901234', 'MT90MALT011000012345MTLCAST001SABC',
    ],
    fail: [
      ...all('INCORRECT_IBAN_CHECKSUM', 'BE*71*096123456760', 'LC*14*BOSL123456789012345678901230', 'MT*90*MALT011000012345MTLCAST001SAB0'),
      ...all('IBAN_TOO_SHORT', '**', '*B*', '*BE*', '*BE7*', '*BE71*'),
      ...all('IBAN_TOO_LONG', '*MTXXMALT011000012345MTLCAST001SABCD*', '*MTXXMALT011000012345MTLCAST001SABCDE*'),
      ['LC14BOSL*x*x3456789012345678901230', 'INVALID_IBAN_CHARACTER'],
      ['*XX*361234567890', 'ILLEGAL_IBAN_COUNTRY_CODE'],
    ],
  },
  importeridx: {
    pass: [],
    fail: all('IMPORTER_IDX_MUST_BE_ONE_CHARACTER', '**', '*AA*'),
  },
  iso3166: {
    pass: [],
    fail: all('NOT_ISO3166', '**', '*0*', '*00*', '*000*', '*0000*', '*_894*', '*894_*', '*999*', '*AAA*'),
  },
  iso3166999: {
    pass: ['999', '004', '894'],
    fail: all('NOT_ISO3166_OR_999', '*000*', '*998*', '**', '*9*', '*99*', '*9999*', '*_999*', '*999_*', '*AAA*'),
  },
  iso3166alpha2: {
    pass: [],
    fail: all('NOT_ISO3166_ALPHA2', '**', '*A*', '*AA*', '*AAA*', '*_AD*', '*AD_*'),
  },
  iso4217: {
    pass: [],
    fail: all('NOT_ISO4217', '**', '*0*', '*00*', '*000*', '*0000*', '*_999*', '*999_*', '*AAA*'),
  },
  iso5218: {
    pass: ['0', '1', '2', '9'],
    fail: all('INVALID_BIOLOGICAL_SEX_CODE', '*3*', '*4*', '*5*', '*6*', '*7*', '*8*', '**', '*/*', '*:*', '*01*'),
  },
  latitude: {
    pass: ['0279085848', '0000000000', '1800000000'],
    fail: [...all('LATITUDE_INVALID_LENGTH', '*027908584*', '*02790858481*'), ['*1800000001*', 'INVALID_LATITUDE']],
  },
  longitude: {
    pass: ['3015297971', '0000000000', '3600000000'],
    fail: [...all('LONGITUDE_INVALID_LENGTH', '*301529797*', '*30152979711*'), ['*3600000001*', 'INVALID_LONGITUDE']],
  },
  mediatype: {
    pass: [...range(1, 10), ...range(80, 99)].map(pad2),
    fail: all('INVALID_MEDIA_TYPE', '**', '*0*', '*000*', '*_01*', '*01_*', '*AA*', '*00*', ...range(11, 79).map((n) => `*${n}*`)),
  },
  nonzero: {
    pass: ['1', '01', '10', '11', '001', '010', '011', '100', '101', '110', '111', '0009', '9000', '01234567890'],
    fail: [
      ...all('ILLEGAL_ZERO_VALUE', '*0*', '*00*', '*000*', '*0000*', '**', '*00*', '*000*'),
      ...all('NON_DIGIT_CHARACTER', '*A*999', '9*A*99', '99*A*9', '999*A*'),
    ],
  },
  nozeroprefix: {
    pass: ['', '1', '10', '210', '321', '1234567890'],
    fail: [
      ...all('ILLEGAL_ZERO_PREFIX', '*0*', '*0*1', '*0*12', '*0*123'),
      ...all('NON_DIGIT_CHARACTER', '*A*999', '9*A*99', '99*A*9', '999*A*'),
    ],
  },
  packagetype: {
    pass: [],
    fail: all('INVALID_PACKAGE_TYPE', '**', '*0*', '*00*', '*000*', '*0000*', '*_9*', '*9_*', '*_1A*', '*1A_*', '*_200*', '*200_*'),
  },
  pcenc: {
    pass: [
      '', 'A', 'ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHI', '%00', '%FF', '%Ff', '%fF', '%ff', '%20', 'ABC%20', 'ABC%00', 'ABC%FF', 'ABC%ff',
      'ABC%20XYZ', 'ABC%00XYZ', 'ABC%FFXYZ', 'ABC%ffXYZ', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ%00+12345',
    ],
    fail: all('INVALID_PERCENT_SEQUENCE', '*%fg*', '*%gf*', '*%g*', 'ABC*%fg*', 'ABC*%gf*', 'ABC*%g*', 'ABC*%fg*XYZ', 'ABC*%gf*XYZ', 'ABC*%gX*YZ'),
  },
  pieceoftotal: {
    pass: ['11', '13', '23', '33', '33', '89', '99', '0101', '0103', '0203', '0303', '9899', '9999', '001001', '001003', '002003', '003003', '998999', '999999'],
    fail: [
      ...all('INVALID_LENGTH_FOR_PIECE_OF_TOTAL', '**', '*1*', '*111*', '*11111*', '*1111111*', '*111111111*'),
      ...all('NON_DIGIT_CHARACTER', '*x*5555555', '5*x*555555', '55*x*55555', '555*x*5555', '5555*x*555', '55555*x*55', '555555*x*5', '5555555*x*'),
      ...all('ZERO_PIECE_NUMBER', '*0*1', '*0*0', '*00*01', '*00*00', '*000*001', '*000*000'),
      ...all('ZERO_TOTAL_PIECES', '1*0*', '01*00*', '001*000*'),
      ...all('PIECE_NUMBER_EXCEEDS_TOTAL', '*21*', '*98*', '*0908*', '*1009*', '*1110*', '*9998*', '*002001*', '*099098*', '*100099*', '*101100*', '*999998*'),
    ],
  },
  posinseqslash: {
    pass: ['1/1', '1/3', '2/3', '3/3', '8/9', '9/9', '9/10', '10/10', '1/100', '100/100', '98/99', '99/99', '998/999', '999/999'],
    fail: [
      ...all('POSITION_IN_SEQUENCE_MALFORMED', '**', '*/*', '*1*', '*x*', '*1/*', '*x/*', '*1//*', '*/1*', '*/x*', '*//1*', '*//*', '*1//2*', '*x/y*', '*x//y*'),
      ...all('ILLEGAL_ZERO_PREFIX', '*0*/1', '1/*0*', '*0*/0', '1/*02*', '*01*/2', '*01*/02'),
      ...all('POSITION_EXCEEDS_END', '*2/1*', '*9/8*', '*10/9*', '*11/10*', '*99/98*', '*100/99*', '*101/100*', '*999/998*'),
    ],
  },
  winding: {
    pass: ['0', '1', '9'],
    fail: all('INVALID_WINDING_DIRECTION', '*2*', '*3*', '*4*', '*5*', '*6*', '*7*', '*8*', '**', '*/*', '*:*', '*01*'),
  },
  yesno: {
    pass: ['0', '1'],
    fail: all('NOT_ZERO_OR_ONE', '**', '*/*', '*2*', '*01*'),
  },
  zero: {
    pass: ['0', '00', '000'],
    fail: all('NOT_ZERO', '**', '*1*', '*01*', '*10*', '*001*', '*010*', '*011*', '*100*', '*101*', '*110*', '*X*', '*0X*', '*X0*'),
  },
  yymmd0: { pass: [...YYMMDD_COMMON.pass, '200600'], fail: YYMMDD_COMMON.fail },
  yymmdd: { pass: YYMMDD_COMMON.pass, fail: [...YYMMDD_COMMON.fail, ['2006*00*', 'ILLEGAL_DAY']] },
  yyyymmdd: {
    pass: [
      '20000606', '20250606', '20500606', '19750606', '19990606', '20200131', ...YYYYMMDD_MONTH_ENDS.map(([ok]) => ok),
      // From lint_yyyymmd0.c, on which the engine builds yyyymmdd: century years.
      '20750606', '19200131', '21000228', '22000228', '23000228', '24000229',
    ],
    fail: [
      ...all('NON_DIGIT_CHARACTER', '*x*0200131', '2*x*200131', '20*x*00131', '202*x*0131', '2020*x*131', '20200*x*31', '202001*x*1', '2020013*x*'),
      ...all('DATE_TOO_SHORT', '**', '*1*', '*11*', '*111*', '*1111*', '*11111*', '*111111*', '*1111111*'),
      ...all('DATE_TOO_LONG', '*111111111*'),
      ...all('ILLEGAL_MONTH', '2020*00*10', '2020*13*10', '2020*99*10'),
      ...all('ILLEGAL_DAY', ...YYYYMMDD_MONTH_ENDS.map(([, bad]) => bad), '202006*00*'),
      ...all('ILLEGAL_DAY', '210002*29*', '220002*29*', '230002*29*', '240002*30*'), // lint_yyyymmd0.c
    ],
  },
};

/**
 * Each engine test of a character set or of the importer index also tries every byte
 * 0x01–0xFF alone: these pass, the rest fail at that byte (cset64's "=" as padding).
 */
const EVERY_BYTE: Readonly<Record<string, { readonly passing: string; readonly error: EngineError }>> = {
  cset82: { passing: `!"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz`, error: 'INVALID_CSET82_CHARACTER' },
  cset39: { passing: '#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', error: 'INVALID_CSET39_CHARACTER' },
  cset64: { passing: '-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz', error: 'INVALID_CSET64_CHARACTER' },
  importeridx: { passing: '-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz', error: 'INVALID_IMPORT_IDX_CHARACTER' },
};

/**
 * The engine's own tables (the bitfields in lint_iso3166.c, lint_iso4217.c and
 * lint_iso3166alpha2.c; bit n, most significant first, is code n), against which its
 * tests try every code 000–999 and AA–ZZ. They check codeLists.ts, written from the
 * lists of codes in the same files.
 */
const ENGINE_ISO3166 = [
  0x08a888898888b888n, 0x8aa80a2888888888n, 0x0888888a22232889n, 0x88188a2221e322a2n,
  0x2a2a180088888888n, 0x888a888888888888n, 0x888288a2622a22a2n, 0x222222228808b888n,
  0x8888970808222222n, 0x2de102888888a222n, 0x320a1b222222a203n, 0xe20808c8088888a8n,
  0x8888889a89002021n, 0xe080222a00082102n, 0n, 0n,
];
const ENGINE_ISO4217 = [
  0x008800008808b808n, 0x8880082080880808n, 0x0880808800220008n, 0x8010820202822000n,
  0x0202000008000000n, 0x8888088888888080n, 0x088a88a262222002n, 0x022200008800a080n,
  0x88080c0008220200n, 0x2022028880000020n, 0x1202000000202002n, 0xa200008000088888n,
  0x0088880081002020n, 0x2080002800002200n, 0x0400000fe6adbfdfn, 0xfdfdfce225000000n,
];
const ENGINE_ISO3166_ALPHA2 = [
  0x1e9afb77f7bdbb7bn, 0xe4fc21a8012b0070n, 0x003a900df9dfa800n, 0xb160181ef00202c0n,
  0x00b8d42f8281f2bfn, 0x3fffeba4d2100080n, 0x023cf1ca80000002n, 0x008a8fbfe75cddf9n,
  0x59820820eaa10200n, 0x4002000000000800n, 0x1020020080000000n,
];
const inBitfield = (words: readonly bigint[], n: number) => (((words[n >> 6] ?? 0n) >> BigInt(63 - (n % 64))) & 1n) === 1n;
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The PASS cases of lint_packagetype.c: every code of GS1's PackageTypeCode list. */
const ENGINE_PACKAGE_TYPES = `
  1A 1B 1D 1F 1G 1W 200 201 202 203 204 205 206 210 211 212 2C 3A 3H 43 44 4A 4B 4C 4D 4F 4G 4H 5H 5L 5M 6H 6P 7A 7B
  8 8A 8B 8C 9 AA AB AC AD AF AG AH AI AJ AL AM AP APE AT AV B4 BB BC BD BE BF BG BGE BH BI BJ BK BL BM BME BN BO BP BQ
  BR BRI BS BT BU BV BW BX BY BZ CA CB CBL CC CCE CD CE CF CG CH CI CJ CK CL CM CN CO CP CQ CR CS CT CU CV CW CX CY CZ
  DA DB DC DG DH DI DJ DK DL DM DN DP DPE DR DS DT DU DV DW DX DY E1 E2 E3 EC ED EE EF EG EH EI EN FB FC FD FE FI FL FO
  FOB FP FPE FR FT FW FX GB GI GL GR GU GY GZ HA HB HC HG HN HR IA IB IC ID IE IF IG IH IK IL IN IZ JB JC JG JR JT JY
  KG KI LAB LE LG LT LU LV LZ MA MB MC ME MPE MR MS MT MW MX NA NE NF NG NS NT NU NV OA OB OC OD OE OF OK OPE OT OU P2
  PA PAE PB PC PD PE PF PG PH PI PJ PK PL PLP PN PO POP PP PPE PR PT PU PUE PV PX PY PZ QA QB QC QD QF QG QH QJ QK QL QM
  QN QP QQ QR QS RB1 RB2 RB3 RCB RD RG RJ RK RL RO RT RZ S1 SA SB SC SD SE SEC SH SI SK SL SM SO SP SS ST STL SU SV SW
  SX SY SZ T1 TB TC TD TE TEV TG THE TI TK TL TN TO TR TRE TS TT TTE TU TV TW TWE TY TZ UC UN UUE VA VG VI VK VL VN VO
  VP VQ VR VS VY WA WB WC WD WF WG WH WJ WK WL WM WN WP WQ WR WRP WS WT WU WV WW WX WY WZ X11 X12 X15 X16 X17 X18 X19
  X20 X3 XA XB XC XD XF XG XH XJ XK YA YB YC YD YF YG YH YJ YK YL YM YN YP YQ YR YS YT YV YW YX YY YZ ZA ZB ZC ZD ZF ZG
  ZH ZJ ZK ZL ZM ZN ZP ZQ ZR ZS ZT ZU ZV ZW ZX ZY ZZ`
  .trim()
  .split(/\s+/);

function expectFailure(name: string, data: string, kind: LintProblemKind, mark: string): void {
  const problem = lint(name, data);
  expect(problem, `${name} refuses ${JSON.stringify(data)}`).not.toBeNull();
  if (!problem) return;
  expect({ linter: problem.linter, kind: problem.kind, marked: marked(data, problem) }).toEqual({ linter: name, kind, marked: mark });
  expect(problem.position + problem.length).toBeLessThanOrEqual(data.length);
  expect(problem.message).toMatch(/^\S.*\.$/);
}

describe.each(Object.entries(ENGINE_TESTS))('%s, as the engine tests it', (name, { pass, fail }) => {
  test.each(pass.map((data) => [data]))('accepts %j', (data) => {
    expect(lint(name, data)).toBeNull();
  });
  test.each(fail)('refuses %j (%s)', (mark, error) => {
    expectFailure(name, unmarked(mark), ENGINE_KIND[error], mark);
  });
});

describe.each(Object.entries(EVERY_BYTE))('%s, byte by byte as the engine tests it', (name, { passing, error }) => {
  test.each(range(1, 255))('byte %i', (code) => {
    const data = String.fromCharCode(code);
    if (passing.includes(data)) expect(lint(name, data)).toBeNull();
    else expectFailure(name, data, ENGINE_KIND[name === 'cset64' && data === '=' ? 'INVALID_CSET64_PADDING' : error], `*${data}*`);
  });
});

describe('code lists, every code as the engine tests them', () => {
  const numeric = range(0, 999);
  test.each([
    ['iso3166', ENGINE_ISO3166, 'NOT_ISO3166'],
    ['iso4217', ENGINE_ISO4217, 'NOT_ISO4217'],
  ] as const)('%s: 000–999', (name, bitfield, error) => {
    for (const n of numeric) {
      const code = String(n).padStart(3, '0');
      if (inBitfield(bitfield, n)) expect(lint(name, code), code).toBeNull();
      else expectFailure(name, code, ENGINE_KIND[error], `*${code}*`);
    }
  });
  test('iso3166alpha2: AA–ZZ', () => {
    for (const n of range(0, 26 * 26 - 1)) {
      const code = `${LETTERS[Math.floor(n / 26)]}${LETTERS[n % 26]}`;
      if (inBitfield(ENGINE_ISO3166_ALPHA2, n)) expect(lint('iso3166alpha2', code), code).toBeNull();
      else expectFailure('iso3166alpha2', code, 'unknown-country', `*${code}*`);
    }
  });
  test.each(ENGINE_PACKAGE_TYPES.map((code) => [code]))('packagetype accepts %j', (code) => {
    expect(lint('packagetype', code)).toBeNull();
  });
});

// ---- Coupons: lint_couponcode.c and lint_couponposoffer.c ----

/** An engine coupon error without its "COUPON_" prefix, e.g. "TRUNCATED_GCP"; or NON_DIGIT_CHARACTER. */
type CouponCase = readonly [marked: string, error: string];
const coupon = (error: string, ...marks: string[]): CouponCase[] => marks.map((mark) => [mark, error]);
/** Our name of an engine coupon error: kebab case, and without the engine's typo "EXIPIRATION". */
const ourCouponError = (engine: string) => engine.replace('EXIPIRATION', 'EXPIRATION').toLowerCase().replaceAll('_', '-') as CouponError;

/** Field 3 (expiration) and field 4 (start) of lint_couponcode.c try the same dates. */
const COUPON_DATES_OK = [
  '200229', '000606', '250606', '500606', '750606', '990606', '200131', '200131', '200229', '000229', '040229', '960229',
  '200331', '200430', '200531', '200630', '200731', '200831', '200930', '201031', '201130', '201231',
];
const COUPON_DATES_BAD = [
  '200010', '201310', '209910', '200132', '200230', '200332', '200431', '200532', '200631', '200732', '200832', '200931',
  '201032', '201131', '201232', '210229', '200600',
];
const BASE = '012345612345611110123'; // the shortest valid (8110) of the engine's tests

const COUPON_CODE: { readonly pass: readonly string[]; readonly fail: readonly CouponCase[] } = {
  pass: [
    BASE,
    '012345612345611110123101101230123456', '0123456123456111101231011012311234567', '01234561234561111012310110123212345678',
    '012345612345611110123101101233123456789', '0123456123456111101231011012341234567890', '01234561234561111012310110123512345678901',
    '012345612345611110123101101236123456789012', '012345612345611110123101101239',
    '01234561234561111012321101230123456', '012345612345611110123211012311234567', '0123456123456111101232110123212345678',
    '01234561234561111012321101233123456789', '012345612345611110123211012341234567890', '0123456123456111101232110123512345678901',
    '01234561234561111012321101236123456789012', '01234561234561111012321101239',
    ...COUPON_DATES_OK.map((date) => `${BASE}3${date}`),
    ...COUPON_DATES_OK.map((date) => `${BASE}4${date}`),
    '01234561234561111012335006064500606',
    '01234561234561111012350123456', '012345612345611110123511234567', '0123456123456111101235212345678', '01234561234561111012353123456789',
    '012345612345611110123541234567890', '0123456123456111101235512345678901', '01234561234561111012356123456789012',
    '012345612345611110123571234567890123', '0123456123456111101235812345678901234', '01234561234561111012359123456789012345',
    '012345612345611110123611234567', '0123456123456111101236212345678', '01234561234561111012363123456789', '012345612345611110123641234567890',
    '0123456123456111101236512345678901', '01234561234561111012366123456789012', '012345612345611110123671234567890123',
    '01234561234561111012390000', '01234561234561111012390001',
    // North American Coupon Application Guideline Using GS1 DataBar Expanded Symbols R2.0
    '10614141011111275110111',
    '106141410222223100110222111101231023456721104561045678991201',
    '1061414165432131501101201211014092110256100126663101231',
    '106141410012342501106501013085093101231',
    '106141410012471011076011110850921108609310123191000',
    '106141411234562891101201212085010048000214025610048000310123191000',
    '1061414154321031501101201211014092110256100126663101231',
    '106141416543213500110000310123196000',
  ],
  fail: [
    ...coupon('NON_DIGIT_CHARACTER', '*a*12345612345611110123', '01234561234561111012*a*'),
    ['**', 'MISSING_GCP_VLI'],
    ...coupon('TRUNCATED_GCP', '0*1*', '0*12*', '0*123*', '0*1234*', '0*12345*'),
    ['*0123456*', 'TRUNCATED_OFFER_CODE'],
    ['1*123456*', 'TRUNCATED_GCP'], ['*11234567*', 'TRUNCATED_OFFER_CODE'],
    ['2*1234567*', 'TRUNCATED_GCP'], ['*212345678*', 'TRUNCATED_OFFER_CODE'],
    ['3*12345678*', 'TRUNCATED_GCP'], ['*3123456789*', 'TRUNCATED_OFFER_CODE'],
    ['4*123456789*', 'TRUNCATED_GCP'], ['*41234567890*', 'TRUNCATED_OFFER_CODE'],
    ['5*1234567890*', 'TRUNCATED_GCP'], ['*512345678901*', 'TRUNCATED_OFFER_CODE'],
    ['6*12345678901*', 'TRUNCATED_GCP'], ['*6123456789012*', 'TRUNCATED_OFFER_CODE'],
    ...coupon('INVALID_GCP_LENGTH', '*7*1234567890123', '*8*12345678901234', '*9*123456789012345'),
    ...coupon('TRUNCATED_OFFER_CODE', '0123456*1*', '0123456*12*', '0123456*123*', '0123456*1234*', '0123456*12345*'),
    ['*0123456123456*', 'MISSING_SAVE_VALUE_VLI'],
    ['0123456123456*0*', 'INVALID_SAVE_VALUE_LENGTH'],
    ['*01234561234561*', 'TRUNCATED_SAVE_VALUE'], ['*012345612345611*', 'MISSING_1ST_PURCHASE_REQUIREMENT_VLI'],
    ['01234561234562*1*', 'TRUNCATED_SAVE_VALUE'], ['*0123456123456212*', 'MISSING_1ST_PURCHASE_REQUIREMENT_VLI'],
    ['01234561234563*12*', 'TRUNCATED_SAVE_VALUE'], ['*01234561234563123*', 'MISSING_1ST_PURCHASE_REQUIREMENT_VLI'],
    ['01234561234564*123*', 'TRUNCATED_SAVE_VALUE'], ['*012345612345641234*', 'MISSING_1ST_PURCHASE_REQUIREMENT_VLI'],
    ['01234561234565*1234*', 'TRUNCATED_SAVE_VALUE'], ['*0123456123456512345*', 'MISSING_1ST_PURCHASE_REQUIREMENT_VLI'],
    ...coupon('INVALID_SAVE_VALUE_LENGTH', '0123456123456*6*123456', '0123456123456*7*1234567', '0123456123456*8*12345678', '0123456123456*9*123456789'),
    ['012345612345611*0*', 'INVALID_1ST_PURCHASE_REQUIREMENT_LENGTH'],
    ['*0123456123456111*', 'TRUNCATED_1ST_PURCHASE_REQUIREMENT'], ['*01234561234561111*', 'MISSING_1ST_PURCHASE_REQUIREMENT_CODE'],
    ['0123456123456112*1*', 'TRUNCATED_1ST_PURCHASE_REQUIREMENT'], ['*012345612345611212*', 'MISSING_1ST_PURCHASE_REQUIREMENT_CODE'],
    ['0123456123456113*12*', 'TRUNCATED_1ST_PURCHASE_REQUIREMENT'], ['*0123456123456113123*', 'MISSING_1ST_PURCHASE_REQUIREMENT_CODE'],
    ['0123456123456114*123*', 'TRUNCATED_1ST_PURCHASE_REQUIREMENT'], ['*01234561234561141234*', 'MISSING_1ST_PURCHASE_REQUIREMENT_CODE'],
    ['0123456123456115*1234*', 'TRUNCATED_1ST_PURCHASE_REQUIREMENT'], ['*012345612345611512345*', 'MISSING_1ST_PURCHASE_REQUIREMENT_CODE'],
    ...coupon('INVALID_1ST_PURCHASE_REQUIREMENT_LENGTH', '012345612345611*6*123456', '012345612345611*7*1234567', '012345612345611*8*12345678', '012345612345611*9*123456789'),
    ...coupon('TRUNCATED_1ST_PURCHASE_FAMILY_CODE', '*012345612345611110*', '*012345612345611111*', '*012345612345611112*', '*012345612345611113*', '*012345612345611114*'),
    ...coupon('INVALID_1ST_PURCHASE_REQUIREMENT_CODE', '01234561234561111*5*', '01234561234561111*6*', '01234561234561111*7*', '01234561234561111*8*'),
    ...coupon('TRUNCATED_1ST_PURCHASE_FAMILY_CODE', '*012345612345611119*', '012345612345611110*1*', '012345612345611110*12*'),
    ...coupon('EXCESS_DATA', `${BASE}*0*`, `${BASE}*7*`, `${BASE}*8*`),

    // Optional field 1: additional rules and second purchase
    ['*0123456123456111101231*', 'MISSING_ADDITIONAL_PURCHASE_RULES_CODE'],
    ...coupon('MISSING_2ND_PURCHASE_REQUIREMENT_VLI', '*01234561234561111012310*', '*01234561234561111012311*', '*01234561234561111012312*', '*01234561234561111012313*'),
    ...coupon('INVALID_ADDITIONAL_PURCHASE_RULES_CODE', ...range(4, 9).map((d) => `0123456123456111101231*${d}*`)),
    ['01234561234561111012310*0*', 'INVALID_2ND_PURCHASE_REQUIREMENT_LENGTH'],
    ['*012345612345611110123101*', 'TRUNCATED_2ND_PURCHASE_REQUIREMENT'], ['*0123456123456111101231011*', 'MISSING_2ND_PURCHASE_REQUIREMENT_CODE'],
    ['012345612345611110123102*1*', 'TRUNCATED_2ND_PURCHASE_REQUIREMENT'], ['*01234561234561111012310212*', 'MISSING_2ND_PURCHASE_REQUIREMENT_CODE'],
    ['012345612345611110123103*12*', 'TRUNCATED_2ND_PURCHASE_REQUIREMENT'], ['*012345612345611110123103123*', 'MISSING_2ND_PURCHASE_REQUIREMENT_CODE'],
    ['012345612345611110123104*123*', 'TRUNCATED_2ND_PURCHASE_REQUIREMENT'], ['*0123456123456111101231041234*', 'MISSING_2ND_PURCHASE_REQUIREMENT_CODE'],
    ['012345612345611110123105*1234*', 'TRUNCATED_2ND_PURCHASE_REQUIREMENT'], ['*01234561234561111012310512345*', 'MISSING_2ND_PURCHASE_REQUIREMENT_CODE'],
    ...coupon('INVALID_2ND_PURCHASE_REQUIREMENT_LENGTH', '01234561234561111012310*6*123456', '01234561234561111012310*7*1234567', '01234561234561111012310*8*12345678', '01234561234561111012310*9*123456789'),
    ...coupon('TRUNCATED_2ND_PURCHASE_FAMILY_CODE', ...range(0, 4).map((d) => `*0123456123456111101231011${d}*`)),
    ...coupon('INVALID_2ND_PURCHASE_REQUIREMENT_CODE', ...range(5, 8).map((d) => `0123456123456111101231011*${d}*`)),
    ...coupon('TRUNCATED_2ND_PURCHASE_FAMILY_CODE', '*01234561234561111012310119*', '01234561234561111012310110*1*', '01234561234561111012310110*12*'),
    ['*01234561234561111012310110123*', 'MISSING_2ND_PURCHASE_GCP_VLI'],
    ...coupon('TRUNCATED_2ND_PURCHASE_GCP',
      '*012345612345611110123101101230*', '012345612345611110123101101230*1*', '012345612345611110123101101230*12*',
      '012345612345611110123101101230*123*', '012345612345611110123101101230*1234*', '012345612345611110123101101230*12345*',
      '012345612345611110123101101231*123456*', '012345612345611110123101101232*1234567*', '012345612345611110123101101233*12345678*',
      '012345612345611110123101101234*123456789*', '012345612345611110123101101235*1234567890*', '012345612345611110123101101236*12345678901*'),
    ...coupon('INVALID_2ND_PURCHASE_GCP_LENGTH', '01234561234561111012310110123*7*1234567890123', '01234561234561111012310110123*8*12345678901234'),
    ...coupon('EXCESS_DATA', '012345612345611110123101101239*1*', '012345612345611110123101101230123456*0*'),

    // Optional field 2: third purchase
    ['*0123456123456111101232*', 'MISSING_3RD_PURCHASE_REQUIREMENT_VLI'],
    ['0123456123456111101232*0*', 'INVALID_3RD_PURCHASE_REQUIREMENT_LENGTH'],
    ['*01234561234561111012321*', 'TRUNCATED_3RD_PURCHASE_REQUIREMENT'], ['*012345612345611110123211*', 'MISSING_3RD_PURCHASE_REQUIREMENT_CODE'],
    ['01234561234561111012322*1*', 'TRUNCATED_3RD_PURCHASE_REQUIREMENT'], ['*0123456123456111101232212*', 'MISSING_3RD_PURCHASE_REQUIREMENT_CODE'],
    ['01234561234561111012323*12*', 'TRUNCATED_3RD_PURCHASE_REQUIREMENT'], ['*01234561234561111012323123*', 'MISSING_3RD_PURCHASE_REQUIREMENT_CODE'],
    ['01234561234561111012324*123*', 'TRUNCATED_3RD_PURCHASE_REQUIREMENT'], ['*012345612345611110123241234*', 'MISSING_3RD_PURCHASE_REQUIREMENT_CODE'],
    ['01234561234561111012325*1234*', 'TRUNCATED_3RD_PURCHASE_REQUIREMENT'], ['*0123456123456111101232512345*', 'MISSING_3RD_PURCHASE_REQUIREMENT_CODE'],
    ...coupon('INVALID_3RD_PURCHASE_REQUIREMENT_LENGTH', '0123456123456111101232*6*123456', '0123456123456111101232*7*1234567', '0123456123456111101232*8*12345678', '0123456123456111101232*9*123456789'),
    ...coupon('TRUNCATED_3RD_PURCHASE_FAMILY_CODE', ...range(0, 4).map((d) => `*012345612345611110123211${d}*`)),
    ...coupon('INVALID_3RD_PURCHASE_REQUIREMENT_CODE', ...range(5, 8).map((d) => `012345612345611110123211*${d}*`)),
    ...coupon('TRUNCATED_3RD_PURCHASE_FAMILY_CODE', '*0123456123456111101232119*', '0123456123456111101232110*1*', '0123456123456111101232110*12*'),
    ['*0123456123456111101232110123*', 'MISSING_3RD_PURCHASE_GCP_VLI'],
    ...coupon('TRUNCATED_3RD_PURCHASE_GCP',
      '*01234561234561111012321101230*', '01234561234561111012321101230*1*', '01234561234561111012321101230*12*',
      '01234561234561111012321101230*123*', '01234561234561111012321101230*1234*', '01234561234561111012321101230*12345*',
      '01234561234561111012321101231*123456*', '01234561234561111012321101232*1234567*', '01234561234561111012321101233*12345678*',
      '01234561234561111012321101234*123456789*', '01234561234561111012321101235*1234567890*', '01234561234561111012321101236*12345678901*'),
    ...coupon('INVALID_3RD_PURCHASE_GCP_LENGTH', '0123456123456111101232110123*7*1234567890123', '0123456123456111101232110123*8*12345678901234'),
    ...coupon('EXCESS_DATA', '01234561234561111012321101239*1*', '01234561234561111012321101230123456*0*'),

    // Optional field 3: expiration date
    ...coupon('TOO_SHORT_FOR_EXPIRATION_DATE', `*${BASE}3*`, `${BASE}3*1*`, `${BASE}3*12*`, `${BASE}3*123*`, `${BASE}3*1234*`, `${BASE}3*12345*`),
    ...coupon('INVALID_EXIPIRATION_DATE', ...COUPON_DATES_BAD.map((date) => `${BASE}3*${date}*`)),
    [`${BASE}3200229*0*`, 'EXCESS_DATA'],

    // Optional field 4: start date
    ...coupon('TOO_SHORT_FOR_START_DATE', `*${BASE}4*`, `${BASE}4*1*`, `${BASE}4*12*`, `${BASE}4*123*`, `${BASE}4*1234*`, `${BASE}4*12345*`),
    ...coupon('INVALID_START_DATE', ...COUPON_DATES_BAD.map((date) => `${BASE}4*${date}*`)),
    [`${BASE}*35006064500607*`, 'EXPIRATION_BEFORE_START'],
    [`${BASE}4200229*0*`, 'EXCESS_DATA'],

    // Optional field 5: serial number
    ['*0123456123456111101235*', 'MISSING_SERIAL_NUMBER_VLI'],
    ...coupon('TRUNCATED_SERIAL_NUMBER',
      '*01234561234561111012350*', '01234561234561111012350*1*', '01234561234561111012350*12*', '01234561234561111012350*123*',
      '01234561234561111012350*1234*', '01234561234561111012350*12345*', '01234561234561111012351*123456*',
      '01234561234561111012352*1234567*', '01234561234561111012353*12345678*', '01234561234561111012354*123456789*',
      '01234561234561111012355*1234567890*', '01234561234561111012356*12345678901*', '01234561234561111012357*123456789012*',
      '01234561234561111012358*1234567890123*', '01234561234561111012359*12345678901234*'),
    ['01234561234561111012350123456*0*', 'EXCESS_DATA'],

    // Optional field 6: retailer company prefix or GLN
    ['*0123456123456111101236*', 'MISSING_RETAILER_GCP_OR_GLN_VLI'],
    ['0123456123456111101236*0*', 'INVALID_RETAILER_GCP_OR_GLN_LENGTH'],
    ...coupon('TRUNCATED_RETAILER_GCP_OR_GLN',
      '*01234561234561111012361*', '01234561234561111012361*1*', '01234561234561111012361*12*', '01234561234561111012361*123*',
      '01234561234561111012361*1234*', '01234561234561111012361*12345*', '01234561234561111012361*123456*',
      '01234561234561111012362*1234567*', '01234561234561111012363*12345678*', '01234561234561111012364*123456789*',
      '01234561234561111012365*1234567890*', '01234561234561111012366*12345678901*', '01234561234561111012367*123456789012*'),
    ...coupon('INVALID_RETAILER_GCP_OR_GLN_LENGTH', '0123456123456111101236*8*12345678901234', '0123456123456111101236*9*123456789012345'),
    ['012345612345611110123611234567*0*', 'EXCESS_DATA'],

    // Optional field 9: miscellaneous
    ['*0123456123456111101239*', 'MISSING_SAVE_VALUE_CODE'],
    ...coupon('MISSING_SAVE_VALUE_APPLIES_TO_ITEM', ...[0, 1, 2, 5, 6].map((d) => `*0123456123456111101239${d}*`)),
    ...coupon('INVALID_SAVE_VALUE_CODE', ...[3, 4, 7, 8, 9].map((d) => `0123456123456111101239*${d}*`)),
    ...coupon('MISSING_STORE_COUPON_FLAG', ...range(0, 2).map((d) => `*01234561234561111012390${d}*`)),
    ...coupon('INVALID_SAVE_VALUE_APPLIES_TO_ITEM', ...range(3, 9).map((d) => `01234561234561111012390*${d}*`)),
    ...coupon('MISSING_DONT_MULTIPLY_FLAG', ...range(0, 9).map((d) => `*012345612345611110123900${d}*`)),
    ...coupon('INVALID_DONT_MULTIPLY_FLAG', ...range(2, 9).map((d) => `0123456123456111101239000*${d}*`)),
    ['01234561234561111012390000*0*', 'EXCESS_DATA'],
  ],
};

const COUPON_POS_OFFER: typeof COUPON_CODE = {
  pass: [
    '001234561234560123456', '101234561234560123456', '0012345612345611234567', '00123456123456212345678', '001234561234563123456789',
    '0012345612345641234567890', '00123456123456512345678901', '001234561234566123456789012', '0012345612345671234567890123',
    '00123456123456812345678901234', '001234561234569123456789012345', '061234567890121234569123456789012345',
  ],
  fail: [
    ...coupon('NON_DIGIT_CHARACTER', '*a*01234561234560123456', '00123456123456012345*a*'),
    ['**', 'MISSING_FORMAT_CODE'],
    ...coupon('INVALID_FORMAT_CODE', ...range(2, 9).map((d) => `*${d}*01234561234560123456`)),
    ['*0*', 'MISSING_FUNDER_VLI'],
    ...coupon('TRUNCATED_FUNDER', '*00*', '00*1*', '00*12*', '00*123*', '00*1234*', '00*12345*'),
    ['*00123456*', 'TRUNCATED_OFFER_CODE'],
    ['01*123456*', 'TRUNCATED_FUNDER'], ['*011234567*', 'TRUNCATED_OFFER_CODE'],
    ['02*1234567*', 'TRUNCATED_FUNDER'], ['*0212345678*', 'TRUNCATED_OFFER_CODE'],
    ['03*12345678*', 'TRUNCATED_FUNDER'], ['*03123456789*', 'TRUNCATED_OFFER_CODE'],
    ['04*123456789*', 'TRUNCATED_FUNDER'], ['*041234567890*', 'TRUNCATED_OFFER_CODE'],
    ['05*1234567890*', 'TRUNCATED_FUNDER'], ['*0512345678901*', 'TRUNCATED_OFFER_CODE'],
    ['06*12345678901*', 'TRUNCATED_FUNDER'], ['*06123456789012*', 'TRUNCATED_OFFER_CODE'],
    ...coupon('INVALID_FUNDER_LENGTH', '0*7*', '0*8*', '0*9*'),
    ...coupon('TRUNCATED_OFFER_CODE', '00123456*1*', '00123456*12*', '00123456*123*', '00123456*1234*', '00123456*12345*'),
    ['*00123456123456*', 'MISSING_SERIAL_NUMBER_VLI'],
    ...coupon('TRUNCATED_SERIAL_NUMBER',
      '*001234561234560*', '001234561234560*1*', '001234561234560*12*', '001234561234560*123*', '001234561234560*1234*',
      '001234561234560*12345*', '001234561234561*123456*', '001234561234562*1234567*', '001234561234563*12345678*',
      '001234561234564*123456789*', '001234561234565*1234567890*', '001234561234566*12345678901*', '001234561234567*123456789012*',
      '001234561234568*1234567890123*', '001234561234569*12345678901234*', '061234567890121234569*12345678901234*'),
    ...coupon('EXCESS_DATA', '001234561234560123456*7*', '061234567890121234569123456789012345*6*'),
  ],
};

const isYymmdd = (text: string) => lint('yymmdd', text) === null;

describe.each([
  ['couponcode', COUPON_CODE, (data: string) => checkCouponCode(data, isYymmdd)],
  ['couponposoffer', COUPON_POS_OFFER, checkCouponPosOffer],
] as const)('%s, as the engine tests it', (name, { pass, fail }, check) => {
  test.each(pass.map((data) => [data]))('accepts %j', (data) => {
    expect(lint(name, data)).toBeNull();
  });
  test.each(fail)('refuses %j (%s)', (mark, error) => {
    const data = unmarked(mark);
    if (error === 'NON_DIGIT_CHARACTER') return expectFailure(name, data, 'not-digits', mark);
    expectFailure(name, data, 'bad-coupon', mark);
    expect(check(data)?.error).toBe(ourCouponError(error));
  });
});

describe('the table of linters', () => {
  const dictionary = join(import.meta.dirname, '../../../../../shared/data/gs1/gs1-syntax-dictionary.txt');

  test.runIf(existsSync(dictionary))('has every linter the Syntax Dictionary names, and only the character sets besides', () => {
    const specs = readFileSync(dictionary, 'utf8').matchAll(/(?<=\s|\[)[NXYZ](?:\.\.)?\d+\]?((?:,[a-z0-9]+)+)/g);
    const named = new Set([...specs].flatMap((spec) => (spec[1] ?? '').split(',').filter(Boolean)));
    expect(named.size).toBe(34);
    expect(new Set(Object.keys(LINTERS))).toEqual(new Set([...named, 'csetnumeric', 'cset82', 'cset39', 'cset64']));
  });

  test('an unknown linter name throws, naming it', () => {
    expect(() => lint('notalinter', '1')).toThrow(/"notalinter"/);
    expect(() => lint('toString', '1')).toThrow(/"toString"/);
  });

  test('messages say what is wrong, with its facts', () => {
    expect(lint('csum', '12345673')?.message).toBe('The check digit is 3; it should be 0.');
    expect(lint('yymmdd', '211301')?.message).toBe('Month 13 does not exist.');
    expect(lint('yymmdd', '210229')?.message).toBe('February 2021 has 28 days; there is no day 29.');
    expect(lint('cset82', 'AB C')?.message).toMatch(/^Character 3 \(space\) is not allowed here/);
    expect(lint('couponcode', '01234561234561111012390002')?.message).toBe('The coupon\'s "don\'t multiply" flag is 2; it must be 0 or 1.');
    expect(lint('couponcode', '0123456123456111101239')?.message).toBe('The coupon ends where its save value code should be.');
  });
});
