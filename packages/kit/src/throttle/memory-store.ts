import { gcraRelease, gcraReserve } from "./gcra.js";
import type { ThrottleStore } from "./store.js";

/** Keys past this count are swept of idle entries, so many short-lived scope holders do not grow the map forever. */
const SWEEP_AT = 1_000;

/**
 * The default store: one process's budget, in memory. `now` is injectable for tests. Use a shared store
 * (`createRedisStore` from `@frameio-sdk/kit/redis`) when several processes spend one limit.
 */
export function createMemoryStore(now: () => number = Date.now): ThrottleStore {
  const tats = new Map<string, number>();
  const sweep = (at: number) => {
    for (const [key, tat] of tats) if (tat <= at) tats.delete(key);
  };
  return {
    async reserve(key, intervalMs, burst) {
      const at = now();
      if (tats.size >= SWEEP_AT) sweep(at);
      const { tat, delayMs } = gcraReserve(tats.get(key), at, intervalMs, burst);
      tats.set(key, tat);
      return delayMs;
    },
    async release(key, intervalMs) {
      const tat = gcraRelease(tats.get(key), now(), intervalMs);
      if (tat !== undefined) tats.set(key, tat);
    },
    async defer(key, offsetMs) {
      const at = now();
      tats.set(key, Math.max(tats.get(key) ?? at, at + offsetMs));
    },
  };
}
