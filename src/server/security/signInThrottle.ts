/**
 * After a few wrong PINs a user name is locked for a while, longer after each
 * further failure. The pure rule lives here; the count lives in the database.
 */
export const FREE_ATTEMPTS = 5;
const FIRST_LOCK_SECONDS = 30;
const LONGEST_LOCK_SECONDS = 15 * 60;

/** Seconds to lock after this many consecutive failures (0: not locked). */
export function lockSecondsAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(LONGEST_LOCK_SECONDS, FIRST_LOCK_SECONDS * 2 ** (failures - FREE_ATTEMPTS));
}
