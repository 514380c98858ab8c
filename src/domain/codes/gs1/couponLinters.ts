/**
 * North American coupon codes, AI (8110) and AI (8112), checked as GS1's Barcode Syntax
 * Engine checks them (lint_couponcode.c, lint_couponposoffer.c). A coupon is a run of
 * digits read field by field: fixed-length fields, length-prefixed fields (a "VLI" digit
 * says how long the value after it is) and, for (8110), optional fields, each led by
 * its number (1, 2, 3, 4, 5, 6, 9) and only in that order.
 *
 * Invariants (the engine's, kept so that positions agree with it):
 * - the data is digits only: linters.ts checks that first, as the engine does;
 * - the first problem wins, in reading order;
 * - data that ends where a digit should be: the whole data is marked;
 * - a field cut short: the digits it has are marked, or the whole data when it has none;
 * - a digit out of range: that digit is marked;
 * - digits left after the last field read are "excess data".
 * The engine also runs its `gcppos1` check on each company prefix read here; a run of at
 * least six digits always passes it, so it is not repeated.
 */

type LengthField =
  | 'funder'
  | 'gcp'
  | 'save-value'
  | `${'1st' | '2nd' | '3rd'}-purchase-requirement`
  | `${'2nd' | '3rd'}-purchase-gcp`
  | 'serial-number'
  | 'retailer-gcp-or-gln';
type DigitField =
  | 'format-code'
  | `${'1st' | '2nd' | '3rd'}-purchase-requirement-code`
  | 'additional-purchase-rules-code'
  | 'save-value-code'
  | 'save-value-applies-to-item'
  | 'store-coupon-flag'
  | 'dont-multiply-flag';
type FixedField = 'offer-code' | `${'1st' | '2nd' | '3rd'}-purchase-family-code`;
type DateField = 'expiration-date' | 'start-date';

/** The engine's coupon errors, named as it names them (GS1_LINTER_COUPON_…), in kebab case. */
export type CouponError =
  | `missing-${LengthField}-vli`
  | `invalid-${LengthField}-length`
  | `truncated-${LengthField | FixedField}`
  | `missing-${DigitField}`
  | `invalid-${DigitField}`
  | `too-short-for-${DateField}`
  | `invalid-${DateField}`
  | 'expiration-before-start'
  | 'excess-data';

export interface CouponProblem {
  readonly error: CouponError;
  /** English, e.g. "The coupon's save value code is 3; it must be 0 to 2, 5 or 6." */
  readonly message: string;
  readonly position: number;
  readonly length: number;
}

/** True when six digits are a date as the `yymmdd` linter accepts it (passed in from linters.ts, home of the date rules). */
export type YymmddCheck = (yymmdd: string) => boolean;

const LABELS: Readonly<Record<LengthField | DigitField | FixedField | DateField, string>> = {
  funder: 'funder ID',
  gcp: 'GS1 Company Prefix',
  'save-value': 'save value',
  '1st-purchase-requirement': 'first purchase requirement',
  '2nd-purchase-requirement': 'second purchase requirement',
  '3rd-purchase-requirement': 'third purchase requirement',
  '2nd-purchase-gcp': 'second purchase GS1 Company Prefix',
  '3rd-purchase-gcp': 'third purchase GS1 Company Prefix',
  'serial-number': 'serial number',
  'retailer-gcp-or-gln': 'retailer GS1 Company Prefix or GLN',
  'format-code': 'format code',
  '1st-purchase-requirement-code': 'first purchase requirement code',
  '2nd-purchase-requirement-code': 'second purchase requirement code',
  '3rd-purchase-requirement-code': 'third purchase requirement code',
  'additional-purchase-rules-code': 'additional purchase rules code',
  'save-value-code': 'save value code',
  'save-value-applies-to-item': '"save value applies to item" digit',
  'store-coupon-flag': 'store coupon flag',
  'dont-multiply-flag': '"don\'t multiply" flag',
  'offer-code': 'offer code',
  '1st-purchase-family-code': 'first purchase family code',
  '2nd-purchase-family-code': 'second purchase family code',
  '3rd-purchase-family-code': 'third purchase family code',
  'expiration-date': 'expiration date',
  'start-date': 'start date',
};

const ANY_DIGIT = '0123456789';

/** "0123456" → "0 to 6", "012349" → "0 to 4 or 9", "01256" → "0 to 2, 5 or 6". */
function describeDigits(allowed: string): string {
  const runs: string[] = [];
  for (let i = 0; i < allowed.length; ) {
    let j = i;
    while (j + 1 < allowed.length && Number(allowed[j + 1]) === Number(allowed[j]) + 1) j++;
    if (j - i >= 2) runs.push(`${allowed[i]} to ${allowed[j]}`);
    else runs.push(...allowed.slice(i, j + 1));
    i = j + 1;
  }
  return runs.length === 1 ? (runs[0] ?? '') : `${runs.slice(0, -1).join(', ')} or ${runs.at(-1)}`;
}

/** Thrown by the reader at the first problem; caught in readCoupon only. */
class CouponStop {
  constructor(readonly problem: CouponProblem) {}
}

/** Reads a coupon's fields from left to right, stopping at the first problem. */
class CouponReader {
  private at = 0;

  constructor(private readonly data: string) {}

  get position(): number {
    return this.at;
  }

  fail(error: CouponError, message: string, position: number, length: number): never {
    throw new CouponStop({ error, message, position, length });
  }

  /** True (and past it) when the optional field numbered `marker` comes next. */
  opens(marker: string): boolean {
    if (this.data[this.at] !== marker) return false;
    this.at++;
    return true;
  }

  /** One digit, which must be one of `allowed`. */
  digit(field: DigitField, allowed: string): number {
    return this.nextDigit(`missing-${field}`, `invalid-${field}`, allowed, `its ${LABELS[field]}`, `The coupon's ${LABELS[field]}`);
  }

  /** A length digit, then the value of `lengthOf(digit)` digits. */
  lengthPrefixed(field: LengthField, allowed: string, lengthOf: (digit: number) => number): string {
    const label = LABELS[field];
    const digit = this.nextDigit(`missing-${field}-vli`, `invalid-${field}-length`, allowed, `the length digit of its ${label}`, `The length digit of the coupon's ${label}`);
    return this.take(`truncated-${field}`, LABELS[field], lengthOf(digit));
  }

  fixed(field: FixedField, length: number): string {
    return this.take(`truncated-${field}`, LABELS[field], length);
  }

  /** A YYMMDD date. */
  date(field: DateField, isDate: YymmddCheck): string {
    const at = this.at;
    const date = this.take(`too-short-for-${field}`, LABELS[field], 6);
    if (!isDate(date)) this.fail(`invalid-${field}`, `The coupon's ${LABELS[field]} ${date} is not a real date (YYMMDD).`, at, 6);
    return date;
  }

  /** Fails when digits are left over. */
  end(): void {
    const left = this.data.length - this.at;
    if (left > 0) this.fail('excess-data', `The coupon has ${left} digit${left === 1 ? '' : 's'} after its last field.`, this.at, left);
  }

  /** `where`: "its save value code"; `subject`: "The coupon's save value code". */
  private nextDigit(missing: CouponError, invalid: CouponError, allowed: string, where: string, subject: string): number {
    const digit = this.data[this.at];
    if (digit === undefined) this.fail(missing, `The coupon ends where ${where} should be.`, 0, this.data.length);
    if (!allowed.includes(digit)) this.fail(invalid, `${subject} is ${digit}; it must be ${describeDigits(allowed)}.`, this.at, 1);
    this.at++;
    return Number(digit);
  }

  private take(error: CouponError, label: string, length: number): string {
    const left = this.data.length - this.at;
    if (left < length) {
      if (left === 0) this.fail(error, `The coupon ends where its ${label} (${length} digits) should be.`, 0, this.data.length);
      this.fail(error, `The coupon's ${label} should have ${length} digits; only ${left} are left.`, this.at, left);
    }
    this.at += length;
    return this.data.slice(this.at - length, this.at);
  }
}

function readCoupon(data: string, read: (coupon: CouponReader) => void): CouponProblem | null {
  const coupon = new CouponReader(data);
  try {
    read(coupon);
    coupon.end();
    return null;
  } catch (stop) {
    if (stop instanceof CouponStop) return stop.problem;
    throw stop;
  }
}

const plusSix = (digit: number) => digit + 6;
const asIs = (digit: number) => digit;
/** A second or third purchase company prefix: VLI 9 means there is none. */
const optionalPrefix = (digit: number) => (digit === 9 ? 0 : digit + 6);

/** AI (8110): the North American Coupon Code, digits only. */
export function checkCouponCode(data: string, isDate: YymmddCheck): CouponProblem | null {
  return readCoupon(data, (coupon) => {
    coupon.lengthPrefixed('gcp', '0123456', plusSix);
    coupon.fixed('offer-code', 6);
    coupon.lengthPrefixed('save-value', '12345', asIs);
    coupon.lengthPrefixed('1st-purchase-requirement', '12345', asIs);
    coupon.digit('1st-purchase-requirement-code', '012349');
    coupon.fixed('1st-purchase-family-code', 3);
    if (coupon.opens('1')) {
      coupon.digit('additional-purchase-rules-code', '0123');
      coupon.lengthPrefixed('2nd-purchase-requirement', '12345', asIs);
      coupon.digit('2nd-purchase-requirement-code', '012349');
      coupon.fixed('2nd-purchase-family-code', 3);
      coupon.lengthPrefixed('2nd-purchase-gcp', '01234569', optionalPrefix);
    }
    if (coupon.opens('2')) {
      coupon.lengthPrefixed('3rd-purchase-requirement', '12345', asIs);
      coupon.digit('3rd-purchase-requirement-code', '012349');
      coupon.fixed('3rd-purchase-family-code', 3);
      coupon.lengthPrefixed('3rd-purchase-gcp', '01234569', optionalPrefix);
    }
    const expires = coupon.opens('3') ? coupon.date('expiration-date', isDate) : null;
    if (coupon.opens('4')) {
      const startAt = coupon.position;
      const starts = coupon.date('start-date', isDate);
      // The engine compares YYMMDD as text, and marks both fields with their numbers "3…4…".
      if (expires !== null && starts > expires) {
        coupon.fail('expiration-before-start', `The coupon expires (${expires}) before it starts (${starts}).`, startAt - 8, 14);
      }
    }
    if (coupon.opens('5')) coupon.lengthPrefixed('serial-number', ANY_DIGIT, plusSix);
    if (coupon.opens('6')) coupon.lengthPrefixed('retailer-gcp-or-gln', '1234567', plusSix);
    if (coupon.opens('9')) {
      coupon.digit('save-value-code', '01256');
      coupon.digit('save-value-applies-to-item', '012');
      coupon.digit('store-coupon-flag', ANY_DIGIT);
      coupon.digit('dont-multiply-flag', '01');
    }
  });
}

/** AI (8112): the positive offer file coupon code, digits only. */
export function checkCouponPosOffer(data: string): CouponProblem | null {
  return readCoupon(data, (coupon) => {
    coupon.digit('format-code', '01');
    coupon.lengthPrefixed('funder', '0123456', plusSix);
    coupon.fixed('offer-code', 6);
    coupon.lengthPrefixed('serial-number', ANY_DIGIT, plusSix);
  });
}
