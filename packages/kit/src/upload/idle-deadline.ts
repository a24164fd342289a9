import { FrameioTimeoutError } from "../errors/index.js";
import { linkedAbortController } from "../internal/linked-signal.js";

/**
 * Default idle deadline of part uploads and downloads: the same 60 s as the client's per-attempt `timeoutMs`.
 * A transfer may take hours; what it may not do is move no byte for this long.
 */
export const DEFAULT_TRANSFER_TIMEOUT_MS = 60_000;

/**
 * The deadline of one transfer attempt, as a standard AbortSignal: it aborts with FrameioTimeoutError once no byte
 * has moved for `timeoutMs` (call {@link touch} whenever one does), or with the caller's reason when `parent`
 * aborts. `Infinity` arms no timer. One timer per idle period re-arms itself for the time left, so bytes flowing
 * cost no timer churn. Finite values must be validated (at most 2^31-1 ms) before they get here.
 */
export class IdleDeadline {
  readonly signal: AbortSignal;
  readonly #controller: AbortController;
  readonly #unlink: () => void;
  readonly #timeoutMs: number;
  readonly #describe: { method: string; url: string };
  #lastActivity = now();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timedOut = false;

  constructor(timeoutMs: number, describe: { method: string; url: string }, parent?: AbortSignal) {
    const { controller, unlink } = linkedAbortController([parent]);
    this.#controller = controller;
    this.#unlink = unlink;
    this.signal = controller.signal;
    this.#timeoutMs = timeoutMs;
    this.#describe = describe;
    if (Number.isFinite(timeoutMs) && !controller.signal.aborted) this.#arm(timeoutMs);
  }

  /** Bytes moved: the idle period starts again. */
  touch(): void {
    this.#lastActivity = now();
  }

  /** Whether the deadline (not the caller) ended the attempt. */
  get timedOut(): boolean {
    return this.#timedOut;
  }

  /** The reason the deadline aborts its signal with. */
  #timeoutError(): FrameioTimeoutError {
    return new FrameioTimeoutError({ timeoutMs: this.#timeoutMs, ...this.#describe });
  }

  /** Stops the timer and unlinks the caller's signal; call when the attempt is over, however it ended. */
  clear(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#unlink();
  }

  #arm(delay: number): void {
    this.#timer = setTimeout(() => {
      const idle = now() - this.#lastActivity;
      if (idle < this.#timeoutMs) return this.#arm(this.#timeoutMs - idle);
      this.#timer = undefined;
      this.#timedOut = true;
      this.#unlink();
      this.#controller.abort(this.#timeoutError());
    }, delay);
  }
}

const now = () => performance.now();
