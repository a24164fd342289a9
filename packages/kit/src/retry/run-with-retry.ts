import { apiErrorForResponse, FrameioConnectionError, FrameioTimeoutError, parseRetryAfter } from "../errors/index.js";
import { backoffDelay, statusDelay } from "./backoff.js";
import { isRetryableError, isRetryableStatus, mayRepeat, requestMayHaveBeenSent } from "./classify.js";
import { discardResponse } from "./discard.js";
import { type RetryPolicy, sleepOf } from "./policy.js";
import { withAttempts } from "./with-attempts.js";

export interface RetryRequest {
  method: string;
  url: string;
}

/** Decisions the caller adds to the loop. */
export interface RetryHooks {
  /**
   * Called once per call when an attempt is answered 401: drop the refused token and resolve `true` to send again
   * at once (that extra attempt does not spend a retry), or `false` when the credential cannot be renewed.
   */
  renew?: () => boolean | Promise<boolean>;
}

/**
 * The one attempt loop of the kit: runs `attempt` until it yields a response worth returning, the policy forbids
 * another try, or retries run out.
 *
 * - Returns the final response, successful or not, with the number of attempts made.
 * - A 429 whose Retry-After exceeds `maxRetryAfterMs` throws TooManyRequestsError (with `retryAfterMs`) at once.
 * - A connection or timeout error that is not retried is rethrown with `attempts` set; any other thrown error
 *   (an abort, a validation error, a bug) is rethrown untouched on the first occurrence.
 * - Every response it does not return is drained or cancelled here, so retries never strand a socket.
 *
 * `attempt` must send the same request each time: callers replay a buffered body, never a consumed stream.
 * Keep the transport error as `cause` of the FrameioConnectionError so the "was it sent?" rule can read it.
 */
export async function runWithRetry(
  request: RetryRequest,
  attempt: (attemptNumber: number) => Promise<Response>,
  policy: RetryPolicy,
  signal?: AbortSignal,
  hooks: RetryHooks = {},
): Promise<{ response: Response; attempts: number }> {
  const wait = sleepOf(policy);
  const pause = async (attemptNumber: number, delayMs: number, error: unknown) => {
    await policy.onRetry?.({
      attempt: attemptNumber,
      delayMs,
      error,
      request: { method: request.method, url: request.url },
    });
    await wait(delayMs, signal);
  };
  let retries = 0;
  let renewed = false;

  for (let attemptNumber = 1; ; attemptNumber++) {
    signal?.throwIfAborted();
    const retriesLeft = retries < policy.maxRetries;
    let response: Response;
    try {
      response = await attempt(attemptNumber);
    } catch (thrown) {
      const error = withAttempts(thrown, attemptNumber);
      const transport = error instanceof FrameioConnectionError || error instanceof FrameioTimeoutError;
      const repeat =
        transport &&
        retriesLeft &&
        !signal?.aborted &&
        isRetryableError(error) &&
        mayRepeat(policy, {
          ...request,
          attempt: attemptNumber,
          error,
          requestMayHaveBeenSent: requestMayHaveBeenSent(error),
        });
      if (!repeat) throw error;
      retries++;
      await pause(attemptNumber, backoffDelay(retries, policy), error);
      continue;
    }

    const { status, headers } = response;
    if (status === 401 && hooks.renew && !renewed) {
      renewed = true;
      if (await hooks.renew()) {
        await discardResponse(response);
        continue;
      }
    }
    if (!isRetryableStatus(status)) return { response, attempts: attemptNumber };
    const retryAfterMs = parseRetryAfter(headers);
    const tooLong = retryAfterMs !== undefined && retryAfterMs > policy.maxRetryAfterMs;
    if (status === 429 && tooLong) {
      // Sleeping that long inside a call would look like a hang; hand the wait to the caller instead.
      throw apiErrorForResponse(response, await discardResponse(response), request, attemptNumber);
    }
    const repeat =
      retriesLeft &&
      !tooLong &&
      mayRepeat(policy, { ...request, attempt: attemptNumber, status, requestMayHaveBeenSent: true });
    if (!repeat) return { response, attempts: attemptNumber };

    retries++;
    const delayMs = statusDelay(retries, policy, status, headers, retryAfterMs);
    const error = apiErrorForResponse(response, await discardResponse(response), request, attemptNumber);
    await pause(attemptNumber, delayMs, error);
  }
}
