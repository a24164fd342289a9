/**
 * The SPA (PKCE) flow in real headless Chromium: a page loads a browser bundle of the kit, sends the user to the
 * IMS stand-in, comes back with a code, exchanges it and calls the Frame.io API (Prism) with the token.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHROMIUM_ARGS, CHROMIUM_PATH, CHROMIUM_SKIP_REASON } from "@frameio-sdk/testing/chromium";
import type { ImsServer } from "@frameio-sdk/testing/ims-server";
import { build } from "esbuild";
import { type BrowserContext, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SPA, startIms } from "./auth-fixtures.js";

interface PrismServer {
  url: string;
  stop(): Promise<void>;
}
// A computed specifier keeps tsc from checking prism.ts under this package's tsconfig: prism.ts imports with `.ts`
// extensions, which only the testing package's tsconfig allows.
const PRISM_MODULE: string = "@frameio-sdk/testing/prism";
const { startPrism } = (await import(PRISM_MODULE)) as { startPrism: () => Promise<PrismServer> };

/** The app under test: start sign-in on "/", finish it on "/callback", report to window.__result. */
const APP_SCRIPT = `
import { SPAAuth } from "/kit.js";
const config = JSON.parse(document.getElementById("config").textContent);
const auth = new SPAAuth({ clientId: config.clientId, redirectUri: location.origin + "/callback", imsBaseUrl: config.imsBaseUrl });
const report = (result) => { window.__result = result; };
try {
  if (location.pathname === "/") {
    const state = crypto.randomUUID();
    const { url, codeVerifier } = await auth.getAuthorizationUrl(state);
    sessionStorage.setItem("pkce", JSON.stringify({ state, codeVerifier }));
    location.assign(url);
  } else {
    const params = new URLSearchParams(location.search);
    const saved = JSON.parse(sessionStorage.getItem("pkce"));
    sessionStorage.removeItem("pkce");
    if (params.get("state") !== saved.state) throw new Error("state mismatch");
    await auth.exchangeCode(params.get("code"), saved.codeVerifier);
    const response = await fetch(config.apiUrl + "/v4/me", { headers: { authorization: "Bearer " + (await auth.getToken()) } });
    report({ ok: true, status: response.status, me: (await response.json()).data, auth: auth.toJSON() });
  }
} catch (error) {
  report({ ok: false, name: error.name, message: error.message });
}`;

let ims: ImsServer;
let prism: PrismServer;
let app: Server;
let appUrl: string;
let browser: BrowserContext;
let userDataDir: string;

// Without Chromium (not installed and not root) the suite is skipped with the reason printed, not failed with a raw
// launch error; CI installs Chromium, so there the suite always runs.
if (CHROMIUM_SKIP_REASON) console.warn(CHROMIUM_SKIP_REASON);

beforeAll(async () => {
  if (CHROMIUM_SKIP_REASON) return;
  [ims, prism] = await Promise.all([startIms(), startPrism()]);
  // A browser-platform bundle fails to build if anything in the kit's entry reaches for node: modules.
  const bundle = await build({
    entryPoints: [new URL("../src/index.ts", import.meta.url).pathname],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
  });
  const kit = bundle.outputFiles[0]?.text ?? "";
  const config = JSON.stringify({ clientId: SPA.clientId, imsBaseUrl: ims.url, apiUrl: prism.url });
  const html = `<!doctype html><script type="application/json" id="config">${config}</script><script type="module">${APP_SCRIPT}</script>`;
  app = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://app").pathname;
    if (path === "/kit.js") res.writeHead(200, { "content-type": "text/javascript" }).end(kit);
    else if (path === "/" || path === "/callback") res.writeHead(200, { "content-type": "text/html" }).end(html);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
  userDataDir = await mkdtemp(join(tmpdir(), "kit-auth-chromium-"));
  browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([
    ims?.close(),
    prism?.stop(),
    new Promise((resolve) => (app ? app.close(resolve) : resolve(undefined))),
  ]);
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
}, 30_000);

describe.skipIf(CHROMIUM_SKIP_REASON !== undefined)("SPAAuth in Chromium", () => {
  it("signs in with PKCE through the IMS stand-in and calls the API with the token", async () => {
    const page = await browser.newPage();
    const apiCalls: Array<Promise<Record<string, string>>> = [];
    page.on("request", (request) => {
      if (request.url().startsWith(`${prism.url}/v4/me`) && request.method() === "GET")
        apiCalls.push(request.allHeaders());
    });
    const before = ims.requests.length;
    await page.goto(`${appUrl}/`);
    await page.waitForFunction(() => (window as { __result?: unknown }).__result !== undefined, null, {
      timeout: 30_000,
    });
    const result = await page.evaluate(() => (window as { __result?: unknown }).__result);
    expect(page.url()).toMatch(new RegExp(`^${appUrl}/callback\\?code=`));

    // Names the page's error, if any, in the failure message.
    expect(result).not.toHaveProperty("message");
    expect(result).toMatchObject({ ok: true, status: 200, me: { id: expect.any(String) } });
    expect(result).toMatchObject({ auth: { flow: "SPAAuth", clientId: SPA.clientId, hasRefreshToken: true } });

    // What the browser sent to IMS: an S256 challenge, then a public-client exchange with the verifier.
    const [authorize, exchange, ...rest] = ims.requests.slice(before);
    expect(rest).toEqual([]);
    expect(authorize).toMatchObject({
      endpoint: "authorize",
      query: { client_id: SPA.clientId, code_challenge_method: "S256" },
    });
    expect(exchange?.endpoint).toBe("token");
    expect(exchange?.authorization).toBeUndefined();
    expect(exchange?.form).toMatchObject({
      grant_type: "authorization_code",
      client_id: SPA.clientId,
      code_verifier: expect.any(String),
    });
    expect(exchange?.form.client_secret).toBeUndefined();

    // The API saw exactly one call, carrying a token IMS issued and still considers valid.
    expect(apiCalls).toHaveLength(1);
    const headers = await apiCalls[0];
    const token = headers?.authorization?.replace(/^Bearer /, "") ?? "";
    expect(ims.isActive(token)).toBe(true);
    await page.close();
  }, 60_000);
});
