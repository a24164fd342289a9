// Runs the uploader as a user would (`node src/main.mjs <dir> <folder-id>`) against an upload target this test
// owns, then checks what the target received, byte for byte.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sampleBytes, sha256 } from "@frameio-sdk/testing/sample-file";
import { startUploadTarget, type UploadTarget } from "@frameio-sdk/testing/upload-target";
import { runCommand } from "examples-shared/child-program.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProgress } from "../src/progress-line.mjs";

const MAIN = fileURLToPath(new URL("../src/main.mjs", import.meta.url));
const FOLDER = "3d8f5a1c-2b4e-4f6a-8c9d-0e1f2a3b4c5d";
const ACCOUNT = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
const PART_SIZE = 256 * 1024;
/** Name and size of each local file: several parts, exactly one part, a single byte, a name that needs care. */
const FILES: Array<[string, number]> = [
  ["A001_C003.mov", 3 * PART_SIZE + 1234],
  ["exactly one part.mp4", PART_SIZE],
  ["one-byte.bin", 1],
  ['notes, "final" (v2).txt', 4321],
];

let target: UploadTarget;
let dir: string;
const local = new Map<string, string>();

beforeAll(async () => {
  target = await startUploadTarget({ folders: [FOLDER], partSize: PART_SIZE });
  dir = await mkdtemp(join(tmpdir(), "upload-folder-test-"));
  for (const [index, [name, size]] of FILES.entries()) {
    const bytes = sampleBytes(size, index + 1);
    await writeFile(join(dir, name), bytes);
    local.set(name, sha256(bytes));
  }
  await writeFile(join(dir, "empty.txt"), "");
  await mkdir(join(dir, "subfolder"));
});

afterAll(async () => {
  await target?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("upload-folder", () => {
  it("uploads every file byte-identical, then skips them all on a second run", async () => {
    const env = { FRAMEIO_TOKEN: "test-token", FRAMEIO_BASE_URL: target.origin, FRAMEIO_ACCOUNT_ID: ACCOUNT };
    const run = await runCommand(MAIN, ["--", dir, FOLDER], env);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines).toEqual([
      "uploaded A001_C003.mov (769.2 KiB)",
      "skipped  empty.txt: empty (Frame.io refuses empty files)",
      "uploaded exactly one part.mp4 (256.0 KiB)",
      'uploaded notes, "final" (v2).txt (4.2 KiB)',
      "uploaded one-byte.bin (1 B)",
      "skipped  subfolder: not a regular file (subfolders are not mirrored)",
      "4 uploaded (1.0 MiB), 2 skipped, 0 failed",
    ]);
    expect(run.stdout).not.toContain("\r"); // not a terminal: plain lines, no redraws

    const uploads = [...target.uploads.values()];
    expect(uploads.map((upload) => upload.name).sort()).toEqual([...local.keys()].sort());
    for (const upload of uploads) {
      expect(upload.folderId).toBe(FOLDER);
      expect(await target.assembledSha256(upload.id)).toBe(local.get(upload.name));
    }
    expect(target.uploads.size).toBe(4);
    expect(target.attempts.filter((a) => a.outcome === "stored")).toHaveLength(4 + 1 + 1 + 1);
    expect(target.problems).toEqual([]);

    const again = await runCommand(MAIN, [dir, FOLDER], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("skipped  A001_C003.mov: already in the folder");
    expect(again.stdout.trimEnd().split("\n").at(-1)).toBe("0 uploaded (0 B), 6 skipped, 0 failed");
    expect(target.uploads.size).toBe(4);
  }, 45_000);

  it("uploads a generated sample folder to its embedded upload target when nothing is configured", async () => {
    const run = await runCommand(MAIN);
    expect(run.stderr).toContain("No Frame.io credentials set: starting a local upload target");
    expect(run.stderr).toMatch(/No local folder given: uploading generated sample files from \S+/);
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split("\n")).toEqual([
      "uploaded sample-1.bin (2.0 MiB)",
      "uploaded sample-2.bin (700.0 KiB)",
      "uploaded sample-3.bin (64.0 KiB)",
      "3 uploaded (2.7 MiB), 0 skipped, 0 failed",
    ]);
  }, 45_000);

  it("refuses half a server-to-server credential before uploading anything", async () => {
    const run = await runCommand(MAIN, [dir, FOLDER], { FRAMEIO_CLIENT_ID: "only-the-id" });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Set FRAMEIO_CLIENT_ID and FRAMEIO_CLIENT_SECRET, or FRAMEIO_TOKEN");
    expect(run.stdout).toBe("");
  });

  it("redraws one line per file in place on a terminal", () => {
    let output = "";
    const progress = createProgress({ isTTY: true, write: (text: string) => (output += text) });
    const line = progress.start("clip.mov", 1000);
    line.update(250);
    line.update(251); // same percentage: not redrawn
    line.update(1000);
    line.done();
    const frames = output.split("\r").filter(Boolean);
    expect(frames.map((frame) => frame.slice(0, 31))).toEqual([
      "[------------------------]   0%",
      "[######------------------]  25%",
      "[########################] 100%",
    ]);
    expect(frames[1]).toBe("[######------------------]  25% clip.mov 250 B / 1000 B\x1b[K");
    expect(output.endsWith("\n")).toBe(true);
    expect(output.split("\n")).toHaveLength(2);
  });
});
