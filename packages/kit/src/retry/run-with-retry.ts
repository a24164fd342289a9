import { apiErrorForResponse, FrameioConnectionError, FrameioTimeoutError, parseRetryAfter } from "../errors/index.js";
import { backoffDelay, rateLimitDelay } from "./backoff.js";
import { isRetryableError, isRetryableStatus, mayRepeat, requestMayHaveBeenSent } from "./classify.js";
import { discardResponse } from "./discard.js";
import { sleepOf, type RetryPolicy } from "./policy.js";

export interface RetryRequest {
  method: string;
  url: string;
}

/**
 * Runs `attempt` until it yields a response worth returning, the policy forbids another try, or retries run out.
 *
 * - Returns the final response, successful or not, with the number of attempts made.
 * - A 429 whose Retry-After exceeds `maxRetryAfterMs` throws TooManyRequestsError (with `retryAfterMs`) at once.
 * - A connection or timeout error that is not retried is rethrown with `attempts` set; any other thrown error
 *   (an abort, a bug) is rethrown untouched on the first occurrence.
 * - Every response it does not return is drained or cancelled here, so retries never strand a socket.
 *
 * `attempt` must send the same request each time: callers replay a buffered body, never a consumed stream.
 * Keep the transport error as `cause` of the FrameioConnectionError so the "was it sent?" rule can read its code.
 */
export async function runWithRetry(
  request: RetryRequest,
  attempt: (attemptNumber: number) => Promise<Response>,
  policy: RetryPolicy,
  signal?: AbortSignal,
): Promise<{ response: Response; attempts: number }> {
  const wait = sleepOf(policy);
  const pause = async (attemptNumber: number, delayMs: number, error: unknown) => {
    await policy.onRetry?.({ attempt: attemptNumber, delayMs, error, request: { method: request.method, url: request.url } });
    await wait(delayMs, signal);
  };

  for (let attemptNumber = 1; ; attemptNumber++) {
    signal?.throwIfAborted();
    const retriesLeft = attemptNumber <= policy.maxRetries;
    let response: Response;
    try {
      response = await attempt(attemptNumber);
    } catch (error) {
      if (error instanceof FrameioConnectionError || error instanceof FrameioTimeoutError) {
        error.attempts = attemptNumber;
      }
      const repeat =
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
      await pause(attemptNumber, backoffDelay(attemptNumber, policy), error);
      continue;
    }

    const { status, headers } = response;
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

    const delayMs =
      retryAfterMs ?? (status === 429 ? rateLimitDelay(attemptNumber, policy, headers) : backoffDelay(attemptNumber, policy));
    const error = apiErrorForResponse(response, await discardResponse(response), request, attemptNumber);
    await pause(attemptNumber, delayMs, error);
  }
}
