import { FrameioConnectionError, FrameioTimeoutError } from "../errors/index.js";

/**
 * The same transport failure, stamped with the attempt count. `attempts` is a readonly constructor field, so an
 * error built by an attempt function that did not know its number is rebuilt here rather than mutated.
 */
export function withAttempts(error: unknown, attempts: number): unknown {
  if (error instanceof FrameioTimeoutError && error.attempts !== attempts) {
    const { timeoutMs, method, url, cause } = error;
    return new FrameioTimeoutError({ timeoutMs, method, url, attempts, cause });
  }
  if (error instanceof FrameioConnectionError && error.attempts !== attempts) {
    const { method, url, phase, cause } = error;
    return new FrameioConnectionError({ method, url, attempts, phase, cause });
  }
  return error;
}
