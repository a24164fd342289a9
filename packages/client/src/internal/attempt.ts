import { FrameioConnectionError, FrameioTimeoutError } from "@frameio-sdk/kit";

/**
 * The deadline of one attempt, as an AbortSignal: for calls with a caller's signal, a custom fetch or middleware,
 * and runtimes other than Node (elsewhere see DispatcherDeadline). It covers headers and body, so it stays armed
 * until the caller has read the body, then `clear()` must run; a caller's own signal aborts the attempt too.
 * One controller, one timer, one listener.
 */
export class AttemptDeadline {
  readonly controller = new AbortController();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timedOut = false;
  #outer: AbortSignal | undefined;
  #onOuterAbort = () => this.controller.abort(this.#outer?.reason);

  constructor(timeoutMs: number, outer: AbortSignal | undefined) {
    if (outer) {
      if (outer.aborted) this.controller.abort(outer.reason);
      else outer.addEventListener("abort", this.#onOuterAbort, { once: true });
      this.#outer = outer;
    }
    if (Number.isFinite(timeoutMs) && timeoutMs > 0) {
      this.#timer = setTimeout(() => {
        this.#timedOut = true;
        this.controller.abort();
      }, timeoutMs);
    }
  }

  get timedOut(): boolean {
    return this.#timedOut;
  }

  /** The signal already covers whatever the attempt awaits. */
  watch<T>(work: Promise<T>): Promise<T> {
    return work;
  }

  clear(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#outer?.removeEventListener("abort", this.#onOuterAbort);
  }

}

/**
 * Maps what fetch or a body read threw under either deadline (this one or DispatcherDeadline) to the SDK's errors;
 * the abort reason of the caller's `signal` passes through as is.
 */
export function attemptError(
  deadline: { readonly timedOut: boolean; clear(): void },
  error: unknown,
  request: { method: string; url: string; timeoutMs: number },
  signal: AbortSignal | undefined,
): unknown {
  deadline.clear();
  if (deadline.timedOut) return new FrameioTimeoutError({ ...request, cause: error });
  if (signal?.aborted) return signal.reason ?? error;
  return new FrameioConnectionError({ method: request.method, url: request.url, cause: error });
}
