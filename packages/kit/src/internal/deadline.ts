import { linkedAbortController } from "./linked-signal.js";

/**
 * One attempt's deadline as a standard AbortSignal: a controller linked to the caller's signals, aborted by one
 * timer after `timeoutMs`. `Infinity` arms no timer (no deadline); callers validate finite values to at most 2^31-1
 * ms (see call-options.ts), so the timer cannot overflow. Call `clear()` once the attempt is over, body included.
 */
export class AttemptDeadline {
  readonly signal: AbortSignal;
  #timedOut = false;
  #released = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #unlink: () => void;

  constructor(timeoutMs: number, sources: ReadonlyArray<AbortSignal | undefined>) {
    const { controller, unlink } = linkedAbortController(sources);
    this.signal = controller.signal;
    this.#unlink = unlink;
    if (Number.isFinite(timeoutMs) && !controller.signal.aborted) {
      this.#timer = setTimeout(() => {
        this.#timedOut = true;
        controller.abort(new DOMException(`The attempt exceeded ${timeoutMs} ms`, "TimeoutError"));
      }, timeoutMs);
    }
  }

  /** Whether the timer (not a caller) ended the attempt. */
  get timedOut(): boolean {
    return this.#timedOut;
  }

  /** Stops the timer; the caller's signals stay linked to {@link signal} until then. */
  clear(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (!this.#released) this.#unlink();
  }

  /** For a response handed over unread: `clear()` then stops only the timer and keeps the caller's abort linked. */
  release(): void {
    this.#released = true;
  }
}
