/**
 * What every route declares besides its own schemas: who may call it, the answers
 * that are problems, how large its body may be, and the path parameters many share.
 */
import { z } from 'zod';
import { apiErrorSchema } from '../../../protocol/errors';

export type Access = 'anyone' | 'device' | 'supervisor';

/** An error answer, described with what it means on its route. */
export const refusal = (description: string) => apiErrorSchema.check(z.describe(description));

/** The answers a route gives when it refuses: 400 always, 401 behind a session, 403 for supervisors' routes. */
export function problems(access: Access) {
  return {
    400: refusal('The request is not valid: the message names each field that is wrong.'),
    ...(access === 'anyone' ? {} : { 401: refusal('No session, an ended or expired one, or one of another device: sign in again.') }),
    ...(access === 'supervisor' ? { 403: refusal('Not a supervisor, or not of this warehouse.') } : {}),
    default: refusal('Another refusal, or a failure: a reason code and a message a person can act on.'),
  };
}

/** The tag, security and access mark of a route in the document. */
export function access(who: Access) {
  return {
    tags: [who === 'supervisor' ? 'console' : 'device'],
    ...(who === 'anyone' ? { security: [] } : {}),
    'x-access': who,
  };
}

/** An answer with no body. */
export const done = z.undefined().describe('Done; no body.');

export const warehouseIdSchema = z.string().min(1).max(64).describe('The warehouse, e.g. wh-main.');
export const warehouseParams = z.object({ warehouseId: warehouseIdSchema });

/** A row number the server gave (a flag, a deviation, a conflict). */
export const rowNumber = (what: string) => z.string().regex(/^\d{1,18}$/, `a ${what} number`).describe(`The ${what} number.`);

/** How large a request body each kind of route takes: set from BODY_LIMIT_BYTES, and for CSV imports from IMPORT_BODY_LIMIT_BYTES. */
export interface BodyLimits {
  /** Every route but the CSV imports. */
  readonly request: number;
  /** The CSV imports of master data and tasks. */
  readonly csvImport: number;
}
