import {
  AuthNetworkError,
  FrameioConnectionError,
  FrameioRedirectError,
  FrameioTimeoutError,
  ImsError,
  RefreshTokenExpiredError,
  TooManyRequestsError,
} from "../errors/index.js";
import { attemptsOf } from "../internal/attempts.js";
import { jsonOrText } from "../internal/json-or-text.js";
import type { Sleep } from "../internal/sleep.js";
import { createTransport, type Transport } from "../internal/transport.js";
import { resolveRetryPolicy } from "../retry/policy.js";
import { base64 } from "./base64.js";
import type { ImsTokenResponse } from "./token-response.js";

export type { ImsTokenResponse } from "./token-response.js";

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
 * Form-encoded POSTs to the IMS token and revoke endpoints through the kit's transport pipeline: per-attempt
 * deadline over headers and body, the retry policy (429, 408, 5xx and connection failures), typed errors, and no
 * redirects ever followed, so a secret or code is never re-posted to another URL.
 */
export class ImsClient {
  readonly #options: ImsClientOptions;
  readonly #transport: Transport;

  constructor(options: ImsClientOptions) {
    this.#options = options;
    this.#transport = createTransport({
      fetch: options.fetch,
      timeoutMs: options.timeoutMs,
      // Token and revoke POSTs are safe to repeat: a repeated grant at worst fails with invalid_grant.
      retry: resolveRetryPolicy({ maxRetries: options.maxRetries, sleep: options.sleep, retryNonIdempotent: "always" }),
      redirect: "never",
    });
  }

  async token(params: Record<string, string>): Promise<ImsTokenResponse> {
    const reply = await this.#post("token", params);
    const body = jsonOrText(reply.text);
    if (reply.status !== 200) {
      const init = this.#errorInit("token", reply, body, params);
      const expired = params.grant_type === "refresh_token" && init.error === "invalid_grant";
      throw expired ? new RefreshTokenExpiredError(init) : new ImsError(init);
    }
    // The check (and zod with it) loads with the first token response: zod is most of the kit's import time
    // (about 45 ms in Node) and of its browser entry, and a program with a static token never needs it.
    const { parseTokenResponse } = await import("./token-response.js");
    const parsed = parseTokenResponse(body);
    if ("invalid" in parsed) {
      throw new ImsError({
        status: reply.status,
        error: "invalid_response",
        errorDescription: `the token response is malformed at: ${parsed.invalid.join(", ")}`,
        endpoint: "token",
        attempts: reply.attempts,
      });
    }
    return parsed;
  }

  /** Revokes one access or refresh token (RFC 7009: 200 even when the token was already invalid). */
  async revoke(token: string): Promise<void> {
    const params = { token };
    const reply = await this.#post("revoke", params);
    if (reply.status !== 200) throw new ImsError(this.#errorInit("revoke", reply, jsonOrText(reply.text), params));
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
    try {
      const response = await this.#transport(new Request(url, { method: "POST", headers, body: form }));
      return { status: response.status, text: await response.text(), attempts: attemptsOf(response) ?? 1 };
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
      if (error instanceof FrameioRedirectError) {
        const where = error.location ?? "an unreadable location";
        throw new ImsError({
          status: error.status,
          error: "unexpected_redirect",
          errorDescription: `IMS redirected to ${where}; redirects are never followed, nothing was re-sent`,
          endpoint,
          attempts: error.attempts,
        });
      }
      throw error;
    }
  }

  #errorInit(endpoint: string, reply: ImsReply, body: unknown, params: Record<string, string>) {
    const { error, error_description: description } = (body ?? {}) as { error?: unknown; error_description?: unknown };
    const secrets = SECRET_PARAMS.map((key) => params[key]);
    if (this.#options.clientAuth.method !== "none") secrets.push(this.#options.clientAuth.clientSecret);
    return {
      status: reply.status,
      error:
        typeof error === "string" && /^[\w.-]{1,100}$/.test(error)
          ? redactValues(error, secrets)
          : `http_${reply.status}`,
      errorDescription: typeof description === "string" ? redactValues(description, secrets) : undefined,
      endpoint,
      attempts: reply.attempts,
    };
  }
}

function redactValues(text: string, secrets: Array<string | undefined>): string {
  return secrets.reduce<string>((out, secret) => (secret ? out.split(secret).join("[REDACTED]") : out), text);
}
