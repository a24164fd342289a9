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
