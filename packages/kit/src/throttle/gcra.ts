/**
 * The GCRA step shared by the in-memory store and, as Lua, by the Redis store (see redis/scripts.ts), so both
 * meter identically. `tat` is the theoretical arrival time of the next call at the sustained rate.
 */
export function gcraReserve(
  tat: number | undefined,
  now: number,
  intervalMs: number,
  burst: number,
): { tat: number; delayMs: number } {
  const base = Math.max(tat ?? now, now);
  return { tat: base + intervalMs, delayMs: Math.max(0, base - (burst - 1) * intervalMs - now) };
}

/** The state after one reservation is returned, never earlier than now (an idle key has nothing to give back). */
export function gcraRelease(tat: number | undefined, now: number, intervalMs: number): number | undefined {
  return tat === undefined ? undefined : Math.max(now, tat - intervalMs);
}
