/**
 * One attempt's deadline as a standard AbortSignal: a controller aborted by one timer after `timeoutMs`, or by any
 * of the caller's signals. `Infinity` arms no timer (no deadline); callers validate finite values to at most
 * 2^31-1 ms (see call-options.ts), so the timer cannot overflow. Call `clear()` once the attempt is over, body
 * included.
 *
 * The caller's signals hold plain listeners (not the WeakRefs of `AbortSignal.any`), so the link cannot be
 * garbage-collected while a fetch still depends on it.
 */
export class AttemptDeadline {
  readonly signal: AbortSignal;
  readonly #controller = new AbortController();
  readonly #sources: AbortSignal[] = [];
  #timedOut = false;
  #released = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** The pending {@link race}'s rejection: called directly, which costs less than one more abort listener. */
  #lose: ((reason: unknown) => void) | undefined;

  constructor(timeoutMs: number, sources: ReadonlyArray<AbortSignal | undefined>) {
    this.signal = this.#controller.signal;
    for (const source of sources) {
      if (source === undefined) continue;
      if (source.aborted) {
        this.#controller.abort(source.reason);
        return;
      }
      source.addEventListener("abort", this);
      this.#sources.push(source);
    }
    if (Number.isFinite(timeoutMs)) {
      this.#timer = setTimeout(() => {
        this.#timedOut = true;
        this.#abort(new DOMException(`The attempt exceeded ${timeoutMs} ms`, "TimeoutError"));
      }, timeoutMs);
    }
  }

  /** Whether the timer (not a caller) ended the attempt. */
  get timedOut(): boolean {
    return this.#timedOut;
  }

  /**
   * Settles like `work`, unless the deadline or a caller aborts first: then rejects at once with the reason.
   *
   * Why not trust fetch to honour its signal alone: Node 20's fetch links signals to requests through WeakRefs,
   * and a garbage collection at the wrong moment can drop an abort (a signal inside an intermediate Request that
   * was collected). Racing keeps the attempt honest either way. A result that arrives after losing the race is
   * passed to `release` (to cancel a response body and free its socket); a late failure is ignored.
   */
  race<T>(work: Promise<T>, release: (late: T) => void): Promise<T> {
    if (this.signal.aborted) {
      work.then(release, () => undefined);
      return Promise.reject(this.signal.reason);
    }
    return new Promise<T>((resolve, reject) => {
      this.#lose = (reason) => {
        work.then(release, () => undefined);
        reject(reason);
      };
      work.then(
        (value) => {
          this.#lose = undefined;
          if (this.signal.aborted) release(value);
          else resolve(value);
        },
        (error: unknown) => {
          this.#lose = undefined;
          reject(error);
        },
      );
    });
  }

  /** Stops the timer; the caller's signals stay linked to {@link signal} until then. */
  clear(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#released) return;
    for (const source of this.#sources) source.removeEventListener("abort", this);
    this.#sources.length = 0;
  }

  /** For a response handed over unread: `clear()` then stops only the timer and keeps the caller's abort linked. */
  release(): void {
    this.#released = true;
  }

  /** A caller's signal aborted (the deadline listens as an EventListener object: no closure per attempt). */
  handleEvent(event: Event): void {
    this.#abort((event.target as AbortSignal).reason);
  }

  #abort(reason: unknown): void {
    this.#controller.abort(reason);
    const lose = this.#lose;
    this.#lose = undefined;
    lose?.(this.signal.reason);
  }
}
