import { FrameioResponseError, type Page, type PagerOptions, paginate } from "@frameio-sdk/kit";
import {
  apiErrorFromResponse,
  attemptsOf,
  type CallOptions,
  type Transport,
  validateCallOptions,
} from "@frameio-sdk/kit/internal";
import { createQuerySerializer } from "openapi-fetch";
import { arrayQueryStyle } from "./generated/resources.js";
import type { Http, UntypedHttp } from "./internal/http-clients.js";
import { validateInput, validateResponse } from "./internal/validation.js";
import type { Listed, PageOptions, RequestOptions, Resolved } from "./operation-types.js";

/** What a generated method hands openapi-fetch besides its parameters and body. */
export interface CallInit {
  fetch: (request: Request) => Promise<Response>;
  headers?: Record<string, string>;
  querySerializer?: (query: Record<string, unknown>) => string;
}

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
  validateRequests: boolean;
  validateResponses: boolean;
}

const serializeQuery = createQuerySerializer({ array: arrayQueryStyle });
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
    return this.#run(key, args, options, call, true) as Resolved<T, Raw>;
  }

  /** A list operation: a Pager over its pages, or with `raw` the first page with its response. */
  paginate<T, A>(
    key: string,
    args: A,
    options: (RequestOptions & PageOptions) | undefined,
    call: OperationCall<NonNullable<A>>,
  ): Listed<T, Raw> {
    if (this.#raw) return this.#run(key, args, options, call, true) as Listed<T, Raw>;
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
          return this.#run(key, { ...args, ...query }, pageOptions, call, true, { observe }) as Promise<Page>;
        }
        const search = mergeSearch(firstSearch, { ...link.query, ...query });
        const next = untypedCall(this.#settings.untyped, "GET", link.path, new URL(link.url).origin);
        return this.#run(key, {}, pageOptions, next, false, { search }) as Promise<Page>;
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
    return this.#run(`${method} ${path}`, args, options, untypedCall(this.#settings.untyped, method, path), false);
  }

  async #run<A>(
    key: string,
    args: A,
    options: RequestOptions | undefined,
    call: OperationCall<NonNullable<A>>,
    validate: boolean,
    traffic?: TrafficOptions,
  ): Promise<unknown> {
    const settings = this.#settings;
    validateCallOptions(options, `${key} options`);
    // No arguments are an empty arguments object (`client.users.show()`); null too, so that with validation off
    // the missing path parameters are what is refused.
    const input = (args ?? {}) as NonNullable<A>;
    if (validate && settings.validateRequests) {
      const pending = validateInput(key, input);
      if (pending) await pending;
    }
    const exchange = new Exchange(settings.transport, key, options, traffic);
    let outcome: Outcome;
    try {
      outcome = await call(settings.http, input, exchange.init);
    } catch (error) {
      throw exchange.failure(error);
    }
    const { response, data } = outcome;
    if (!response.ok) throw await exchange.apiError(response, outcome.error);
    if (validate && settings.validateResponses && data !== undefined) {
      const pending = validateResponse(key, data);
      if (pending) await pending;
    }
    return this.#raw ? { data, response, headers: response.headers, status: response.status } : data;
  }
}

/** For a list's pages: see the first page's request; send a later page with a query string built already. */
interface TrafficOptions {
  observe?: (request: Request) => void;
  search?: string;
}

/** One call's traffic: the fetch openapi-fetch uses (the transport, with this call's options), and its request. */
class Exchange {
  readonly init: CallInit;
  #request: Request | undefined;
  #answered = false;
  readonly #transport: Transport;
  readonly #call: CallOptions;

  readonly #observe: ((request: Request) => void) | undefined;

  constructor(transport: Transport, key: string, options: RequestOptions | undefined, traffic?: TrafficOptions) {
    this.#transport = transport;
    this.#call = options
      ? { timeoutMs: options.timeoutMs, maxRetries: options.maxRetries, signal: options.signal, operationKey: key }
      : { operationKey: key };
    const query = options?.query;
    const search = traffic?.search;
    this.#observe = traffic?.observe;
    this.init = {
      fetch: (request) => this.#send(request),
      headers: options?.headers,
      querySerializer:
        search !== undefined ? () => search : query ? (own) => serializeQuery({ ...own, ...query }) : undefined,
    };
  }

  async #send(request: Request): Promise<Response> {
    this.#request = request;
    this.#observe?.(request);
    const response = await this.#transport(request, this.#call);
    this.#answered = true;
    return response;
  }

  /** openapi-fetch parses success bodies itself: a body that is not JSON surfaces as a typed error. */
  failure(error: unknown): unknown {
    if (!(error instanceof SyntaxError) || !this.#answered || !this.#request) return error;
    const { method, url } = this.#request;
    return new FrameioResponseError({ status: 200, method, url, cause: error });
  }

  /** The typed error of a failed response whose body openapi-fetch has already read into `body`. */
  apiError(response: Response, body: unknown): Promise<Error> {
    const text = body === undefined ? "" : typeof body === "string" ? body : JSON.stringify(body);
    const copy = new Response(text, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
    const request = this.#request ?? { method: "", url: response.url };
    return apiErrorFromResponse(
      copy,
      { method: request.method, url: request.url || response.url },
      attemptsOf(response),
    );
  }
}

function pagerOptions(options: (RequestOptions & PagerOptions) | undefined): PagerOptions {
  const out: Record<string, unknown> = {};
  if (options) for (const k of PAGER_KEYS) if (options[k] !== undefined) out[k] = options[k];
  return out;
}

/**
 * A query string (without `?`): the parameters of `search` (as sent, so lists stay comma-joined) with those named
 * in `values` replaced by them.
 */
function mergeSearch(search: string, values: Record<string, unknown>): string {
  const kept = search
    .replace(/^\?/, "")
    .split("&")
    .filter((pair) => pair !== "" && !(decodeURIComponent(pair.split("=")[0]!.replace(/\+/g, " ")) in values));
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && value !== null)
      kept.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`);
  }
  return kept.join("&");
}

/** Arguments of a request to a path outside the spec. */
interface UntypedArgs {
  query?: Record<string, unknown>;
  body?: unknown;
}

/** A request to a path the spec does not type: `client.request`, and a list's next page from `links.next`. */
function untypedCall(untyped: UntypedHttp, method: string, path: string, baseUrl?: string): OperationCall<UntypedArgs> {
  const verb = method.toLowerCase() as "get";
  return (_http, args, init) =>
    untyped.request(verb, path, { ...init, baseUrl, params: { query: args.query }, body: args.body });
}
