import { inspect } from "node:util";
import type { ImsServer } from "@frameio-sdk/testing/ims-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ImsAuth, NativeAppAuth, ServerToServerAuth, SPAAuth, WebAppAuth } from "../src/index.js";
import { NATIVE, recordingSleep, S2S, SPA, signInPublic, signInWebApp, startIms, WEB } from "./auth-fixtures.js";

let ims: ImsServer;
beforeAll(async () => {
  ims = await startIms();
});
afterAll(() => ims.close());

/** Every way a value commonly ends up in a log. */
function renderings(value: unknown): string[] {
  return [
    JSON.stringify(value) ?? "",
    String(value),
    `${value as string}`,
    inspect(value),
    inspect(value, { showHidden: true, depth: Infinity, getters: true }),
    value instanceof Error ? `${value.message}\n${value.stack}\n${inspect(value.cause, { depth: Infinity })}` : "",
  ];
}

function expectNoSecrets(value: unknown, secrets: Array<string | undefined>) {
  const known = secrets.filter((s): s is string => typeof s === "string" && s.length > 0);
  expect(known.length).toBeGreaterThan(0);
  for (const text of renderings(value)) {
    for (const secret of known) expect(text).not.toContain(secret);
  }
}

async function signedIn(): Promise<Array<[ImsAuth, string[]]>> {
  const s2s = new ServerToServerAuth({ ...S2S, imsBaseUrl: ims.url });
  await s2s.authenticate();
  const web = new WebAppAuth({ ...WEB, imsBaseUrl: ims.url });
  await signInWebApp(web, ims);
  const spa = new SPAAuth({ ...SPA, imsBaseUrl: ims.url });
  await signInPublic(spa, ims);
  const native = new NativeAppAuth({ ...NATIVE, imsBaseUrl: ims.url });
  await signInPublic(native, ims);
  return [
    [s2s, [S2S.clientSecret]],
    [web, [WEB.clientSecret]],
    [spa, []],
    [native, []],
  ].map(([auth, secrets]) => {
    const tokens = (auth as ImsAuth).exportTokens();
    return [
      auth as ImsAuth,
      [...(secrets as string[]), tokens?.accessToken ?? "", tokens?.refreshToken ?? "", tokens?.idToken ?? ""],
    ];
  });
}

describe("secrets stay out of printed auth objects", () => {
  it("JSON.stringify, toString and util.inspect show only safe fields", async () => {
    for (const [auth, secrets] of await signedIn()) {
      expectNoSecrets(auth, secrets);
      expect(JSON.parse(JSON.stringify(auth))).toMatchObject({
        clientId: auth.clientId,
        hasRefreshToken: expect.any(Boolean),
      });
      expect(inspect(auth)).toContain(auth.clientId);
    }
  });

  it("exportTokens() is the sanctioned way out and does contain the tokens", async () => {
    const [, [web, secrets]] = (await signedIn()) as [unknown, [ImsAuth, string[]]];
    expect(JSON.stringify(web.exportTokens())).toContain(secrets[1]);
  });

  it("the authorization request hides its code verifier unless read directly", async () => {
    const request = await new SPAAuth(SPA).getAuthorizationUrl("state");
    expectNoSecrets(request, [request.codeVerifier]);
    expect(request.codeVerifier).toMatch(/^[\w-]{86}$/);
    const { url, codeVerifier } = request;
    expect([url, codeVerifier]).toEqual([request.url, request.codeVerifier]);
  });
});

describe("secrets stay out of errors", () => {
  it("IMS error descriptions echoing the secret or the refresh token are redacted", async () => {
    const web = new WebAppAuth({ ...WEB, imsBaseUrl: ims.url, maxRetries: 0 });
    await signInWebApp(web, ims);
    const refreshToken = web.exportTokens()?.refreshToken ?? "";
    ims.failNext("token", {
      status: 400,
      body: {
        error: "invalid_request",
        error_description: `bad refresh_token=${refreshToken} for secret ${WEB.clientSecret}`,
      },
    });
    const error = await web.refresh().catch((e: unknown) => e);
    expect(error).toMatchObject({
      error: "invalid_request",
      errorDescription: "bad refresh_token=[REDACTED] for secret [REDACTED]",
    });
    expectNoSecrets(error, [refreshToken, WEB.clientSecret]);
  });

  it("network errors carry no request body or credentials", async () => {
    const { sleep } = recordingSleep();
    const s2s = new ServerToServerAuth({ ...S2S, imsBaseUrl: ims.url, sleep });
    ims.failNext("token", { network: "reset" }, 3);
    const error = await s2s.getToken().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "AuthNetworkError" });
    expectNoSecrets(error, [S2S.clientSecret]);
  });

  it("configuration errors never echo the rejected value", () => {
    const secret = "not-a-valid-url-but-secret-ish";
    let error: unknown;
    try {
      new WebAppAuth({ ...WEB, redirectUri: secret });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ option: "redirectUri" });
    expectNoSecrets(error, [secret, WEB.clientSecret]);
  });
});
