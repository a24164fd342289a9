/**
 * The largest delay `setTimeout` honours: above 2^31-1 ms, Node, browsers and Deno fire after about 1 ms instead.
 * Every timer the kit arms from a caller's number or a server's header is bounded by this (or by a smaller cap).
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** A delay safe to hand to `setTimeout`: NaN and negatives become 0, anything above {@link MAX_TIMER_MS} is capped. */
export function boundedDelay(ms: number): number {
  if (!(ms > 0)) return 0;
  return Math.min(ms, MAX_TIMER_MS);
}
