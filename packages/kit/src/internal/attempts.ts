const attemptsByResponse = new WeakMap<Response, number>();

/** How many attempts produced a response returned by the transport or a `retry()` fetch; else `undefined`. */
export function attemptsOf(response: Response): number | undefined {
  return attemptsByResponse.get(response);
}

/** Remembers how many attempts `response` took, for {@link attemptsOf}; a WeakMap, so the response stays standard. */
export function recordAttempts(response: Response, attempts: number): Response {
  attemptsByResponse.set(response, attempts);
  return response;
}
