/**
 * Text on the wire: bounded, and free of control characters (NUL above all), which no
 * bin code, lot, name or note holds, and which PostgreSQL cannot store in text or read
 * out of JSON. Refused at the door with a reason, never passed on to the database.
 */
import { z } from 'zod';

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Each control character in a text, for replacing them. */
export const CONTROL_CHARACTERS = new RegExp(CONTROL.source, 'g');

/** Text of at most `max` characters with no control characters. */
export const plainText = (max: number) => z.string().max(max).refine((text) => !CONTROL.test(text), { message: 'must not contain control characters' });

/** Whether a text holds a control character (for values read before the schema's check). */
export const hasControlCharacter = (text: string): boolean => CONTROL.test(text);
