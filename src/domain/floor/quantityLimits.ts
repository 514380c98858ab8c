/**
 * How much one step and one bin can hold. A step moves or counts a positive whole number
 * of units up to MAX_STEP_QTY (a pallet of a million screws is the largest real case we
 * know). A bin's balance of one product and lot stays within ±MAX_BIN_QTY: a step that
 * would take it further is refused with a reason, so no sum the server keeps (32-bit
 * integers in the database) can wrap, and one device cannot make a bin unusable for others.
 */
export const MAX_STEP_QTY = 1_000_000;

export const MAX_BIN_QTY = 1_000_000_000;

/** Whether a balance stays within the bounds a bin can hold. */
export const withinBinBounds = (qty: number): boolean => Number.isSafeInteger(qty) && Math.abs(qty) <= MAX_BIN_QTY;
