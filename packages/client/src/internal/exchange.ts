import { FrameioResponseError } from "@frameio-sdk/kit";
import {
  apiErrorFromResponse,
  attemptsOf,
  type BodyHandOver,
  type CallOptions,
  readJsonBody,
  responseOfReadBody,
  type Transport,
} from "@frameio-sdk/kit/internal";
import type { RequestOptions } from "../operation-types.js";
import { serializeQuery } from "./http-clients.js";

/** What a generated method hands openapi-fetch besides its parameters and body. */
export interface CallInit {
  fetch: (request: Request) => Promise<Response>;
  headers?: Record<string, string>;
  querySerializer?: (query: Record<string, unknown>) => string;
  /** openapi-fetch leaves success bodies unread: {@link Exchange.body} parses them (see there why). */
  parseAs: "stream";
}

/**
 * What the transport may skip for this call, given who else sees its Request and Response: the copy of a success
 * body that only `body()` reads (`handOverBody`), and the link to a request signal nobody can abort.
 */
export interface Delivery {
  handOverBody: boolean;
  requestSignalUnused: boolean;
}

/** One call's traffic: the fetch openapi-fetch uses (the transport, with this call's options), and its request. */
export class Exchange {
  readonly init: CallInit;
  #request: Request | undefined;
  /** The transport's response, once it answered: a later SyntaxError can only be openapi-fetch parsing it. */
  #answer: Response | undefined;
  readonly #transport: Transport;
  readonly #call: CallOptions;
  /** The success body, when the transport hands it over (see `CallOptions.handOver`). */
  readonly #handOver: BodyHandOver | undefined;

  readonly #observe: ((request: Request) => void) | undefined;

  constructor(
    transport: Transport,
    key: string,
    options: RequestOptions | undefined,
    plan: { observe?: (request: Request) => void; search?: string },
    delivery: Delivery,
  ) {
    this.#transport = transport;
    const { requestSignalUnused } = delivery;
    const handOver = delivery.handOverBody ? {} : undefined;
    this.#handOver = handOver;
    this.#call = options
      ? {
          timeoutMs: options.timeoutMs,
          maxRetries: options.maxRetries,
          signal: options.signal,
          operationKey: key,
          handOver,
          requestSignalUnused,
        }
      : { operationKey: key, handOver, requestSignalUnused };
    const query = options?.query;
    const search = plan.search;
    this.#observe = plan.observe;
    this.init = {
      fetch: (request) => this.#send(request),
      headers: options?.headers,
      querySerializer:
        search !== undefined ? () => search : query ? (own) => serializeQuery({ ...own, ...query }) : undefined,
      parseAs: "stream",
    };
  }

  async #send(request: Request): Promise<Response> {
    this.#request = request;
    this.#observe?.(request);
    this.#answer = await this.#transport(request, this.#call);
    return this.#answer;
  }

  /**
   * The parsed success body, `undefined` for an empty one, or FrameioResponseError when it is not JSON. The
   * transport has already read the bytes (inside the attempt's deadline): parsing them here, rather than letting
   * openapi-fetch read the in-memory Response's stream again, saves about a third of the transport's cost per call.
   * A Response that middleware substituted is read normally.
   */
  body(response: Response): Promise<unknown> {
    const request = this.#request ?? { method: "", url: response.url };
    return readJsonBody(
      response,
      { method: request.method, url: request.url || response.url },
      this.#handOverOf(response),
    );
  }

  /** openapi-fetch parses success bodies itself: a body that is not JSON surfaces as a typed error. */
  failure(error: unknown): unknown {
    if (!(error instanceof SyntaxError) || !this.#answer || !this.#request) return error;
    const { method, url } = this.#request;
    const { status, headers } = this.#answer;
    const contentType = headers.get("content-type") ?? undefined;
    return new FrameioResponseError({
      status,
      method,
      url,
      contentType,
      attempts: this.#attempts(this.#answer),
      cause: error,
    });
  }

  /** The typed error of a failed response whose body openapi-fetch has already read into `body`. */
  apiError(response: Response, body: unknown): Promise<Error> {
    const copy = responseOfReadBody(response, body);
    const request = this.#request ?? { method: "", url: response.url };
    return apiErrorFromResponse(
      copy,
      { method: request.method, url: request.url || response.url },
      this.#attempts(response),
    );
  }

  /** How many attempts `response` took, when the transport answered it. */
  #attempts(response: Response): number | undefined {
    return attemptsOf(response) ?? this.#handOverOf(response)?.attempts;
  }

  /** The hand-over filled for `response`: only the transport's own answer has one. */
  #handOverOf(response: Response): BodyHandOver | undefined {
    return response === this.#answer ? this.#handOver : undefined;
  }
}
