import { type FaultServer, startFaultServer } from "@frameio-sdk/testing/fault-server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  FrameioConnectionError,
  FrameioRedirectError,
  FrameioResponseError,
  FrameioTimeoutError,
  FrameioValidationError,
  type RetryOptions,
  type Throttle,
  TooManyRequestsError,
} from "../src/index.js";
import {
  attemptsOf,
  createTransport,
  readJsonBody,
  resolveRetryPolicy,
  type TransportOptions,
} from "../src/internal.js";

let api: FaultServer;
let other: FaultServer;
let sleeps: number[];

beforeEach(async () => {
  [api, other] = await Promise.all([startFaultServer(), startFaultServer()]);
  sleeps = [];
});
afterEach(async () => {
  await Promise.all([api.close(), other.close()]);
});

const TOKEN = "tok-SECRET-abc123";

function transport(options: Partial<TransportOptions> & { retryOptions?: RetryOptions } = {}) {
  const { retryOptions, ...rest } = options;
  return createTransport({
    baseUrl: `${api.url}/v4`,
    token: TOKEN,
    timeoutMs: 10_000,
    retry: resolveRetryPolicy({ sleep: async (ms) => void sleeps.push(ms), random: () => 0.5, ...retryOptions }),
    ...rest,
  });
}

const post = (url: string, body: unknown) =>
  new Request(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("transport: deadline", () => {
  it("times out an attempt whose body stalls after the headers, and retries it", async () => {
    api.script("/v4/me", [
      { kind: "hang", when: "mid-body" },
      { kind: "hang", when: "mid-body" },
    ]);
    const send = transport({ timeoutMs: 300, retryOptions: { maxRetries: 1 } });
    const failure = await send(new Request(`${api.url}/v4/me`)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(FrameioTimeoutError);
    expect((failure as FrameioTimeoutError).attempts).toBe(2);
  });

  it("bounds the error body the retry loop throws away: a stalled non-JSON 503 times out, never hangs", async () => {
    // retry() reads only JSON bodies inside the attempt; a proxy's HTML 503 that stalls must still be bounded.
    const stalled503 = {
      kind: "hang",
      when: "mid-body",
      status: 503,
      headers: { "content-type": "text/html" },
    } as const;
    api.script("/v4/me", [stalled503, stalled503]);
    const send = transport({ buffer: "json", timeoutMs: 300, retryOptions: { maxRetries: 1 } });
    const failure = await send(new Request(`${api.url}/v4/me`)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(FrameioTimeoutError);
    expect((failure as FrameioTimeoutError).attempts).toBe(2);
  });

  it("ends an attempt on time even when fetch ignores its signal, and cancels the response that arrives late", async () => {
    // What a dropped abort link looks like from outside: a fetch that never hears the abort.
    let answer: (response: Response) => void = () => undefined;
    const deafFetch = () =>
      new Promise<Response>((resolve) => {
        answer = resolve;
      });
    const failure = await transport({ fetch: deafFetch, timeoutMs: 30, retryOptions: { maxRetries: 0 } })(
      new Request(`${api.url}/v4/me`),
    ).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(FrameioTimeoutError);
    const late = new Response(new ReadableStream({ pull: () => undefined }));
    answer(late);
    // Cancelled, not left holding a connection: its body can no longer be read.
    await vi.waitFor(() => expect(late.bodyUsed).toBe(true));
  });

  it("treats timeoutMs Infinity as no deadline", async () => {
    api.script("/v4/me", [{ status: 200, body: { data: { id: "u1" } }, delayHeadersMs: 50 }]);
    const response = await transport({ timeoutMs: Number.POSITIVE_INFINITY })(new Request(`${api.url}/v4/me`));
    expect(await response.json()).toEqual({ data: { id: "u1" } });
  });

  it("refuses a bad baseUrl or token source at creation, naming each", () => {
    const failure = (() => {
      try {
        transport({ baseUrl: "file:///etc", token: 5 as unknown as string });
      } catch (error) {
        return error;
      }
    })();
    expect(failure).toBeInstanceOf(FrameioValidationError);
    expect((failure as FrameioValidationError).issues.map((issue) => issue.path)).toEqual(["baseUrl", "token"]);
  });

  it("refuses a finite timeoutMs the platform timer cannot hold, before any request", () => {
    for (const timeoutMs of [2 ** 31, Number.NaN, 0, -1]) {
      expect(() => transport({ timeoutMs })).toThrow(FrameioValidationError);
    }
    expect(api.requests).toHaveLength(0);
  });
});

describe("transport: redirects", () => {
  for (const status of [301, 302, 303, 307, 308]) {
    it(`a POST answered ${status} is an error naming the Location, and nothing is re-sent`, async () => {
      const location = `${other.url}/v4/elsewhere`;
      api.script("/v4/comments", [{ status, headers: { location } }]);
      const failure = await transport()(post(`${api.url}/v4/comments`, { data: { text: "hi" } })).catch(
        (e: unknown) => e,
      );
      expect(failure).toBeInstanceOf(FrameioRedirectError);
      expect((failure as FrameioRedirectError).location).toBe(location);
      expect((failure as Error).message).toContain(location);
      expect(api.requestsTo("/v4/comments")).toHaveLength(1);
      expect(other.requests).toHaveLength(0);
    });
  }

  it("follows a same-origin GET redirect with the token", async () => {
    api.script("/v4/old", [{ status: 301, headers: { location: "/v4/new" } }]);
    api.script("/v4/new", [{ status: 200, body: { data: { id: "n" } } }]);
    const response = await transport()(new Request(`${api.url}/v4/old`));
    expect(await response.json()).toEqual({ data: { id: "n" } });
    expect(api.requestsTo("/v4/new")[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it("follows a cross-origin GET redirect without the token or other credentials", async () => {
    api.script("/v4/file", [{ status: 302, headers: { location: `${other.url}/blob` } }]);
    other.script("/blob", [{ status: 200, body: { ok: true } }]);
    const request = new Request(`${api.url}/v4/file`, { headers: { cookie: "session=1", "x-api-key": "key-1" } });
    const response = await transport()(request);
    expect(await response.json()).toEqual({ ok: true });
    expect(api.requestsTo("/v4/file")[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    const hop = other.requestsTo("/blob")[0];
    expect(hop?.headers.authorization).toBeUndefined();
    expect(hop?.headers.cookie).toBeUndefined();
    expect(hop?.headers["x-api-key"]).toBeUndefined();
    expect(api.requestsTo("/v4/file")[0]?.headers["x-api-key"]).toBe("key-1");
  });

  it("stops after too many hops", async () => {
    api.fallback(() => ({ status: 302, headers: { location: "/v4/loop" } }));
    const failure = await transport()(new Request(`${api.url}/v4/loop`)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(FrameioRedirectError);
    expect(api.requests.length).toBeLessThanOrEqual(6);
  });

  it("a browser's opaque redirect (status 0) is an error, never a silent success", async () => {
    // What browsers hand back for `redirect: "manual"`; Node cannot produce one, so a custom fetch plays it.
    const opaque = () => {
      const response = new Response(null, { status: 200 });
      Object.defineProperties(response, {
        type: { value: "opaqueredirect" },
        status: { value: 0 },
        ok: { value: false },
      });
      return Promise.resolve(response);
    };
    const failure = await transport({ fetch: opaque })(new Request(`${api.url}/v4/me`)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(FrameioRedirectError);
    expect((failure as FrameioRedirectError).status).toBe(0);
    expect((failure as FrameioRedirectError).location).toBeUndefined();
  });

  it('with redirect "never", even a GET redirect is an error', async () => {
    api.script("/v4/old", [{ status: 307, headers: { location: `${other.url}/x` } }]);
    const failure = await transport({ redirect: "never" })(new Request(`${api.url}/v4/old`)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(FrameioRedirectError);
    expect(other.requests).toHaveLength(0);
  });
});

describe("transport: token", () => {
  it("sends the token only under the baseUrl prefix", async () => {
    api.script("/v4/me", [{ status: 200, body: {} }]);
    api.script("/health", [{ status: 200, body: {} }]);
    const send = transport();
    await send(new Request(`${api.url}/v4/me`));
    await send(new Request(`${api.url}/health`));
    expect(api.requestsTo("/v4/me")[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(api.requestsTo("/health")[0]?.headers.authorization).toBeUndefined();
  });

  for (const [label, bad] of [
    ["LF", `${TOKEN}\n`],
    ["CR LF", `${TOKEN}\r\nx-evil: 1`],
    ["NUL", `${TOKEN}\0`],
  ] as const) {
    it(`a token with ${label} is a validation error: no request, no retry, token redacted`, async () => {
      // As a string it is refused when the transport is made; from a function, on the call.
      expect(() => transport({ token: bad })).toThrow(FrameioValidationError);
      const failure = await transport({ token: () => bad })(new Request(`${api.url}/v4/me`)).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(FrameioValidationError);
      const error = failure as FrameioValidationError;
      expect(error.issues[0]?.path).toBe("token");
      for (const text of [error.message, String(error.stack), JSON.stringify(error)]) expect(text).not.toContain(TOKEN);
      expect(api.requests).toHaveLength(0);
      expect(sleeps).toEqual([]);
    });
  }

  it("renews once after a 401 with a renewable provider, without spending a retry", async () => {
    const tokens = ["old-token", "new-token"];
    const refused: string[] = [];
    const provider = {
      getToken: async () => tokens[0] as string,
      invalidate: (t?: string) => {
        refused.push(String(t));
        tokens.shift();
      },
    };
    api.script("/v4/me", [
      { status: 401, body: {} },
      { status: 200, body: { data: {} } },
    ]);
    const response = await transport({ token: provider, retryOptions: { maxRetries: 0 } })(
      new Request(`${api.url}/v4/me`),
    );
    expect(response.status).toBe(200);
    expect(attemptsOf(response)).toBe(2);
    expect(refused).toEqual(["old-token"]);
    expect(api.requestsTo("/v4/me").map((r) => r.headers.authorization)).toEqual([
      "Bearer old-token",
      "Bearer new-token",
    ]);
  });

  it("an object with only getToken() works, and its 401 comes back as is", async () => {
    api.script("/v4/me", [
      { status: 200, body: {} },
      { status: 401, body: { errors: [] } },
    ]);
    const send = transport({ token: { getToken: () => "plain" } });
    expect((await send(new Request(`${api.url}/v4/me`))).status).toBe(200);
    expect((await send(new Request(`${api.url}/v4/me`))).status).toBe(401);
    expect(api.requestsTo("/v4/me")).toHaveLength(2);
  });

  it("passes the throttle a scope key that is not the token", async () => {
    const seen: Array<string | undefined> = [];
    const throttle: Throttle = {
      acquire: async (_key, _signal, scopeKey) => void seen.push(scopeKey),
      observe: (_key, _headers, scopeKey) => void seen.push(scopeKey),
    };
    api.script("/v4/me", [{ status: 200, body: {} }]);
    await transport({ throttle })(new Request(`${api.url}/v4/me`), { operationKey: "users.me" });
    expect(seen).toHaveLength(2);
    expect(seen[0]).toMatch(/^sha256:[0-9a-f]{32}$/);
    expect(seen[1]).toBe(seen[0]);
  });
});

describe("transport: waits and retries", () => {
  const waitsFor = async (headers: Record<string, string>) => {
    api.script("/v4/me", [
      { status: 429, headers },
      { status: 200, body: {} },
    ]);
    await transport()(new Request(`${api.url}/v4/me`));
    return sleeps;
  };

  it("a 429 waits at least 1 s, whatever Retry-After says", async () => {
    const past = new Date(Date.now() - 60_000).toUTCString();
    const variants: Record<string, string>[] = [
      { "retry-after": "0" },
      { "retry-after": "-5" },
      { "retry-after": past },
      { "retry-after-ms": "0" },
    ];
    for (const headers of variants) {
      sleeps = [];
      expect(await waitsFor(headers)).toEqual([1_000]);
    }
  });

  it("caps a huge x-ratelimit-window at maxDelayMs", async () => {
    expect(await waitsFor({ "x-ratelimit-limit": "1", "x-ratelimit-window": "3600000" })).toEqual([8_000]);
  });

  it("throws TooManyRequestsError at once when Retry-After exceeds maxRetryAfterMs", async () => {
    api.script("/v4/me", [{ status: 429, headers: { "retry-after": "3600" } }]);
    const failure = await transport()(new Request(`${api.url}/v4/me`)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(TooManyRequestsError);
    expect(sleeps).toEqual([]);
  });

  it("replays a POST body byte for byte after a 503", async () => {
    api.script("/v4/comments", [{ status: 503 }, { status: 201, body: { data: {} } }]);
    const response = await transport()(post(`${api.url}/v4/comments`, { data: { text: "héllo" } }));
    expect(response.status).toBe(201);
    const bodies = api.requestsTo("/v4/comments").map((r) => r.body.toString("utf8"));
    expect(bodies).toEqual([JSON.stringify({ data: { text: "héllo" } }), JSON.stringify({ data: { text: "héllo" } })]);
  });

  it("retries a connection reset in the middle of a success body and returns the full body", async () => {
    api.script("/v4/me", [
      { kind: "reset", when: "mid-body" },
      { status: 200, body: { data: { id: "ok" } } },
    ]);
    const response = await transport()(new Request(`${api.url}/v4/me`));
    expect(await response.json()).toEqual({ data: { id: "ok" } });
    expect(attemptsOf(response)).toBe(2);
  });

  it.each([
    ["before-headers", "before-response", "failed before a response arrived"],
    ["mid-body", "reading-body", "failed while reading the response body"],
  ] as const)(
    "reports a reset %s on every attempt with the attempt count and the phase (%s)",
    async (when, phase, says) => {
      api.script(
        "/v4/me",
        [0, 1, 2].map(() => ({ kind: "reset" as const, when })),
      );
      const failure = await transport()(new Request(`${api.url}/v4/me`)).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(FrameioConnectionError);
      expect(failure).toMatchObject({ attempts: 3, phase });
      expect((failure as Error).message).toMatch(new RegExp(`^GET \\S+ ${says}`));
    },
  );

  it("rejects with the caller's abort reason", async () => {
    api.script("/v4/me", [{ kind: "hang" }]);
    const controller = new AbortController();
    const pending = transport()(new Request(`${api.url}/v4/me`), { signal: controller.signal });
    const reason = new Error("caller left");
    setTimeout(() => controller.abort(reason), 50);
    await expect(pending).rejects.toBe(reason);
  });
});

describe("transport: failures before sending, and unreadable bodies", () => {
  it("retries a POST whose connection was refused (it never left), then reports the attempts", async () => {
    const { createServer } = await import("node:net");
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as { port: number };
    await new Promise((resolve) => closed.close(resolve));
    const url = `http://127.0.0.1:${port}/v4/comments`;
    const failure = await createTransport({
      baseUrl: `http://127.0.0.1:${port}`,
      timeoutMs: 5_000,
      retry: resolveRetryPolicy({ sleep: async () => undefined }),
    })(post(url, { data: {} })).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(FrameioConnectionError);
    expect((failure as FrameioConnectionError).attempts).toBe(3);
  });

  it("wraps whatever a custom fetch throws in a FrameioConnectionError with the original as cause", async () => {
    const down = new Error("proxy unavailable");
    const failing = () => Promise.reject(down);
    const failure = await transport({ fetch: failing, retryOptions: { maxRetries: 1 } })(
      new Request(`${api.url}/v4/me`),
    ).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(FrameioConnectionError);
    expect((failure as FrameioConnectionError).cause).toBe(down);
    expect((failure as FrameioConnectionError).attempts).toBe(2);
  });

  it("readJsonBody turns an HTML 200 into a FrameioResponseError with the parse error as cause", async () => {
    api.script("/v4/me", [{ status: 200, headers: { "content-type": "text/html" }, body: "<html>proxy login</html>" }]);
    const response = await transport()(new Request(`${api.url}/v4/me`));
    const failure = await readJsonBody(response, { method: "GET", url: `${api.url}/v4/me` }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(FrameioResponseError);
    expect((failure as FrameioResponseError).cause).toBeInstanceOf(SyntaxError);
  });
});

describe("transport: renewal scope", () => {
  it("a 401 from another origin after a redirect does not invalidate the token", async () => {
    let invalidated = 0;
    const provider = { getToken: () => TOKEN, invalidate: () => void invalidated++ };
    api.script("/v4/file", [{ status: 302, headers: { location: `${other.url}/blob` } }]);
    other.script("/blob", [{ status: 401, body: {} }]);
    const response = await transport({ token: provider })(new Request(`${api.url}/v4/file`));
    expect(response.status).toBe(401);
    expect(invalidated).toBe(0);
    expect(api.requestsTo("/v4/file")).toHaveLength(1);
  });
});
