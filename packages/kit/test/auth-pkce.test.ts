import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import type { ImsServer } from "@frameio-sdk/testing/ims-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPkcePair, s256Challenge } from "../src/auth/pkce.js";
import { AuthConfigurationError, ImsError, NativeAppAuth, SPAAuth } from "../src/index.js";
import { NATIVE, SPA, signInPublic, startIms } from "./auth-fixtures.js";

let ims: ImsServer;
beforeAll(async () => {
  ims = await startIms();
});
afterAll(() => ims.close());

describe("PKCE", () => {
  it("makes RFC 7636 verifiers and S256 challenges that match node:crypto", async () => {
    const pairs = await Promise.all(Array.from({ length: 20 }, () => createPkcePair()));
    for (const { codeVerifier, codeChallenge } of pairs) {
      expect(codeVerifier).toMatch(/^[A-Za-z0-9\-._~]{43,128}$/);
      expect(codeChallenge).toBe(createHash("sha256").update(codeVerifier).digest("base64url"));
    }
    expect(new Set(pairs.map((p) => p.codeVerifier)).size).toBe(20);
    expect(await s256Challenge("abc")).toBe(createHash("sha256").update("abc").digest("base64url"));
  });

  it("auth sources import nothing from node: (browser-safe)", async () => {
    const dir = new URL("../src/auth/", import.meta.url);
    const files = (await readdir(dir)).filter((f) => f.endsWith(".ts"));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      expect(await readFile(new URL(file, dir), "utf8"), file).not.toMatch(/from\s+["']node:|require\(/);
    }
  });
});

describe.each([
  ["SPAAuth", () => new SPAAuth({ ...SPA, imsBaseUrl: ims.url }), SPA],
  ["NativeAppAuth", () => new NativeAppAuth({ ...NATIVE, imsBaseUrl: ims.url }), NATIVE],
] as const)("%s", (_name, create, config) => {
  it("asks for an S256 challenge in the authorize URL", async () => {
    const request = await create().getAuthorizationUrl("s1");
    const params = new URL(request.url).searchParams;
    expect(params.get("code_challenge_method")).toBe("S256");
    expect(params.get("code_challenge")).toBe(createHash("sha256").update(request.codeVerifier).digest("base64url"));
    expect(params.get("redirect_uri")).toBe(config.redirectUri);
    expect(params.get("client_id")).toBe(config.clientId);
  });

  it("signs in as a public client: client_id and code_verifier in the body, no secret, no Basic header", async () => {
    const auth = create();
    const callback = await signInPublic(auth, ims, "s2");
    expect(callback.href.startsWith(config.redirectUri)).toBe(true);
    const request = ims.requests.at(-1);
    expect(request?.authorization).toBeUndefined();
    expect(Object.keys(request?.form ?? {}).sort()).toEqual([
      "client_id",
      "code",
      "code_verifier",
      "grant_type",
      "redirect_uri",
    ]);
    expect(request?.form.client_id).toBe(config.clientId);
    expect(ims.isActive(await auth.getToken())).toBe(true);

    await auth.refresh();
    expect(ims.requests.at(-1)?.form).toEqual({
      grant_type: "refresh_token",
      refresh_token: expect.any(String),
      client_id: config.clientId,
    });
  });

  it("is refused by IMS when the verifier does not belong to the code", async () => {
    const auth = create();
    const request = await auth.getAuthorizationUrl("s3");
    const other = await auth.getAuthorizationUrl("s4");
    const callback = await ims.followAuthorize(request.url);
    const error = await auth
      .exchangeCode(callback.searchParams.get("code") ?? "", other.codeVerifier)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImsError);
    expect(error).toMatchObject({ status: 400, error: "invalid_grant" });
  });

  it("rejects a malformed verifier before any request", async () => {
    const before = ims.requests.length;
    await expect(create().exchangeCode("code", "short")).rejects.toMatchObject({ option: "codeVerifier" });
    expect(ims.requests.length).toBe(before);
  });

  it("refuses a client secret", () => {
    const options = { ...config, clientSecret: "nope" } as unknown as ConstructorParameters<typeof SPAAuth>[0];
    const Flow = _name === "SPAAuth" ? SPAAuth : NativeAppAuth;
    expect(() => new Flow(options)).toThrow(AuthConfigurationError);
  });
});

describe("redirect URIs", () => {
  it("native apps accept the adobe+<hash>://callback scheme, SPAs do not", () => {
    expect(new NativeAppAuth(NATIVE).redirectUri).toBe(NATIVE.redirectUri);
    expect(() => new SPAAuth({ ...SPA, redirectUri: NATIVE.redirectUri })).toThrow(/redirectUri/);
  });

  it("only loopback hosts may use plain http", () => {
    expect(() => new SPAAuth({ ...SPA, redirectUri: "http://example.com/cb" })).toThrow(/redirectUri/);
    expect(new SPAAuth({ ...SPA, redirectUri: "https://example.com/cb" }).redirectUri).toBe("https://example.com/cb");
    expect(() => new NativeAppAuth({ ...NATIVE, redirectUri: "javascript:alert(1)" })).toThrow(/redirectUri/);
  });
});
