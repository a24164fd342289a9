import {
  type ConnectionFailurePhase,
  FrameioConnectionError,
  FrameioError,
  FrameioTimeoutError,
} from "../errors/index.js";

/** What is known about an attempt that threw, to say what ended it. */
export interface FailedAttempt {
  method: string;
  url: string;
  attempts?: number;
  /** The caller's signals: when one of them aborted, its reason is what the caller gets. */
  signals: ReadonlyArray<AbortSignal | undefined>;
  /** Whether the attempt's own deadline ended it, and what that deadline was. */
  timedOut: boolean;
  timeoutMs: number;
  /**
   * Where the network failed. Leave it out for a failure on the caller's side (a destination stream, a progress
   * callback): such an error passes through as it is.
   */
  phase?: ConnectionFailurePhase;
}

/**
 * The one rule for naming what ended an attempt, shared by the transport, the part senders and downloads: the
 * caller's abort first (its reason, as given), then the attempt's deadline (FrameioTimeoutError), then an SDK
 * error raised on purpose (a refused redirect, an unusable token), and last whatever fetch or a body read threw:
 * a FrameioConnectionError keeping it as `cause`, where the "was it sent?" rule reads it.
 */
export function attemptFailure(error: unknown, attempt: FailedAttempt): unknown {
  const aborted = attempt.signals.find((signal) => signal?.aborted);
  if (aborted) return aborted.reason ?? error;
  const { method, url, attempts, timeoutMs, phase } = attempt;
  if (attempt.timedOut) return new FrameioTimeoutError({ timeoutMs, method, url, attempts, cause: error });
  if (error instanceof FrameioError || phase === undefined) return error;
  return new FrameioConnectionError({ method, url, attempts, phase, cause: error });
}
