// Runs the web app as a user would (`node src/main.mjs`) and plays the browser with fetch, following each redirect
// by hand. The IMS stand-in authorizes without a login screen, so the whole sign-in needs no browser.
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ImsServer } from "@frameio-sdk/testing/ims-server";
import { type PrismServer, startPrism } from "@frameio-sdk/testing/prism";
import { type ServerProgram, startServer } from "examples-shared/child-program.ts";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

const MAIN = fileURLToPath(new URL("../src/main.mjs", import.meta.url));
const WEB = { clientId: "web-app-test", clientSecret: "web-app-test-secret-DO-NOT-LEAK" };

let ims: ImsServer;
let prism: PrismServer;
let dir: string;
const apps: ServerProgram[] = [];

beforeAll(async () => {
  [ims, prism] = await Promise.all([ImsServer.start({ clients: [WEB] }), startPrism()]);
  dir = await mkdtemp(join(tmpdir(), "web-app-test-"));
}, 60_000);

afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.stop()));
});

afterAll(async () => {
  await Promise.all([ims?.close(), prism?.stop()]);
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function startApp(env: Record<string, string>): Promise<ServerProgram> {
  const app = await startServer(MAIN, env);
  apps.push(app);
  return app;
}

/** The app pointed at this test's IMS stand-in and Prism, as if they were the real services. */
function startWithCredentials(tokenFile: string): Promise<ServerProgram> {
  return startApp({
    FRAMEIO_CLIENT_ID: WEB.clientId,
    FRAMEIO_CLIENT_SECRET: WEB.clientSecret,
    FRAMEIO_IMS_URL: ims.url,
    FRAMEIO_BASE_URL: prism.url,
    TOKEN_FILE: tokenFile,
  });
}

function redirectOf(response: Response): string {
  const location = response.headers.get("location");
  if (!location) throw new Error(`expected a redirect, got ${response.status}`);
  return location;
}

/** GET /login, then the IMS authorize URL it points to: returns the callback URL and the state cookie. */
async function startSignIn(app: ServerProgram): Promise<{ callback: URL; cookie: string }> {
  const login = await fetch(`${app.url}/login`, { redirect: "manual" });
  expect(login.status).toBe(302);
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  expect(cookie).toMatch(/^frameio_oauth_state=[\w-]{43}$/);
  const authorize = new URL(redirectOf(login));
  expect(authorize.pathname).toBe("/ims/authorize/v2");
  expect(authorize.searchParams.get("redirect_uri")).toBe(`${app.url}/callback`);
  const fromIms = await fetch(authorize, { redirect: "manual" });
  expect(fromIms.status).toBe(302);
  return { callback: new URL(redirectOf(fromIms)), cookie };
}

async function signIn(app: ServerProgram): Promise<void> {
  const { callback, cookie } = await startSignIn(app);
  const done = await fetch(callback, { redirect: "manual", headers: { cookie } });
  expect(done.status).toBe(303);
  expect(done.headers.get("location")).toBe("/");
}

const homePage = async (app: ServerProgram) => (await fetch(`${app.url}/`)).text();

describe("web-app", () => {
  it("signs in, keeps the session in a private token file across a restart, and signs out by revoking", async () => {
    const tokenFile = join(dir, "session.json");
    const first = await startWithCredentials(tokenFile);
    expect(await homePage(first)).toContain('<a href="/login">Sign in with Adobe</a>');

    await signIn(first);
    const page = await homePage(first);
    expect(page).toContain('<ul id="accounts">');
    expect(page).toMatch(/<li>Harbor Pictures <small>[0-9a-f-]{36}<\/small><ul><li>Post-production<\/li>/);

    expect((await stat(tokenFile)).mode & 0o777).toBe(0o600);
    const saved = JSON.parse(await readFile(tokenFile, "utf8"));
    expect(saved).toMatchObject({
      clientId: WEB.clientId,
      tokens: { accessToken: expect.any(String), refreshToken: expect.any(String) },
    });
    const { accessToken, refreshToken } = saved.tokens as { accessToken: string; refreshToken: string };
    expect(ims.isActive(accessToken)).toBe(true);
    expect(first.stdout + first.stderr).not.toContain(accessToken);
    expect(first.stdout + first.stderr).not.toContain(WEB.clientSecret);

    await first.stop();
    const tokenRequests = ims.tokenRequests().length;
    const second = await startWithCredentials(tokenFile);
    expect(await second.waitForLine(/^Signed in from /)).toBe(`Signed in from ${tokenFile}; open ${second.url}/`);
    expect(await homePage(second)).toContain("Harbor Pictures");
    expect(ims.tokenRequests()).toHaveLength(tokenRequests); // the saved tokens were used, not a new sign-in

    const logout = await fetch(`${second.url}/logout`, { method: "POST", redirect: "manual" });
    expect(logout.status).toBe(303);
    expect(ims.isRevoked(refreshToken)).toBe(true);
    expect(ims.isRevoked(accessToken)).toBe(true);
    await expect(stat(tokenFile)).rejects.toMatchObject({ code: "ENOENT" });
    expect(await homePage(second)).toContain("Sign in with Adobe");
  }, 45_000);

  it("answers 400 to a callback whose state does not match the browser's cookie, without exchanging the code", async () => {
    const app = await startWithCredentials(join(dir, "unused.json"));
    const exchanges = ims.tokenRequests("authorization_code").length;
    const { callback, cookie } = await startSignIn(app);

    const forged = await fetch(callback, {
      redirect: "manual",
      headers: { cookie: "frameio_oauth_state=someone-elses-state" },
    });
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain("The sign-in state does not match");
    const noCookie = await fetch(callback, { redirect: "manual" });
    expect(noCookie.status).toBe(400);
    const refused = await fetch(`${app.url}/callback?error=access_denied&state=x`, { headers: { cookie } });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("refused the sign-in: access_denied");

    expect(ims.tokenRequests("authorization_code")).toHaveLength(exchanges);
    expect(await homePage(app)).toContain("Sign in with Adobe");
  }, 45_000);

  it("signs in against its embedded default when no credentials are set", async () => {
    const app = await startApp({ TOKEN_FILE: join(dir, "embedded.json") });
    await app.waitForLine(/^No Frame\.io credentials set: starting a local Adobe IMS stand-in/);
    await signIn(app);
    expect(await homePage(app)).toContain("Post-production");
  }, 45_000);
});
