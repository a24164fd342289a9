import type { Resources } from "./generated/resources.js";
import type { RequestOptions, WithRawResponse } from "./operation-types.js";

type RawMethod<M> = M extends (args: infer A, options?: infer _O) => infer R
  ? (args: A, options?: RequestOptions) => Promise<WithRawResponse<Awaited<R>>>
  : never;

/** `client.withRawResponse`: every method, resolving to the body plus its Response (first page for lists). */
export type RawResources = { [G in keyof Resources]: { [M in keyof Resources[G]]: RawMethod<Resources[G][M]> } };
