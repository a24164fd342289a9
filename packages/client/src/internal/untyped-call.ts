import type { OperationCall } from "../operation-runner.js";
import type { UntypedHttp } from "./http-clients.js";

/** Arguments of a request to a path outside the spec. */
export interface UntypedArgs {
  query?: Record<string, unknown>;
  body?: unknown;
}

/** A request to a path the spec does not type: `client.request`, and a list's next page from `links.next`. */
export function untypedCall(
  untyped: UntypedHttp,
  method: string,
  path: string,
  baseUrl?: string,
): OperationCall<UntypedArgs> {
  const verb = method.toLowerCase() as "get";
  return (_http, args, init) =>
    untyped.request(verb, path, { ...init, baseUrl, params: { query: args.query }, body: args.body });
}
