// Runs the quickstart as a user would (`node src/main.mjs`), so the demo in the README cannot rot unnoticed.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const MAIN = fileURLToPath(new URL("../src/main.mjs", import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runQuickstart(env: Record<string, string>): Promise<Run> {
  const { FRAMEIO_CLIENT_ID, FRAMEIO_CLIENT_SECRET, FRAMEIO_BASE_URL, FRAMEIO_IMS_URL, ...rest } = process.env;
  return new Promise((resolve) => {
    execFile(process.execPath, [MAIN], { env: { ...rest, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe("quickstart", () => {
  it("prints the account tree from the embedded mock when no credentials are set", async () => {
    const run = await runQuickstart({});
    expect(run.stderr).toContain("starting a local Frame.io mock");
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^Account \S.* \([0-9a-f-]{36}\)$/);
    expect(lines).toContain("  Workspace Post-production");
    expect(lines.some((line) => /^ {4}Project \S/.test(line))).toBe(true);
    expect(lines.some((line) => /^ {6}(File|Folder|Version stack) \S/.test(line))).toBe(true);
  });

  it("refuses half a credential before starting anything", async () => {
    const run = await runQuickstart({ FRAMEIO_CLIENT_ID: "only-the-id" });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("Set both FRAMEIO_CLIENT_ID and FRAMEIO_CLIENT_SECRET");
  });

  it("names the IMS failure when the credential's IMS cannot be reached", async () => {
    const run = await runQuickstart({
      FRAMEIO_CLIENT_ID: "client",
      FRAMEIO_CLIENT_SECRET: "not-a-real-secret",
      FRAMEIO_IMS_URL: "https://localhost:1",
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^AuthNetworkError: /m);
    expect(run.stderr).not.toContain("not-a-real-secret");
  });
});
