import type { paths } from "@frameio-sdk/types";
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { ClientContext } from "./internal/context.js";

/**
 * The typed openapi-fetch client behind `client.http`, sharing the client's auth, headers, retries and middleware.
 * `retryingFetch` and `currentToken` come from the caller (lazy-http.ts) rather than imports: see there why.
 */
export function createHttpClient(
  ctx: ClientContext,
  retryingFetch: typeof fetch,
  currentToken: () => string | undefined | Promise<string>,
): Client<paths> {
  const http = createClient<paths>({ baseUrl: ctx.baseUrl, headers: ctx.headers, fetch: retryingFetch });
  const auth: Middleware = {
    async onRequest({ request }) {
      const token = await currentToken();
      if (token) request.headers.set("authorization", `Bearer ${token}`);
      return request;
    },
  };
  http.use(auth, ...ctx.middleware);
  return http;
}
