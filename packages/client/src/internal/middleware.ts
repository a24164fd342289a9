import type { Middleware } from "openapi-fetch";

let nextId = 0;

/**
 * Runs openapi-fetch middleware around one fetch, so user middleware sees resource calls exactly as it sees
 * `client.http` calls. Only used when middleware is configured: the fast path builds no Request objects.
 */
export async function fetchThroughMiddleware(
  middleware: readonly Middleware[],
  fetchImpl: typeof fetch,
  url: string,
  init: RequestInit,
  schemaPath: string,
): Promise<Response> {
  const id = String(++nextId);
  const options = { baseUrl: "", parseAs: "json", querySerializer: () => "", bodySerializer: (b: unknown) => b, fetch: fetchImpl } as never;
  let request = new Request(url, init);
  let response: Response | undefined;
  for (const m of middleware) {
    if (!m.onRequest) continue;
    const result = await m.onRequest({ request, schemaPath, params: {}, options, id });
    if (result instanceof Response) {
      response = result;
      break;
    }
    if (result instanceof Request) request = result;
  }
  if (!response) {
    try {
      // The signal goes beside the Request too: Node 20 can lose an abort carried only inside a Request.
      response = await fetchImpl(request, init.signal ? { signal: init.signal } : undefined);
    } catch (error) {
      let handled: unknown;
      for (const m of [...middleware].reverse()) {
        if (!m.onError) continue;
        handled = await m.onError({ request, error, schemaPath, params: {}, options, id });
        if (handled instanceof Response) return handled;
        if (handled instanceof Error) throw handled;
      }
      throw error;
    }
  }
  for (const m of [...middleware].reverse()) {
    if (!m.onResponse) continue;
    const result = await m.onResponse({ request, response, schemaPath, params: {}, options, id });
    if (result instanceof Response) response = result;
  }
  return response;
}
