import { type Page, type PagerOptions, paginate } from "@frameio-sdk/kit";
import { type Transport, validateCallOptions } from "@frameio-sdk/kit/internal";
import { type CallInit, Exchange } from "./internal/exchange.js";
import type { Http, UntypedHttp } from "./internal/http-clients.js";
import { mergeSearch } from "./internal/merge-search.js";
import { NEXT_PAGE, OPERATION, type Plan, UNCHECKED } from "./internal/plan.js";
import { type UntypedArgs, untypedCall } from "./internal/untyped-call.js";
import { validateInput, validateResponse } from "./internal/validation.js";
import type { Listed, PageOptions, RequestOptions, Resolved } from "./operation-types.js";

export type { CallInit };

/** What openapi-fetch resolves to. */
interface Outcome {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The openapi-fetch call of one operation, as a generated method writes it out. */
export type OperationCall<A> = (http: Http, args: A, init: CallInit) => Promise<Outcome>;

export interface RunnerSettings {
  http: Http;
  untyped: UntypedHttp;
  transport: Transport;
  baseUrl: string;
  /**
   * Whether some middleware has `onResponse` (it may read a response, so the body must stay readable) or
   * `onRequest` (it may replace the request, and with it the signal). See `Exchange`.
   */
  middlewareHas: (hook: "onRequest" | "onResponse") => boolean;
  validateRequests: boolean;
  validateResponses: boolean;
}

const PAGER_KEYS = ["maxItems", "maxPages", "prefetch", "signal"] as const;

/**
 * Runs the calls of the generated resource methods: checks options and arguments, calls openapi-fetch (whose
 * fetch is the kit's transport, with this call's options), turns HTTP errors into typed errors and, with `raw`,
 * resolves to the body with its response. One per client and `raw` setting, shared by every group.
 */
export class OperationRunner<Raw extends boolean> {
  readonly #settings: RunnerSettings;
  readonly #raw: Raw;

  constructor(settings: RunnerSettings, raw: Raw) {
    this.#settings = settings;
    this.#raw = raw;
  }

  /** One call of operation `key` (`files.show`); resolves to its body, or with `raw` to `{ data, response, ... }`. */
  send<T, A>(
    key: string,
    args: A,
    options: RequestOptions | undefined,
    call: OperationCall<NonNullable<A>>,
  ): Resolved<T, Raw> {
    return this.#run(key, args, options, call, OPERATION) as Resolved<T, Raw>;
  }

  /** A list operation: a Pager over its pages, or with `raw` the first page with its response. */
  paginate<T, A>(
    key: string,
    args: A,
    options: (RequestOptions & PageOptions) | undefined,
    call: OperationCall<NonNullable<A>>,
  ): Listed<T, Raw> {
    if (this.#raw) return this.#run(key, args, options, call, OPERATION) as Listed<T, Raw>;
    const requestOptions = { ...options };
    // Later pages repeat the first page's query (include, sort, page_size...), as the link may not carry it.
    let firstSearch = "";
    const pager = paginate(
      (_cursor, signal, query, link): Promise<Page> => {
        const pageOptions = { ...requestOptions, signal };
        if (!link) {
          const observe = (request: Request) => {
            firstSearch = new URL(request.url).search;
          };
          return this.#run(key, { ...args, ...query }, pageOptions, call, { ...OPERATION, observe }) as Promise<Page>;
        }
        const search = mergeSearch(firstSearch, { ...link.query, ...query });
        const next = untypedCall(this.#settings.untyped, "GET", link.path, new URL(link.url).origin);
        return this.#run(key, {}, pageOptions, next, { ...NEXT_PAGE, search }) as Promise<Page>;
      },
      { ...pagerOptions(options), baseUrl: this.#settings.baseUrl },
    );
    return pager as Listed<T, Raw>;
  }

  /**
   * Sends a request to a path outside the spec (`client.request`), through the same pipeline and middleware.
   * `path` is already checked to be on the API (see client-request.ts).
   */
  request(method: string, path: string, args: UntypedArgs, options: RequestOptions | undefined): Promise<unknown> {
    return this.#run(`${method} ${path}`, args, options, untypedCall(this.#settings.untyped, method, path), UNCHECKED);
  }

  async #run<A>(
    key: string,
    args: A,
    options: RequestOptions | undefined,
    call: OperationCall<NonNullable<A>>,
    plan: Plan,
  ): Promise<unknown> {
    const settings = this.#settings;
    validateCallOptions(options, `${key} options`);
    // No arguments are an empty arguments object (`client.users.show()`); null too, so that with validation off
    // the missing path parameters are what is refused.
    const input = (args ?? {}) as NonNullable<A>;
    if (plan.args && settings.validateRequests) {
      const pending = validateInput(key, input);
      if (pending) await pending;
    }
    // A raw call hands its Response to the caller, whose body must still be readable: no hand-over then. The
    // Request is built without a signal (options.signal goes to the transport), so only onRequest middleware could
    // give it one that aborts.
    const delivery = {
      handOverBody: !this.#raw && !settings.middlewareHas("onResponse"),
      requestSignalUnused: !settings.middlewareHas("onRequest"),
    };
    const exchange = new Exchange(settings.transport, key, options, plan, delivery);
    let outcome: Outcome;
    try {
      outcome = await call(settings.http, input, exchange.init);
    } catch (error) {
      throw exchange.failure(error);
    }
    const { response } = outcome;
    if (!response.ok) throw await exchange.apiError(response, outcome.error);
    // openapi-fetch hands over the unread body stream (parseAs "stream"), or undefined when there is no body.
    const data = outcome.data === undefined ? undefined : await exchange.body(response);
    if (plan.response && settings.validateResponses && data !== undefined) {
      const pending = validateResponse(key, data);
      if (pending) await pending;
    }
    return this.#raw ? { data, response, headers: response.headers, status: response.status } : data;
  }
}

function pagerOptions(options: (RequestOptions & PagerOptions) | undefined): PagerOptions {
  const out: Record<string, unknown> = {};
  if (options) for (const k of PAGER_KEYS) if (options[k] !== undefined) out[k] = options[k];
  return out;
}
