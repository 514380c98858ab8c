/**
 * Text on the wire: bounded, and free of control characters (NUL above all), which no
 * bin code, lot, name or note holds, and which PostgreSQL cannot store in text or read
 * out of JSON. Refused at the door with a reason, never passed on to the database.
 */
import { z } from './zod';

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Each control character in a text, for replacing them. */
export const CONTROL_CHARACTERS = new RegExp(CONTROL.source, 'g');

/** Text of at most `max` characters with no control characters. */
export const plainText = (max: number) => z.string().check(z.maxLength(max), z.refine((text) => !CONTROL.test(text), { message: 'must not contain control characters' }));

/** Whether a text holds a control character (for values read before the schema's check). */
export const hasControlCharacter = (text: string): boolean => CONTROL.test(text);

const OFFSET = /(?:Z|([+-])(\d{2}):(\d{2}))$/i;

/** Whether PostgreSQL can hold this ISO time: its instant in years 1 to 9999, its offset under 16 hours. */
export function holdableTime(text: string): boolean {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return false;
  const year = new Date(ms).getUTCFullYear();
  const offset = OFFSET.exec(text);
  return year >= 1 && year <= 9999 && (offset?.[2] === undefined || Number(offset[2]) < 16);
}

/** An ISO time with an offset, one the database can hold (years 1 to 9999, offset under 16 hours). */
export const wireTime = z.iso.datetime({ offset: true }).check(z.refine(holdableTime, { message: 'must be a time from year 1 to 9999, with a time zone offset under 16 hours' }));
