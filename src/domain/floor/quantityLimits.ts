/**
 * The most units one step, one task line or one CSV row may move: a positive whole
 * number up to this. More is a typing slip, never a real quantity on a handheld, and
 * keeping every quantity this small keeps sums of them far from any integer's limit.
 */
export const MAX_STEP_QTY = 1_000_000;
