/**
 * A success body passed from the transport to the one caller that reads it (see `CallOptions.handOver`): the body's
 * text and how many attempts the call took. It is a plain object owned by the call, not a WeakMap entry keyed by the
 * Response: each WeakMap entry made per call costs the garbage collector about a microsecond.
 */
export interface BodyHandOver {
  text?: string;
  attempts?: number;
}
