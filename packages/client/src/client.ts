import { createTransport } from "@frameio-sdk/kit/internal";
import type { operations } from "@frameio-sdk/types";
import type { FrameioClientOptions } from "./client-options.js";
import { type ApiRequest, checkedRequestPath, requestOptions } from "./client-request.js";
import { FilesResource } from "./files-resource.js";
import { type OperationIds, Resources } from "./generated/resources.js";
import type { ClientContext } from "./internal/context.js";
import { dispatchByName } from "./internal/dispatch.js";
import { createHttpClients, type Http } from "./internal/http-clients.js";
import { resolveOptions } from "./internal/options.js";
import { throttleKeys } from "./internal/throttle-keys.js";
import { OperationRunner } from "./operation-runner.js";
import type { OperationArgs, OperationResult, RequestOptions } from "./operation-types.js";

/** An operation's SDK name (`files.show`) or the spec's operationId (`files.create_local_upload`). */
export type OperationName = keyof OperationIds | keyof operations;

/** The spec's operation type for an SDK name or operationId. */
export type OperationOf<K extends OperationName> = K extends keyof OperationIds
  ? operations[OperationIds[K]]
  : K extends keyof operations
    ? operations[K]
    : never;

/** `client.call` arguments by operation name. */
export type CallArgs = { [K in OperationName]: OperationArgs<OperationOf<K>> };

/** What `client.call` resolves to by operation name: the operation's result (first page for lists). */
export type CallResult = { [K in OperationName]: OperationResult<OperationOf<K>> };

/**
 * The Frame.io V4 client: `client.files.show(...)`, `client.projects.index(...)`, one method per operation.
 * Errors are thrown as FrameioError subclasses; paginated methods return a Pager.
 */
export class FrameioClient extends Resources {
  /** File operations, plus `upload`, `uploadFromUrl` and `download`. */
  declare readonly files: FilesResource;
  /** The same methods, resolving to `{ data, response, headers, status }` instead of the body alone. */
  readonly withRawResponse: Resources<true>;
  /**
   * The typed openapi-fetch client the resource methods call, for anything they do not cover. It shares the
   * client's auth, timeouts, retries, throttle and middleware, and keeps openapi-fetch's contract: an HTTP error
   * resolves to `{ error, response }` rather than throwing; transport failures (timeouts, connection errors) throw
   * the same typed errors as the resource methods.
   */
  readonly http: Http;
  readonly #ctx: ClientContext;
  readonly #runner: OperationRunner<false>;

  constructor(options: FrameioClientOptions = {}) {
    const ctx = resolveOptions(options);
    const transport = createTransport({
      baseUrl: ctx.baseUrl,
      fetch: ctx.fetch,
      token: ctx.token,
      timeoutMs: ctx.timeoutMs,
      retry: ctx.retry,
      throttle: ctx.throttle,
    });
    const keys = ctx.throttle ? throttleKeys() : undefined;
    const { http, untyped, middlewareHas } = createHttpClients(
      ctx,
      keys ? (request) => transport(request, { operationKey: keys.keyOf(request) }) : (request) => transport(request),
    );
    if (keys) http.use(keys.middleware);
    const settings = {
      http,
      untyped,
      transport,
      baseUrl: ctx.baseUrl,
      middlewareHas,
      validateRequests: ctx.validateRequests,
      validateResponses: ctx.validateResponses,
    };
    const runner = new OperationRunner(settings, false);
    super(runner);
    this.#ctx = ctx;
    this.#runner = runner;
    this.files = new FilesResource(runner, options.fetch, ctx.timeoutMs);
    this.http = http;
    this.withRawResponse = new Resources(new OperationRunner(settings, true));
  }

  /**
   * Calls an operation by its SDK name (`"files.show"`) or the spec's operationId (`"files.create_local_upload"`):
   * for MCP servers, CLIs and other code that holds operation names as data. List operations resolve to their first
   * page. Typed when `name` is a literal.
   */
  call<K extends OperationName>(name: K, args?: CallArgs[K], options?: RequestOptions): Promise<CallResult[K]>;
  call<N extends string>(
    name: N extends OperationName ? never : N,
    args?: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<unknown>;
  call(name: string, args?: object, options?: RequestOptions): Promise<unknown> {
    return dispatchByName(this, name, args, options);
  }

  /**
   * Sends a request to any path of the Frame.io API, for endpoints the spec does not cover yet, through the same
   * pipeline as the resource methods (auth, timeouts, retries, throttle, middleware, typed errors). Refuses URLs
   * outside the client's `baseUrl`. Resolves to the parsed JSON body (`undefined` for an empty one).
   */
  async request(request: ApiRequest, options?: RequestOptions): Promise<unknown> {
    const { path, query } = checkedRequestPath(request, this.#ctx.baseUrl);
    const body = request.body;
    return await this.#runner.request(request.method, path, { query, body }, requestOptions(request, options));
  }

  /** Shows only safe settings: no token, no headers that might carry credentials. */
  toJSON(): { baseUrl: string; timeoutMs: number; maxRetries: number } {
    return { baseUrl: this.#ctx.baseUrl, timeoutMs: this.#ctx.timeoutMs, maxRetries: this.#ctx.retry.maxRetries };
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `FrameioClient ${JSON.stringify(this.toJSON())}`;
  }
}
