/**
 * Settles like `work`, unless `signal` aborts first: then rejects at once with the signal's reason.
 *
 * Why not trust fetch to honour its signal alone: Node 20's fetch links signals to requests through WeakRefs, and
 * a garbage collection at the wrong moment can drop an abort (a signal inside an intermediate Request that was
 * collected). Racing keeps our promise honest either way. A result that arrives after losing the race is passed to
 * `release` (to cancel a response body and free its socket); a late failure is ignored.
 */
export function raceAbort<T>(work: Promise<T>, signal: AbortSignal, release: (late: T) => void): Promise<T> {
  if (signal.aborted) {
    work.then(release, () => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      work.then(release, () => undefined);
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        if (signal.aborted) release(value);
        else resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
