import type { paths } from "@frameio-sdk/types";
import createClient, { type Client, createQuerySerializer, type Middleware } from "openapi-fetch";
import { arrayQueryStyle } from "../generated/resources.js";
import type { ClientContext } from "./context.js";
import { serializePath } from "./path-serializer.js";

type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";

/** Any operation: what `client.request()` and next-page links send, on paths the spec does not type. */
interface AnyOperation {
  parameters: { query?: Record<string, unknown>; header?: Record<string, unknown> };
  requestBody?: { content: { "application/json": unknown } };
  responses: { 200: { content: { "application/json": unknown } } };
}

export type Http = Client<paths>;

/**
 * Query strings as the spec serialises them (lists comma-joined). One function for every call: given an options
 * object instead, openapi-fetch would build a serializer on each request.
 */
export const serializeQuery = createQuerySerializer({ array: arrayQueryStyle });
export type UntypedHttp = Client<Record<string, Record<HttpMethod, AnyOperation>>>;

/**
 * The openapi-fetch clients of one FrameioClient: `http`, typed by the spec's paths (`client.http`, and what the
 * generated methods call), and `untyped`, for paths outside the spec. Both send through `transport`, and
 * middleware registered on `http` (also later, with `client.http.use`) applies to both, in order.
 */
export function createHttpClients(ctx: ClientContext, transport: (request: Request) => Promise<Response>) {
  const options = {
    baseUrl: ctx.baseUrl,
    headers: ctx.headers,
    fetch: transport,
    pathSerializer: serializePath,
    querySerializer: serializeQuery,
  };
  const typed = createClient<paths>(options);
  const untyped: UntypedHttp = createClient(options);
  const registered = new Set<Middleware>();
  const http: Http = {
    ...typed,
    use(...middleware: Middleware[]) {
      typed.use(...middleware);
      untyped.use(...middleware);
      for (const m of middleware) registered.add(m);
    },
    eject(...middleware: Middleware[]) {
      typed.eject(...middleware);
      untyped.eject(...middleware);
      for (const m of middleware) registered.delete(m);
    },
  };
  http.use(...ctx.middleware);
  /** Whether some registered middleware has `hook` (looked up per call, as openapi-fetch itself does). */
  const middlewareHas = (hook: "onRequest" | "onResponse") => {
    for (const m of registered) if (typeof m?.[hook] === "function") return true;
    return false;
  };
  return { http, untyped, middlewareHas };
}
