/**
 * zod/mini loads no locale: without src/protocol/zod.ts every refusal below would read
 * "Invalid input". People read these messages (the device's bad-response and
 * bad-operation reasons, the server's 400s), so they must stay the words classic zod
 * wrote. This file imports no classic zod, as the app's bundle does not.
 */
import { describe, expect, it } from 'vitest';
import { signInRequestSchema } from './auth';
import { floorOperationSchema } from './operations';
import { pushRequestSchema } from './syncMessages';

const reasons = (result: { error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);

describe('the wire schemas’ messages, with zod/mini alone', () => {
  it('are English for the checks zod words itself, and ours where we wrote them', () => {
    expect(reasons(signInRequestSchema.safeParse({ username: 'a'.repeat(65), pin: '12', deviceId: 'not-a-uuid', appVersion: 5 }))).toEqual([
      'username: Too big: expected string to have <=64 characters',
      'pin: A PIN is 4 to 8 digits.',
      'deviceId: The device id must be a UUID made by the device.',
      'appVersion: Invalid input: expected string, received number',
    ]);
  });

  it('name what is wrong in a floor operation the device would refuse to record', () => {
    const pick = { type: 'pick', binCode: '', productId: 'p-1', lot: '', expiry: null, taskId: 't-1', lineNo: 1.5, qty: 0, proposedLot: null };
    expect(reasons(floorOperationSchema.safeParse(pick))).toEqual([
      'binCode: Too small: expected string to have >=1 characters',
      'lineNo: Invalid input: expected int, received number',
      'qty: Too small: expected number to be >0',
    ]);
    expect(reasons(floorOperationSchema.safeParse({ type: 'teleport' }))).toEqual([
      "type: Invalid discriminator value. Expected 'putaway' | 'pick' | 'pick-short' | 'count' | 'task-taken' | 'task-finished' | 'undo' | 'rejection-settled'",
    ]);
  });

  it('keep the wire’s own words for times and control characters', () => {
    const push = { warehouseId: 'wh-main', sentAt: 'yesterday', operations: [] };
    expect(reasons(pushRequestSchema.safeParse(push))).toEqual([
      'sentAt: Invalid ISO datetime',
      'sentAt: must be a time from year 1 to 9999, with a time zone offset under 16 hours',
      'operations: Too small: expected array to have >=1 items',
    ]);
    expect(reasons(signInRequestSchema.safeParse({ username: 'ana', pin: '2468', deviceId: '00000000-0000-4000-8000-000000000000', appVersion: 'v\u0000' }))).toEqual([
      'appVersion: must not contain control characters',
    ]);
  });
});
