import {
  AuthNetworkError,
  FrameioConnectionError,
  FrameioTimeoutError,
  ImsError,
  RefreshTokenExpiredError,
  TooManyRequestsError,
} from "../errors/index.js";
import type { Sleep } from "../internal/sleep.js";
import { resolveRetryPolicy, type RetryPolicy, runWithRetry } from "../retry/index.js";
import { base64 } from "./base64.js";

/** IMS paths, fixed by Adobe; tests point `imsBaseUrl` at a stand-in serving the same paths. */
export const IMS_PATHS = { authorize: "/ims/authorize/v2", token: "/ims/token/v3", revoke: "/ims/revoke" } as const;

/**
 * How a credential proves itself to IMS. Web apps use HTTP Basic, server-to-server credentials send the secret as
 * form fields (the only form Adobe documents for client_credentials), SPA and native apps are public clients.
 */
export type ClientAuth =
  | { method: "basic"; clientId: string; clientSecret: string }
  | { method: "post"; clientId: string; clientSecret: string }
  | { method: "none"; clientId: string };

/** The token endpoint's JSON answer, after shape checks. */
export interface ImsTokenResponse {
  access_token: string;
  expires_in: number;
  refresh_token?: string;
  id_token?: string;
}

export interface ImsClientOptions {
  baseUrl: string;
  clientAuth: ClientAuth;
  fetch: typeof fetch;
  timeoutMs: number;
  maxRetries: number;
  sleep: Sleep;
}

interface ImsReply {
  status: number;
  text: string;
  attempts: number;
}

/** Form parameters whose values must never surface in an error message. */
const SECRET_PARAMS = ["client_secret", "refresh_token", "code", "code_verifier", "token"];

/**
 * Form-encoded POSTs to the IMS token and revoke endpoints, with per-attempt timeouts, the kit's retry policy
 * (429, 408 and 5xx and connection failures, backoff with jitter, Retry-After honoured) and typed errors.
 */
export class ImsClient {
  readonly #options: ImsClientOptions;
  readonly #policy: RetryPolicy;

  constructor(options: ImsClientOptions) {
    this.#options = options;
    // Token and revoke POSTs are safe to repeat: a repeated grant at worst fails with invalid_grant.
    this.#policy = resolveRetryPolicy({
      maxRetries: options.maxRetries,
      sleep: options.sleep,
      retryNonIdempotent: "always",
    });
  }

  async token(params: Record<string, string>): Promise<ImsTokenResponse> {
    const reply = await this.#post("token", params);
    const body = parseJson(reply.text);
    if (reply.status !== 200) {
      const init = this.#errorInit("token", reply, body, params);
      const expired = params.grant_type === "refresh_token" && init.error === "invalid_grant";
      throw expired ? new RefreshTokenExpiredError(init) : new ImsError(init);
    }
    const response = body as Partial<ImsTokenResponse> | undefined;
    const expiresIn = Number(response?.expires_in);
    if (typeof response?.access_token !== "string" || response.access_token === "" || !(expiresIn > 0)) {
      throw new ImsError({
        status: reply.status,
        error: "invalid_response",
        errorDescription: "the token response lacks access_token or a positive expires_in",
        endpoint: "token",
        attempts: reply.attempts,
      });
    }
    return {
      access_token: response.access_token,
      expires_in: expiresIn,
      refresh_token: nonEmpty(response.refresh_token),
      id_token: nonEmpty(response.id_token),
    };
  }

  /** Revokes one access or refresh token (RFC 7009: 200 even when the token was already invalid). */
  async revoke(token: string): Promise<void> {
    const params = { token };
    const reply = await this.#post("revoke", params);
    if (reply.status !== 200) throw new ImsError(this.#errorInit("revoke", reply, parseJson(reply.text), params));
  }

  async #post(endpoint: "token" | "revoke", params: Record<string, string>): Promise<ImsReply> {
    const { baseUrl, clientAuth } = this.#options;
    const url = baseUrl + IMS_PATHS[endpoint];
    const form = new URLSearchParams(params);
    const headers: Record<string, string> = { accept: "application/json" };
    // Public clients name themselves in the body (RFC 6749 §2.3): IMS reads it from the body or the query string
    // alike, and the body keeps every request to one encoding.
    form.set("client_id", clientAuth.clientId);
    if (clientAuth.method === "post") form.set("client_secret", clientAuth.clientSecret);
    if (clientAuth.method === "basic") {
      form.delete("client_id");
      const credentials = new TextEncoder().encode(`${clientAuth.clientId}:${clientAuth.clientSecret}`);
      headers.authorization = `Basic ${base64(credentials)}`;
    }
    let attempts = 1;
    try {
      const result = await runWithRetry({ method: "POST", url }, () => this.#attempt(url, headers, form), this.#policy);
      attempts = result.attempts;
      return { status: result.response.status, text: await result.response.text(), attempts };
    } catch (error) {
      if (error instanceof FrameioConnectionError || error instanceof FrameioTimeoutError) {
        const timedOut = error instanceof FrameioTimeoutError;
        throw new AuthNetworkError({ url, timedOut, attempts: error.attempts, cause: error });
      }
      if (error instanceof TooManyRequestsError) {
        // IMS asked for a wait longer than we are willing to block a getToken() for.
        const reply = { status: 429, text: "", attempts: error.attempts };
        throw new ImsError(this.#errorInit(endpoint, reply, error.body, params));
      }
      // The body stalled past the timeout after the headers arrived.
      if (isTimeout(error)) throw new AuthNetworkError({ url, timedOut: true, attempts, cause: error });
      throw error;
    }
  }

  /** One request; the timeout also covers reading the body, so a stalled IMS cannot hang a refresh. */
  async #attempt(url: string, headers: Record<string, string>, body: URLSearchParams): Promise<Response> {
    const { timeoutMs } = this.#options;
    try {
      return await this.#options.fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(timeoutMs) });
    } catch (cause) {
      throw isTimeout(cause)
        ? new FrameioTimeoutError({ timeoutMs, method: "POST", url, cause })
        : new FrameioConnectionError({ method: "POST", url, cause });
    }
  }

  #errorInit(endpoint: string, reply: ImsReply, body: unknown, params: Record<string, string>) {
    const { error, error_description: description } = (body ?? {}) as { error?: unknown; error_description?: unknown };
    const secrets = SECRET_PARAMS.map((key) => params[key]);
    if (this.#options.clientAuth.method !== "none") secrets.push(this.#options.clientAuth.clientSecret);
    return {
      status: reply.status,
      error: typeof error === "string" && error !== "" ? error : `http_${reply.status}`,
      errorDescription: typeof description === "string" ? redactValues(description, secrets) : undefined,
      endpoint,
      attempts: reply.attempts,
    };
  }
}

function isTimeout(cause: unknown): boolean {
  return (cause as { name?: unknown } | null)?.name === "TimeoutError";
}

function redactValues(text: string, secrets: Array<string | undefined>): string {
  return secrets.reduce<string>((out, secret) => (secret ? out.split(secret).join("[REDACTED]") : out), text);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}
