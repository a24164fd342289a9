import { retry } from "@frameio-sdk/kit";
import type { paths } from "@frameio-sdk/types";
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { ClientContext } from "./internal/context.js";
import { currentToken } from "./internal/token.js";

/** The typed openapi-fetch client behind `client.http`, sharing the client's auth, headers, retries and middleware. */
export function createHttpClient(ctx: ClientContext): Client<paths> {
  const http = createClient<paths>({
    baseUrl: ctx.baseUrl,
    headers: ctx.headers,
    fetch: retry({ ...ctx.retry, fetch: ctx.fetch }),
  });
  const auth: Middleware = {
    async onRequest({ request }) {
      const token = await currentToken(ctx.token);
      if (token) request.headers.set("authorization", `Bearer ${token}`);
      return request;
    },
  };
  http.use(auth, ...ctx.middleware);
  return http;
}
