const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** Whether a response of `status` can never carry a body (`new Response(body, { status })` refuses one). */
export function isNullBodyStatus(status: number): boolean {
  return NULL_BODY_STATUSES.has(status);
}

/** Frame.io API answers are JSON documents, small enough to hold in memory. */
export function isJsonResponse(response: Response): boolean {
  const type = response.headers.get("content-type")?.toLowerCase() ?? "";
  return /^application\/([\w.-]+\+)?json\b/.test(type);
}

/**
 * Reads the whole body now, inside the attempt, and returns an equivalent in-memory Response. A connection cut
 * mid-body then fails the attempt (and can be retried) instead of failing later in the caller's `.json()`.
 */
export async function bufferResponse(response: Response): Promise<Response> {
  if (response.body === null || isNullBodyStatus(response.status)) return response;
  const bytes = await response.arrayBuffer();
  const copy = new Response(bytes, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  // `url` and `redirected` are read-only getters that a constructed Response cannot be given otherwise.
  Object.defineProperties(copy, { url: { value: response.url }, redirected: { value: response.redirected } });
  return copy;
}
