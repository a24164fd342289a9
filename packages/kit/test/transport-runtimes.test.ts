import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

/**
 * The same transport outcomes on other runtimes. Their binaries are not dependencies of the repository: point
 * FRAMEIO_TEST_BUN / FRAMEIO_TEST_DENO at a Bun (`npm pack @oven/bun-linux-x64@1.4.5`, package/bin/bun) or Deno
 * (npm package `deno` 2.9.6) binary to run them; without one, that runtime's case is skipped, not passed. The probe
 * runs the built dist/ (`pnpm build` first), so the Node case runs only next to another runtime, as their baseline:
 * a plain `vitest run` must not depend on a fresh build.
 */
const probe = fileURLToPath(new URL("./transport-runtime-probe.mjs", import.meta.url));
const built = existsSync(fileURLToPath(new URL("../dist/internal.js", import.meta.url)));
const runtimes = [
  {
    name: "node",
    command: process.env.FRAMEIO_TEST_BUN || process.env.FRAMEIO_TEST_DENO ? process.execPath : undefined,
    args: [probe],
  },
  { name: "bun", command: process.env.FRAMEIO_TEST_BUN, args: [probe] },
  { name: "deno", command: process.env.FRAMEIO_TEST_DENO, args: ["run", "-A", probe] },
];

const expected = {
  redirectedPost: { error: "FrameioRedirectError", attempts: 1, status: 307 },
  stalledBody: { error: "FrameioTimeoutError", attempts: 1 },
  token: { authorization: "Bearer tk" },
  refusedPost: { error: "FrameioConnectionError", attempts: 3 },
};

describe("transport outcomes per runtime", () => {
  for (const runtime of runtimes) {
    const available = built && runtime.command !== undefined && existsSync(runtime.command);
    it.skipIf(!available)(
      `${runtime.name}: redirect refused, stalled body timed out, refused POST retried`,
      async () => {
        const { stdout } = await promisify(execFile)(runtime.command as string, runtime.args, { timeout: 60_000 });
        expect(JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}")).toEqual(expected);
      },
    );
  }
});
