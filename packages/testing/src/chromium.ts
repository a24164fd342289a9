/**
 * Headless Chromium for browser tests: Debian's package (never a downloaded browser), with a throwaway profile and
 * none of the background traffic a desktop browser starts on its own. Importing this module installs the package
 * when it is missing and we are root, exactly as `pnpm test:all` does (scripts/ensure-chromium.mjs); otherwise
 * `CHROMIUM_SKIP_REASON` says how to enable the browser tests.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function ensureChromium(): string | undefined {
  if (existsSync(CHROMIUM_PATH)) return undefined;
  if (process.getuid?.() === 0 && process.env.CHROMIUM_PATH === undefined) {
    const script = new URL("../../../scripts/ensure-chromium.mjs", import.meta.url);
    execFileSync(process.execPath, [script.pathname], { stdio: ["ignore", "inherit", "inherit"] });
    if (existsSync(CHROMIUM_PATH)) return undefined;
  }
  return `browser tests skipped: no Chromium at ${CHROMIUM_PATH}; run \`node scripts/ensure-chromium.mjs\` as root or set CHROMIUM_PATH`;
}

/** Why browser tests cannot run here (and how to enable them), or `undefined` when Chromium is installed. */
export const CHROMIUM_SKIP_REASON: string | undefined = ensureChromium();

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export interface TestBrowser {
  context: BrowserContext;
  /** Closes the browser and deletes its profile. */
  close(): Promise<void>;
}

export async function launchChromium(): Promise<TestBrowser> {
  if (CHROMIUM_SKIP_REASON) throw new Error(CHROMIUM_SKIP_REASON);
  const userDataDir = await mkdtemp(join(tmpdir(), "chromium-profile-"));
  try {
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    return {
      context,
      async close() {
        await context.close();
        await rm(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
}
