// Nothing from the kit here: this module is loaded lazily (see send.ts), and a lazy chunk that imports what the
// entry imports makes bundlers split the entry into more chunks. send.ts maps its failures with `attemptError`.
import { QueuedDeadline } from "./deadline-queue.js";

/** Where undici (Node's fetch, and the npm package) keeps the process-wide dispatcher; shared across versions. */
const GLOBAL_DISPATCHER = Symbol.for("undici.globalDispatcher.1");

/**
 * What fetch hands a dispatcher; the members we rely on are the same in undici 6, 7 and 8 (Node 20 and later).
 * `abort` is set by fetch itself once the request has a connection; before that, failing the handler is how
 * fetch's own abort works too (it then aborts the request as soon as it connects).
 */
interface DispatchHandler {
  abort?: ((reason: unknown) => void) | null;
  onError?(error: unknown): void;
  onResponseError?(controller: unknown, error: unknown): void;
}

interface Dispatcher {
  dispatch(options: object, handler: DispatchHandler): boolean;
  isMockActive?: boolean;
}

const versions = (globalThis as { process?: { versions?: Record<string, string | undefined> } }).process?.versions;
// Node's own fetch; Bun and Deno expose a `process` too, but their fetch ignores `dispatcher`.
const nodeFetch = typeof versions?.undici === "string" && versions.bun === undefined && !("Deno" in globalThis);
/** A `globalThis.fetch` seen ignoring our dispatcher (a mock or wrapper that replaced Node's). */
let ignoringFetch: unknown;

/**
 * Whether the global fetch takes a per-request `dispatcher`: Node's does. A replacement that was seen not to use
 * ours gets AbortSignal deadlines from then on, until Node's fetch is put back.
 */
export function fetchTakesDispatcher(): boolean {
  return nodeFetch && globalThis.fetch !== ignoringFetch;
}

/**
 * The deadline of one attempt on Node's fetch, with no AbortSignal. Passing a signal to Node 20's fetch costs
 * ~20 µs per request (a WeakRef, a FinalizationRegistry entry and listeners inside undici, plus our controller
 * and timer); this costs a queue entry. It is handed to fetch as its `dispatcher`: it forwards to the global
 * dispatcher and keeps the `abort` undici gives each request, which closes the socket when the deadline passes.
 * Same meaning as the signal deadline: headers and body within `timeoutMs` from the start of the attempt.
 */
export class DispatcherDeadline extends QueuedDeadline {
  timedOut = false;
  #handler: DispatchHandler | undefined;
  #reject: ((reason: unknown) => void) | undefined;

  /** fetch reads this to choose the body form it hands the dispatcher (undici's MockAgent wants the raw one). */
  get isMockActive(): boolean | undefined {
    return globalDispatcher()?.isMockActive;
  }

  dispatch(options: object, handler: DispatchHandler): boolean {
    const target = globalDispatcher();
    if (!target) throw new TypeError("no global undici dispatcher");
    // Only a handler we know how to stop is worth keeping; otherwise `watch` races the attempt instead.
    if ("abort" in handler && (handler.onError || handler.onResponseError)) this.#handler = handler;
    return target.dispatch(options, handler);
  }

  /**
   * Awaits `work` (the fetch, or the body read) under this deadline. Node's fetch dispatches synchronously, so by
   * now we know whether it used us. If not (a replaced `globalThis.fetch`), this attempt is raced against the
   * deadline instead, and later attempts go back to signals.
   */
  watch<T>(work: Promise<T>): Promise<T> {
    if (this.#handler) return work;
    ignoringFetch = globalThis.fetch;
    return new Promise<T>((resolve, reject) => {
      if (this.timedOut) reject(timeoutReason());
      else this.#reject = reject;
      work.then(resolve, reject);
    });
  }

  protected expire(): void {
    this.timedOut = true;
    const reason = timeoutReason();
    const handler = this.#handler;
    // Connected: undici's abort closes the socket and fails the pending headers or body with `reason`.
    if (handler?.abort) handler.abort(reason);
    // Not connected yet: fail fetch now, as an aborted signal would; fetch aborts the request once it connects.
    else if (handler?.onError) handler.onError(reason);
    else handler?.onResponseError?.(undefined, reason);
    this.#reject?.(reason);
  }

  clear(): void {
    this.settle();
    this.#handler = this.#reject = undefined;
  }
}

function globalDispatcher(): Dispatcher | undefined {
  return (globalThis as Record<symbol, Dispatcher | undefined>)[GLOBAL_DISPATCHER];
}

function timeoutReason(): Error {
  return new DOMException("The attempt's deadline passed.", "TimeoutError");
}
