import { retry } from "@frameio-sdk/kit";
import type { paths } from "@frameio-sdk/types";
import type { Client, Middleware } from "openapi-fetch";
import type { ClientContext } from "./internal/context.js";
import { lazyMethods } from "./internal/lazy.js";
import { currentToken } from "./internal/token.js";

const METHODS = ["request", "GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

/**
 * `client.http`: the typed openapi-fetch client, loaded (with the retry wrapper it needs) on its first request.
 * `use`/`eject` stay synchronous: they are recorded and replayed in order on the real client.
 */
export function lazyHttpClient(ctx: ClientContext): Client<paths> {
  const changes: Array<(client: Client<paths>) => void> = [];
  let real: Client<paths> | undefined;
  // The retry wrapper and the token reader are handed over, not imported by http.ts: the entry carries their files
  // anyway, and a lazy chunk importing entry files makes bundlers split the entry into more (worse-compressing) chunks.
  const load = () =>
    import("./http.js").then((m) => {
      real ??= m.createHttpClient(ctx, retry({ ...ctx.retry, fetch: ctx.fetch }), () => currentToken(ctx.token));
      for (const change of changes.splice(0)) change(real);
      return real;
    });
  const record = (change: (client: Client<paths>) => void) => (real ? change(real) : changes.push(change));
  return {
    ...lazyMethods<Client<paths>, (typeof METHODS)[number]>(load, METHODS),
    use: (...middleware: Middleware[]) => void record((c) => c.use(...middleware)),
    eject: (...middleware: Middleware[]) => void record((c) => c.eject(...middleware)),
  };
}
