import { FrameioError } from "../errors/index.js";

/**
 * A shared throttle or token store could not be used: Redis was unreachable when the first call needed it, or a
 * script failed. Raised only where carrying on would be wrong; see `createRedisStore` for what falls back instead.
 */
export class ThrottleStoreError extends FrameioError {
  override name = "ThrottleStoreError";
  /** What was being done: `"reserve"`, `"release"`, `"defer"`, or a token-share step. */
  readonly operation: string;

  constructor(operation: string, cause: unknown) {
    const reason = cause instanceof Error ? `: ${cause.message}` : "";
    // Only the name and message of the client's error: ioredis attaches the command's arguments to its errors,
    // and those can hold the shared access token.
    const safeCause =
      cause instanceof Error ? Object.assign(new Error(cause.message), { name: cause.name }) : undefined;
    super(`the shared store failed to ${operation}${reason}`, { cause: safeCause });
    this.operation = operation;
  }
}
