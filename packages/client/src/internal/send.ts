import { apiErrorFromResponse, runWithRetry } from "@frameio-sdk/kit";
import type { OperationSpec } from "../operation-spec.js";
import type { RequestOptions } from "../operation-types.js";
import { AttemptDeadline, attemptError } from "./attempt.js";
import type { ClientContext } from "./context.js";
import type { DispatcherDeadline } from "./dispatcher-deadline.js";
import { fetchThroughMiddleware } from "./middleware.js";
import { operationRow } from "./operation-rows.js";
import { currentToken, invalidateToken } from "./token.js";
import { buildUrl } from "./url.js";
import { validateInput, validateResponse } from "./validation.js";

// Node's fetch takes a per-request dispatcher, the cheaper deadline (dispatcher-deadline.ts). That module is loaded by
// the first request that can use it, so bundles for browsers, which never load it, do not carry it up front.
const undiciFetch = typeof (globalThis as { process?: { versions?: { undici?: unknown } } }).process?.versions?.undici === "string";
let dispatcherDeadlines: typeof import("./dispatcher-deadline.js") | undefined;

function requestHeaders(ctx: ClientContext, spec: OperationSpec, args: Record<string, unknown>, options: RequestOptions | undefined) {
  const headers: Record<string, string> = { accept: "application/json", ...ctx.headers };
  if (spec.b) headers["content-type"] = "application/json";
  if (spec.h) for (const name of spec.h) if (args[name] !== undefined) headers[name] = String(args[name]);
  return options?.headers ? { ...headers, ...options.headers } : headers;
}

function requestBody(spec: OperationSpec, args: Record<string, unknown>): string | undefined {
  if (spec.b === 1) return JSON.stringify(args.data === undefined ? {} : { data: args.data });
  if (spec.b === 2) return JSON.stringify(args.body ?? {});
  return undefined;
}

/**
 * One API call: validate, build, authenticate, send with timeout and retries, refresh once on 401,
 * and turn failures into typed errors. The common case builds no Request objects and no extra promises.
 * Resolves to the parsed body, or with `raw` to `{ data, response, headers, status }`.
 */
export async function send(
  ctx: ClientContext,
  key: string,
  args: Record<string, unknown> = {},
  options: RequestOptions | undefined,
  raw: boolean,
): Promise<unknown> {
  // The first call of a group loads its rows and its checks side by side; later calls find both loaded.
  const row = operationRow(key);
  if (ctx.validateRequests) {
    const loading = validateInput(key, args);
    if (loading) await (row instanceof Promise ? Promise.all([loading, row]) : loading);
  }
  const spec = row instanceof Promise ? await row : row;
  const method = spec.m;
  const url = buildUrl(ctx.baseUrl, key, spec, args);
  const headers = requestHeaders(ctx, spec, args, options);
  const body = requestBody(spec, args);
  const timeoutMs = options?.timeoutMs ?? ctx.timeoutMs;
  const policy = options?.maxRetries === undefined ? ctx.retry : { ...ctx.retry, maxRetries: options.maxRetries };
  const signal = options?.signal;
  const request = { method, url };

  for (let refreshed = false; ; refreshed = true) {
    let token = currentToken(ctx.token);
    if (typeof token === "object") token = await token;
    if (token) headers.authorization = `Bearer ${token}`;
    let deadline: AttemptDeadline | DispatcherDeadline | undefined;
    let text: string | undefined;
    const attempt = async (): Promise<Response> => {
      deadline?.clear();
      // Retries spend the same allowance as first attempts.
      if (ctx.throttle && spec.rl) await ctx.throttle.acquire(key, signal);
      let init: RequestInit;
      // A caller's signal has to reach fetch anyway, and a custom fetch or middleware may not pass a dispatcher on.
      const node =
        !signal && ctx.nativeFetch && !ctx.middleware.length && undiciFetch
          ? (dispatcherDeadlines ??= await import("./dispatcher-deadline.js"))
          : undefined;
      if (node?.fetchTakesDispatcher()) {
        deadline = new node.DispatcherDeadline(timeoutMs);
        init = { method, headers, body, dispatcher: deadline } as RequestInit;
      } else {
        deadline = new AttemptDeadline(timeoutMs, signal);
        init = { method, headers, body, signal: deadline.controller.signal };
      }
      try {
        const response = await deadline.watch(
          ctx.middleware.length ? fetchThroughMiddleware(ctx.middleware, ctx.fetch, url, init, spec.p) : ctx.fetch(url, init),
        );
        ctx.throttle?.observe(key, response.headers);
        // Read a success body inside the attempt, so a connection dropped mid-body counts as a failed attempt.
        if (response.ok && response.status !== 204) text = await deadline.watch(response.text());
        return response;
      } catch (error) {
        throw attemptError(deadline, error, { method, url, timeoutMs }, signal);
      }
    };
    let result: { response: Response; attempts: number };
    try {
      result = await runWithRetry(request, attempt, policy, signal);
    } catch (error) {
      deadline?.clear();
      throw error;
    }
    // The deadline stays armed until the finally below, so reading an error body cannot hang either.
    const { response, attempts } = result;
    try {
      if (response.status === 401 && !refreshed && invalidateToken(ctx.token, token)) {
        await response.body?.cancel().catch(() => undefined);
        continue;
      }
      if (!response.ok) throw await apiErrorFromResponse(response, request, attempts);
      const data = text ? JSON.parse(text) : undefined;
      if (ctx.validateResponses && data !== undefined) await validateResponse(key, data);
      return raw ? { data, response, headers: response.headers, status: response.status } : data;
    } finally {
      deadline?.clear();
    }
  }
}
