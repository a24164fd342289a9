import type { Pager, PagerOptions } from "@frameio-sdk/kit";
import type { Resources } from "./generated/resources.js";

type Simplify<T> = { [K in keyof T]: T[K] } & {};
type Part<P, K extends string> = P extends { [Q in K]?: infer X }
  ? [X] extends [never]
    ? {}
    : X extends object
      ? X
      : {}
  : {};
type Params<Op> = Op extends { parameters: infer P } ? P : {};
// Two steps: operations without a body declare `requestBody?: never`, which a one-step match would infer as `unknown`.
type JsonBody<Op> = Op extends { requestBody?: infer R }
  ? R extends { content: { "application/json": infer B } }
    ? B
    : never
  : never;
type RequiredBody<Op> = Op extends { requestBody: { content: unknown } } ? true : false;

type BodyArgs<Op> = [JsonBody<Op>] extends [never]
  ? {}
  : JsonBody<Op> extends { data?: infer D }
    ? {} extends Pick<JsonBody<Op>, "data">
      ? { data?: D }
      : RequiredBody<Op> extends true
        ? { data: D }
        : { data?: D }
    : RequiredBody<Op> extends true
      ? { body: JsonBody<Op> }
      : { body?: JsonBody<Op> };

type IsUnion<T, U = T> = T extends unknown ? ([U] extends [T] ? false : true) : never;
/** A header whose only allowed value is a literal (`api-version: "4.0"`): the client sends it by default. */
type IsSingleValue<V> = [V] extends [string]
  ? string extends V
    ? false
    : true extends IsUnion<V>
      ? false
      : true
  : false;
type HeaderArgs<H> = { [K in keyof H as IsSingleValue<H[K]> extends true ? K : never]?: H[K] } & {
  [K in keyof H as IsSingleValue<H[K]> extends true ? never : K]: H[K];
};

/** A list parameter also takes one value (`include: "creator"` as well as `include: ["creator", "project"]`). */
type ListOrOne<V> = V extends readonly (infer E)[] ? V | E : V;
type QueryArgs<Q> = { [K in keyof Q]: ListOrOne<Q[K]> };

/**
 * The one argument of a resource method: path, query and header parameters by their wire names, plus `data`
 * for the request body's `data` member (or `body` for the rare operation whose body has no `data` envelope).
 */
export type OperationArgs<Op> = Simplify<
  Part<Params<Op>, "path"> &
    QueryArgs<Part<Params<Op>, "query">> &
    HeaderArgs<Part<Params<Op>, "header">> &
    BodyArgs<Op>
>;

type Content<R> = R extends { content: { "application/json": infer B } } ? B : undefined;

/** What a resource method resolves to: the success body, or `undefined` for 204. */
export type OperationResult<Op> = Op extends { responses: infer R }
  ? R extends { 200: infer S }
    ? Content<S>
    : R extends { 201: infer S }
      ? Content<S>
      : R extends { 202: infer S }
        ? Content<S>
        : undefined
  : never;

/** Query parameter values as `query` options take them: arrays are sent comma-joined, like the spec's lists. */
export type QueryValue = string | number | boolean | readonly (string | number | boolean)[] | null | undefined;

/** Per-call options, layered over the client's. */
export interface RequestOptions {
  /** Milliseconds each attempt may take (headers and body) before it fails with FrameioTimeoutError. */
  timeoutMs?: number;
  /** Retries after the first attempt for retryable failures; 0 disables retries for this call. */
  maxRetries?: number;
  /** Cancels the call (every attempt and any wait between them). */
  signal?: AbortSignal;
  /** Extra headers for this call. */
  headers?: Record<string, string>;
  /**
   * Extra query parameters the spec does not list (yet), sent after the operation's own: an escape hatch for new
   * API features. Values are not validated.
   */
  query?: Record<string, QueryValue>;
}

/** Options of paginated calls: how far `for await` goes, and whether it fetches ahead. */
export type PageOptions = Pick<PagerOptions, "maxItems" | "maxPages" | "prefetch">;

/** A raw call's result: the parsed body plus the HTTP response it came from. */
export interface WithRawResponse<T> {
  data: T;
  response: Response;
  headers: Headers;
  status: number;
}

/** `client.withRawResponse`: every group's methods, resolving to the body with its response. */
export type RawResources = Resources<true>;

/** What a method resolves to: the body, or on `client.withRawResponse` the body with its response. */
export type Resolved<T, Raw extends boolean> = Promise<Raw extends true ? WithRawResponse<T> : T>;

/** What a list method returns: a Pager, or on `client.withRawResponse` the first page with its response. */
export type Listed<T, Raw extends boolean> = Raw extends true
  ? Promise<WithRawResponse<T>>
  : T extends { data: readonly unknown[] }
    ? Pager<T>
    : never;

export type { Simplify };
