/**
 * An Adobe IMS stand-in for tests. oauth2-mock-server issues real signed tokens, runs the authorize redirect and
 * checks PKCE, at the IMS paths (/ims/token/v3, /ims/authorize/v2, /ims/revoke). In front of it sit the IMS rules
 * the mock lacks (see ims-ledger.ts), a request log, and scripted faults (status codes, resets, hangs).
 *
 *   const ims = await ImsServer.start({ clients: [{ clientId: "id", clientSecret: "secret" }] });
 *   new ServerToServerAuth({ clientId: "id", clientSecret: "secret", imsBaseUrl: ims.url });
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { Events, OAuth2Issuer, OAuth2Service } from "oauth2-mock-server";
import {
  type Grant,
  type ImsClientRegistration,
  type ImsEndpoint,
  ImsLedger,
  type ImsRequest,
  type RefreshPolicy,
} from "./ims-ledger.js";

export type { ImsClientRegistration, ImsEndpoint, ImsRequest, RefreshPolicy } from "./ims-ledger.js";

export interface ImsServerOptions {
  clients: ImsClientRegistration[];
  /** Access-token lifetime; IMS answers 86399. */
  tokenTtlSeconds?: number;
  /** Default "rotate": every refresh issues a new refresh token and retires the old one. */
  refreshTokens?: RefreshPolicy;
}

export type ImsFault =
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | { network: "reset" | "hang" };

const ENDPOINTS: Record<string, ImsEndpoint> = {
  "POST /ims/token/v3": "token",
  "POST /ims/revoke": "revoke",
  "GET /ims/authorize/v2": "authorize",
};

export class ImsServer {
  /** Every token, revoke and authorize request, in arrival order. */
  readonly requests: ImsRequest[] = [];
  /** The underlying oauth2-mock-server service, for per-test hooks (`Events`). */
  readonly service: OAuth2Service;
  readonly #ledger: ImsLedger;
  readonly #server: Server;
  readonly #faults: Record<ImsEndpoint, ImsFault[]> = { token: [], revoke: [], authorize: [] };
  /** The grant behind each request handed to the mock, keyed by the replayed request object. */
  readonly #grants = new WeakMap<object, Grant>();
  #url = "";

  private constructor(options: ImsServerOptions, service: OAuth2Service) {
    const ttlSeconds = options.tokenTtlSeconds ?? 86399;
    this.#ledger = new ImsLedger(options.clients, ttlSeconds, options.refreshTokens ?? "rotate");
    this.service = service;
    this.#server = createServer((req, res) => {
      this.#handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { error: "server_error", error_description: String(error) });
      });
    });
    service.on(Events.BeforeAuthorizeRedirect, (redirect: { url: URL }, req: IncomingMessage) => {
      this.#ledger.recordCode(redirect.url, new URL(req.url ?? "/", this.#url).searchParams);
    });
    service.on(Events.BeforeTokenSigning, (token: { payload: Record<string, unknown> }) => {
      token.payload.exp = Math.floor(Date.now() / 1000) + ttlSeconds;
      // Without a unique claim, two tokens minted in the same second would be byte-identical.
      token.payload.jti = randomUUID();
    });
    service.on(Events.BeforeResponse, (response: { body: Record<string, unknown> | "" }, req: IncomingMessage) => {
      const grant = this.#grants.get(req);
      const form = (req as IncomingMessage & { body: Record<string, string> }).body;
      if (response.body !== "" && grant) this.#ledger.recordIssue(response.body, form, grant);
    });
  }

  static async start(options: ImsServerOptions): Promise<ImsServer> {
    const issuer = new OAuth2Issuer();
    await issuer.keys.generate("RS256");
    const service = new OAuth2Service(issuer, {
      wellKnownDocument: "/ims/.well-known/openid-configuration",
      token: "/ims/token/v3",
      authorize: "/ims/authorize/v2",
      revoke: "/ims/revoke",
      userinfo: "/ims/userinfo/v2",
      jwks: "/ims/keys",
    });
    const ims = new ImsServer(options, service);
    await new Promise<void>((resolve) => ims.#server.listen(0, "127.0.0.1", resolve));
    ims.#url = `http://127.0.0.1:${(ims.#server.address() as AddressInfo).port}`;
    issuer.url = ims.#url;
    return ims;
  }

  /** The value for `imsBaseUrl`. */
  get url(): string {
    return this.#url;
  }

  tokenRequests(grantType?: string): ImsRequest[] {
    return this.requests.filter((r) => r.endpoint === "token" && (!grantType || r.form.grant_type === grantType));
  }

  /** The next `times` requests to `endpoint` get `fault` instead of being served. */
  failNext(endpoint: ImsEndpoint, fault: ImsFault, times = 1): void {
    for (let i = 0; i < times; i++) this.#faults[endpoint].push(fault);
  }

  /** Plays the browser's part of sign-in: opens the authorize URL and returns where IMS redirected. */
  async followAuthorize(authorizeUrl: string): Promise<URL> {
    const response = await fetch(authorizeUrl, { redirect: "manual" });
    const location = response.headers.get("location");
    if (response.status !== 302 || !location) {
      throw new Error(`authorize answered ${response.status}: ${await response.text()}`);
    }
    return new URL(location);
  }

  /** Whether an API should accept this access token: issued here, unexpired, unrevoked. */
  isActive(accessToken: string): boolean {
    return this.#ledger.isActive(accessToken);
  }

  isRevoked(token: string): boolean {
    return this.#ledger.isRevoked(token);
  }

  /** Simulates the 14-day refresh-token lifetime running out. */
  expireRefreshTokens(): void {
    this.#ledger.expireRefreshTokens();
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.#url);
    const endpoint = ENDPOINTS[`${req.method} ${url.pathname}`];
    if (!endpoint) return this.service.requestHandler(req, res);
    const body = req.method === "POST" ? await readBody(req) : Buffer.alloc(0);
    const isForm = (req.headers["content-type"] ?? "").includes("application/x-www-form-urlencoded");
    const request: ImsRequest = {
      endpoint,
      query: Object.fromEntries(url.searchParams),
      form: isForm ? Object.fromEntries(new URLSearchParams(body.toString())) : {},
      authorization: req.headers.authorization,
    };
    this.requests.push(request);
    res.setHeader("Access-Control-Allow-Origin", "*");
    const fault = this.#faults[endpoint].shift();
    if (fault) return applyFault(fault, req, res);
    const outcome = this.#ledger.check(request);
    if ("error" in outcome) {
      return sendJson(res, outcome.status, { error: outcome.error, error_description: outcome.description });
    }
    if (endpoint === "authorize") return this.service.requestHandler(req, res);
    // The body was read above; the mock gets a replay of the same request.
    const replay = Object.assign(Readable.from([body]), { headers: req.headers, method: req.method, url: req.url });
    this.#grants.set(replay, outcome);
    this.service.requestHandler(replay as unknown as IncomingMessage, res);
  }
}

function applyFault(fault: ImsFault, req: IncomingMessage, res: ServerResponse): void {
  if ("network" in fault) {
    if (fault.network === "reset") req.socket.destroy();
    return; // "hang": never answer; close() tears the socket down.
  }
  for (const [name, value] of Object.entries(fault.headers ?? {})) res.setHeader(name, value);
  const text = fault.body === undefined ? "" : typeof fault.body === "string" ? fault.body : JSON.stringify(fault.body);
  if (typeof fault.body === "object") res.setHeader("content-type", "application/json");
  res.writeHead(fault.status).end(text);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json", "access-control-allow-origin": "*" });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
