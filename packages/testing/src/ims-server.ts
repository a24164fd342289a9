/**
 * An Adobe IMS stand-in for tests: oauth2-mock-server issues real signed tokens, runs the authorize redirect and
 * checks PKCE, served at the IMS paths (/ims/token/v3, /ims/authorize/v2, /ims/revoke). A thin layer in front adds
 * what IMS does and the mock does not: registered clients and their authentication, single-use codes, PKCE required
 * when a challenge was sent, refresh tokens only with `offline_access`, refresh-token rotation, revocation that
 * takes effect, a request log, and scripted faults (status codes, resets, hangs).
 */
import { createHash, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { Events, OAuth2Issuer, OAuth2Service } from "oauth2-mock-server";

export interface ImsClientRegistration {
  clientId: string;
  /** Omit for public clients (SPA, native). */
  clientSecret?: string;
}

export interface ImsServerOptions {
  clients: ImsClientRegistration[];
  /** Access-token lifetime; IMS answers 86399. */
  tokenTtlSeconds?: number;
  /** On refresh: issue a new refresh token and retire the old one (default), echo the same one, or omit it. */
  refreshTokens?: "rotate" | "reuse" | "omit";
}

export type ImsEndpoint = "token" | "revoke" | "authorize";

export type ImsFault =
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | { network: "reset" | "hang" };

export interface ImsRequest {
  endpoint: ImsEndpoint;
  query: Record<string, string>;
  form: Record<string, string>;
  /** The raw Authorization header, if any. */
  authorization: string | undefined;
}

interface Rejection {
  status: number;
  error: string;
  description: string;
}

interface CodeGrant {
  clientId: string;
  scope: string;
  redirectUri: string;
  challenge: string | undefined;
  used: boolean;
}

interface IssuedToken {
  clientId: string;
  scope: string;
  expiresAt: number;
  revoked: boolean;
}

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
  readonly #server: Server;
  readonly #clients: Map<string, ImsClientRegistration>;
  readonly #ttl: number;
  readonly #refreshPolicy: "rotate" | "reuse" | "omit";
  readonly #faults: Record<ImsEndpoint, ImsFault[]> = { token: [], revoke: [], authorize: [] };
  readonly #codes = new Map<string, CodeGrant>();
  readonly #accessTokens = new Map<string, IssuedToken>();
  readonly #refreshTokens = new Map<string, IssuedToken>();
  readonly #context = new WeakMap<object, { clientId: string; scope: string }>();
  #url = "";

  private constructor(options: ImsServerOptions, service: OAuth2Service) {
    this.#clients = new Map(options.clients.map((c) => [c.clientId, c]));
    this.#ttl = options.tokenTtlSeconds ?? 86399;
    this.#refreshPolicy = options.refreshTokens ?? "rotate";
    this.service = service;
    this.#server = createServer((req, res) => {
      this.#handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { error: "server_error", error_description: String(error) });
      });
    });
    service.on(Events.BeforeAuthorizeRedirect, (redirect: { url: URL }, req: IncomingMessage) => this.#onAuthorize(redirect.url, req));
    service.on(Events.BeforeTokenSigning, (token: { payload: Record<string, unknown> }) => {
      token.payload.exp = Math.floor(Date.now() / 1000) + this.#ttl;
      // Without a unique claim, two tokens minted in the same second would be byte-identical.
      token.payload.jti = randomUUID();
    });
    service.on(Events.BeforeResponse, (response: { body: Record<string, unknown> | "" }, req: IncomingMessage) =>
      this.#onTokenIssued(response.body, req),
    );
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
    if (response.status !== 302 || !location) throw new Error(`authorize answered ${response.status}: ${await response.text()}`);
    return new URL(location);
  }

  /** Whether the API should accept this access token: issued here, unexpired, unrevoked. */
  isActive(accessToken: string): boolean {
    const token = this.#accessTokens.get(accessToken);
    return token !== undefined && !token.revoked && token.expiresAt > Date.now();
  }

  isRevoked(token: string): boolean {
    return (this.#accessTokens.get(token) ?? this.#refreshTokens.get(token))?.revoked === true;
  }

  /** Simulates the 14-day refresh-token lifetime running out. */
  expireRefreshTokens(): void {
    for (const token of this.#refreshTokens.values()) token.revoked = true;
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
    const contentType = req.headers["content-type"] ?? "";
    const form = contentType.includes("application/x-www-form-urlencoded") ? toRecord(new URLSearchParams(body.toString())) : {};
    const request: ImsRequest = { endpoint, query: toRecord(url.searchParams), form, authorization: req.headers.authorization };
    this.requests.push(request);
    res.setHeader("Access-Control-Allow-Origin", "*");
    const fault = this.#faults[endpoint].shift();
    if (fault) return applyFault(fault, req, res);
    const client = this.#authenticate(request, endpoint === "authorize");
    if ("error" in client) return reject(res, client);
    const check = { token: this.#checkGrant, revoke: this.#revoke, authorize: this.#checkAuthorize }[endpoint];
    const rejection = check.call(this, request, client.clientId);
    if (rejection) return reject(res, rejection);
    if (endpoint === "authorize") return this.service.requestHandler(req, res);
    const replay = Object.assign(Readable.from([body]), { headers: req.headers, method: req.method, url: req.url });
    this.#context.set(replay, { clientId: client.clientId, scope: this.#grantedScope(request) });
    this.service.requestHandler(replay as unknown as IncomingMessage, res);
  }

  /** Confidential clients: HTTP Basic or client_secret_post. Public clients: client_id in the body or query. */
  #authenticate(request: ImsRequest, browser: boolean): { clientId: string } | Rejection {
    const basic = parseBasic(request.authorization);
    const clientId = basic?.[0] ?? request.form.client_id ?? request.query.client_id;
    const secret = basic?.[1] ?? request.form.client_secret;
    const client = clientId === undefined ? undefined : this.#clients.get(clientId);
    const invalid = { status: 401, error: "invalid_client", description: "unknown client or bad client authentication" };
    if (!client) return invalid;
    if (browser) return { clientId: client.clientId };
    if (client.clientSecret === undefined ? secret !== undefined : secret !== client.clientSecret) return invalid;
    return { clientId: client.clientId };
  }

  #checkGrant(request: ImsRequest, clientId: string): Rejection | undefined {
    const { form } = request;
    const invalidGrant = (description: string) => ({ status: 400, error: "invalid_grant", description });
    switch (form.grant_type) {
      case "client_credentials": {
        if (this.#clients.get(clientId)?.clientSecret === undefined) return { status: 400, error: "unauthorized_client", description: "public client" };
        return form.scope ? undefined : { status: 400, error: "invalid_scope", description: "scope is required" };
      }
      case "authorization_code": {
        const grant = form.code === undefined ? undefined : this.#codes.get(form.code);
        if (!grant || grant.used || grant.clientId !== clientId) return invalidGrant("unknown, used or foreign code");
        grant.used = true;
        if (form.redirect_uri !== undefined && form.redirect_uri !== grant.redirectUri) return invalidGrant("redirect_uri mismatch");
        if (grant.challenge === undefined) return undefined;
        const verifier = form.code_verifier ?? "";
        const challenge = createHash("sha256").update(verifier).digest("base64url");
        return challenge === grant.challenge ? undefined : invalidGrant("code_verifier does not match code_challenge");
      }
      case "refresh_token": {
        const token = form.refresh_token === undefined ? undefined : this.#refreshTokens.get(form.refresh_token);
        if (!token || token.revoked || token.clientId !== clientId) return invalidGrant("refresh token expired, revoked or unknown");
        return undefined;
      }
      default:
        return { status: 400, error: "unsupported_grant_type", description: String(form.grant_type) };
    }
  }

  /** IMS requires PKCE from public clients; this stand-in supports only the S256 method. */
  #checkAuthorize(request: ImsRequest, clientId: string): Rejection | undefined {
    const { query } = request;
    const isPublic = this.#clients.get(clientId)?.clientSecret === undefined;
    const pkceOk = query.code_challenge ? query.code_challenge_method === "S256" : !isPublic;
    if (query.redirect_uri && query.response_type === "code" && pkceOk) return undefined;
    return { status: 400, error: "invalid_request", description: "redirect_uri, response_type=code and (for public clients) an S256 code_challenge are required" };
  }

  #revoke(request: ImsRequest, clientId: string): Rejection | undefined {
    const token = request.form.token;
    if (!token) return { status: 400, error: "invalid_request", description: "token is required" };
    for (const issued of [this.#accessTokens.get(token), this.#refreshTokens.get(token)]) {
      if (issued?.clientId === clientId) issued.revoked = true;
    }
    return undefined;
  }

  #grantedScope(request: ImsRequest): string {
    const { form } = request;
    if (form.grant_type === "authorization_code") return this.#codes.get(form.code ?? "")?.scope ?? "";
    if (form.grant_type === "refresh_token") return this.#refreshTokens.get(form.refresh_token ?? "")?.scope ?? "";
    return form.scope ?? "";
  }

  #onAuthorize(url: URL, req: IncomingMessage): void {
    const query = new URL(req.url ?? "/", this.#url).searchParams;
    const code = url.searchParams.get("code");
    if (!code) return;
    this.#codes.set(code, {
      clientId: query.get("client_id") ?? "",
      scope: query.get("scope") ?? "",
      redirectUri: query.get("redirect_uri") ?? "",
      challenge: query.get("code_challenge") ?? undefined,
      used: false,
    });
  }

  /** Reshapes the mock's answer into IMS's and records what was issued. */
  #onTokenIssued(body: Record<string, unknown> | "", req: IncomingMessage): void {
    const context = this.#context.get(req);
    if (body === "" || !context) return;
    const form = (req as IncomingMessage & { body: Record<string, string> }).body;
    const record = (): IssuedToken => ({ ...context, expiresAt: Date.now() + this.#ttl * 1000, revoked: false });
    body.token_type = "bearer";
    body.expires_in = this.#ttl;
    delete body.scope;
    this.#accessTokens.set(String(body.access_token), record());
    const offline = context.scope.split(/[\s,]+/).includes("offline_access");
    if (form.grant_type === "refresh_token" && this.#refreshPolicy !== "rotate") {
      if (this.#refreshPolicy === "reuse") body.refresh_token = form.refresh_token;
      else delete body.refresh_token;
      return;
    }
    if (!offline || body.refresh_token === undefined) {
      delete body.refresh_token;
      return;
    }
    const previous = this.#refreshTokens.get(form.refresh_token ?? "");
    if (previous) previous.revoked = true;
    this.#refreshTokens.set(String(body.refresh_token), record());
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

function reject(res: ServerResponse, rejection: Rejection): void {
  sendJson(res, rejection.status, { error: rejection.error, error_description: rejection.description });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json", "access-control-allow-origin": "*" }).end(JSON.stringify(body));
}

function parseBasic(header: string | undefined): [string, string] | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? "");
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? undefined : [decoded.slice(0, colon), decoded.slice(colon + 1)];
}

function toRecord(params: URLSearchParams): Record<string, string> {
  return Object.fromEntries(params.entries());
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
