import type { Middleware } from "openapi-fetch";

/**
 * With a throttle, a `client.http` call spends the allowance of the operation its method and path template name,
 * like the resource method would. A middleware (registered after the client's own, so it sees the final request)
 * notes each request's operation; the client's fetch hands it to the transport. The route table is imported on
 * the first request, only by clients that have a throttle.
 */
export function throttleKeys(): { middleware: Middleware; keyOf(request: Request): string | undefined } {
  const keys = new WeakMap<Request, string>();
  return {
    middleware: {
      async onRequest({ request, schemaPath }) {
        const { operationKeyOf } = await import("./operation-lookup.js");
        const key = operationKeyOf(request.method, schemaPath);
        if (key) keys.set(request, key);
        return undefined;
      },
    },
    keyOf: (request) => keys.get(request),
  };
}
