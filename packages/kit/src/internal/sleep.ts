import { boundedDelay } from "./timer-cap.js";

/** Waits `ms`, rejecting with the signal's reason once it aborts. Injectable wherever the kit waits, for fake clocks. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/**
 * Waits `ms`; rejects with the signal's reason as soon as `signal` aborts, and clears its timer either way.
 * The delay is bounded (see `boundedDelay`), so a huge or NaN value can never turn into an immediate wake-up.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, boundedDelay(ms));
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
