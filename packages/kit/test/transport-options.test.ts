import { describe, expect, it } from "vitest";
import { FrameioValidationError, ServerToServerAuth } from "../src/index.js";
import { checkTokenSource, tokenIdentity, validateCallOptions } from "../src/internal.js";

const issuesOf = (options: unknown) => {
  try {
    validateCallOptions(options, "files.show options");
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(FrameioValidationError);
    expect((error as FrameioValidationError).operation).toBe("files.show options");
    return (error as FrameioValidationError).issues.map((issue) => issue.path);
  }
};

describe("validateCallOptions", () => {
  it("accepts the documented ranges, Infinity as no timeout, and no options at all", () => {
    expect(issuesOf(undefined)).toEqual([]);
    const signal = new AbortController().signal;
    expect(issuesOf({ timeoutMs: 1, maxRetries: 0, signal, headers: { "x-a": "1" } })).toEqual([]);
    expect(issuesOf({ timeoutMs: 2 ** 31 - 1, maxRetries: 10, headers: new Headers() })).toEqual([]);
    expect(issuesOf({ timeoutMs: Number.POSITIVE_INFINITY })).toEqual([]);
  });

  it("names each bad option", () => {
    for (const timeoutMs of [Number.NaN, 0, -1, 2 ** 31, "5"]) expect(issuesOf({ timeoutMs })).toEqual(["timeoutMs"]);
    for (const maxRetries of [Number.POSITIVE_INFINITY, 1000, -1, 1.5, 11])
      expect(issuesOf({ maxRetries })).toEqual(["maxRetries"]);
    expect(issuesOf({ signal: { aborted: false } })).toEqual(["signal"]);
    expect(issuesOf({ headers: "x-a: 1" })).toEqual(["headers"]);
    expect(issuesOf({ headers: { "x-a": 1 } })).toEqual(["headers"]);
    expect(issuesOf({ timeoutMs: 0, maxRetries: 99 })).toEqual(["timeoutMs", "maxRetries"]);
    expect(issuesOf("fast")).toEqual(["options"]);
  });
});

describe("checkTokenSource", () => {
  it("accepts strings, functions, auth objects and objects with only getToken()", () => {
    const auth = new ServerToServerAuth({ clientId: "c", clientSecret: "s" });
    for (const token of ["abc.def-ghi", () => "t", async () => "t", auth, { getToken: () => "t" }]) {
      expect(checkTokenSource(token, "token")).toBeUndefined();
    }
  });

  it("refuses the rest, naming the field and never quoting a token", () => {
    const secret = "s3cret-token";
    for (const token of [5, null, {}, { token: secret }, "", `${secret}\n`, `${secret} x`, "tökén"]) {
      const issue = checkTokenSource(token, "token");
      expect(issue?.path).toBe("token");
      expect(JSON.stringify(issue)).not.toContain(secret);
    }
    expect(checkTokenSource({ getToken: () => "t", invalidate: 1 }, "token")?.path).toBe("token.invalidate");
  });
});

describe("tokenIdentity", () => {
  const jwt = (claims: object) => ["e30", Buffer.from(JSON.stringify(claims)).toString("base64url"), "c2ln"].join(".");

  it("names a JWT's holder by client and user, the same for every token of that user", async () => {
    const a = await tokenIdentity(jwt({ client_id: "app", user_id: "u1@AdobeID", exp: 1 }));
    const b = await tokenIdentity(jwt({ client_id: "app", user_id: "u1@AdobeID", exp: 2 }));
    expect(a).toBe("jwt:app:u1@AdobeID");
    expect(b).toBe(a);
    expect(await tokenIdentity(jwt({ client_id: "app", sub: "u2" }))).toBe("jwt:app:u2");
  });

  it("digests anything else, never returning the token", async () => {
    const id = await tokenIdentity("opaque-secret-token");
    expect(id).toMatch(/^sha256:[0-9a-f]{32}$/);
    expect(id).not.toContain("opaque");
    expect(await tokenIdentity("opaque-secret-token")).toBe(id);
    expect(await tokenIdentity("another-token")).not.toBe(id);
  });
});

describe("token scope", () => {
  it("covers the base origin and path prefix only", async () => {
    const { tokenScope } = await import("../src/internal/request-scope.js");
    const inScope = tokenScope("https://api.frame.io/v4/", "https://api.frame.io/v4/me");
    for (const url of ["https://api.frame.io/v4", "https://api.frame.io/v4/me", "https://api.frame.io/v4?x=1"]) {
      expect(inScope(url)).toBe(true);
    }
    for (const url of [
      "https://api.frame.io/v4evil",
      "https://api.frame.io/v2/me",
      "https://api.frame.io.evil.com/v4/me",
      "https://api.frame.io:8443/v4/me",
      "http://api.frame.io/v4/me",
    ]) {
      expect(inScope(url)).toBe(false);
    }
    const sameOrigin = tokenScope(undefined, "http://127.0.0.1:4010/v4/me");
    expect(sameOrigin("http://127.0.0.1:4010/other")).toBe(true);
    expect(sameOrigin("http://127.0.0.1:40100/v4/me")).toBe(false);
  });
});
