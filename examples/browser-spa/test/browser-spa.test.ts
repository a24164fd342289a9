// Runs the app as a user would (`node src/main.mjs`, embedded default) and uses it in real headless Chromium:
// the page loads, "Sign in" goes to the IMS stand-in and back, and the projects list appears.
import { fileURLToPath } from "node:url";
import { launchChromium, type TestBrowser } from "@frameio-sdk/testing/chromium";
import { type ServerProgram, startServer } from "examples-shared/child-program.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const MAIN = fileURLToPath(new URL("../src/main.mjs", import.meta.url));

let app: ServerProgram;
let browser: TestBrowser;

beforeAll(async () => {
  app = await startServer(MAIN);
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await Promise.all([browser?.close(), app?.stop()]);
}, 30_000);

describe("browser-spa", () => {
  it("signs in with PKCE in Chromium and lists the projects", async () => {
    await app.waitForLine(/^No Frame\.io credentials set: starting a local Adobe IMS stand-in/);
    const page = await browser.context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    const origins = new Set<string>();
    page.on("request", (request) => void origins.add(new URL(request.url()).origin));

    await page.goto(`${app.url}/`);
    const signIn = page.getByRole("button", { name: "Sign in" });
    await signIn.waitFor({ state: "visible", timeout: 15_000 });
    await expect(page.locator("#status").textContent()).resolves.toBe("Not signed in.");

    await signIn.click();
    const projects = page.locator("#projects li");
    await projects.first().waitFor({ state: "visible", timeout: 20_000 });
    const names = await projects.allTextContents();
    expect(names).toHaveLength(8); // Prism's examples: 2 accounts x 2 workspaces x 2 projects
    expect(names[0]).toMatch(/^Northern Lights \(feature\) \(Post-production, Harbor Pictures\)$/);
    await expect(page.locator("#status").textContent()).resolves.toBe(`${names.length} projects`);
    // Back on "/" with the one-time code gone from the address bar; the sign-in went through a second origin (IMS).
    expect(page.url()).toBe(`${app.url}/`);
    expect(origins.size).toBeGreaterThanOrEqual(3); // the app, IMS and the API
    expect(problems).toEqual([]);

    // A reload keeps the session (tokens in sessionStorage); signing out shows the button again.
    await page.reload();
    await projects.first().waitFor({ state: "visible", timeout: 20_000 });
    await page.getByRole("button", { name: "Sign out" }).click();
    await signIn.waitFor({ state: "visible", timeout: 15_000 });
    await expect(page.locator("#status").textContent()).resolves.toBe("Signed out.");
    await page.close();
  }, 60_000);
});
