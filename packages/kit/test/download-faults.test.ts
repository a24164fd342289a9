import { readdirSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type FaultServer, startFaultServer } from "@frameio-sdk/testing/fault-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FrameioConnectionError, FrameioTimeoutError, FrameioValidationError } from "../src/index.js";
import { openPathSink } from "../src/platform.node.js";
import { downloadFile, downloadToStream } from "../src/upload/index.js";

const SIZE = 256 * 1024;
const full = Buffer.alloc(SIZE, 7);
let dir: string;
let faults: FaultServer;
let trickle: Server;
let trickleUrl: string;
let count = 0;
const nextPath = () => join(dir, `file-${++count}.bin`);
const fileAt = (url: string) => ({ id: "f1", file_size: SIZE, media_links: { original: { download_url: url } } });
/** What the download left in the folder: the destination, and any temporary partial file. */
const leftovers = () => readdirSync(dir);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kit-download-faults-"));
  faults = await startFaultServer();
  // Sends 64 chunks, one every 40 ms: 2.5 s in all, far longer than a 1 s idle deadline, never idle for 1 s.
  trickle = createServer((_request, response) => {
    response.writeHead(200, { "content-length": String(64 * 16) });
    let sent = 0;
    const timer = setInterval(() => {
      response.write(Buffer.alloc(16, 1));
      if (++sent === 64) {
        clearInterval(timer);
        response.end();
      }
    }, 40);
    response.on("close", () => clearInterval(timer));
  });
  await new Promise<void>((resolve) => trickle.listen(0, "127.0.0.1", resolve));
  trickleUrl = `http://127.0.0.1:${(trickle.address() as AddressInfo).port}/trickle`;
});
afterAll(async () => {
  await faults.close();
  trickle.closeAllConnections();
  await new Promise((resolve) => trickle.close(resolve));
  await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  for (const name of leftovers()) await rm(join(dir, name));
});

describe("download clean-up", () => {
  it("settles a cancelled download only after its partial file is gone, so a retry to the same path keeps its file", async () => {
    faults.fallback((request) =>
      request.pathname === "/slow"
        ? { kind: "hang", when: "mid-body" }
        : { status: 200, body: full.toString("latin1") },
    );
    const path = nextPath();
    for (let round = 0; round < 5; round++) {
      const controller = new AbortController();
      const error = await downloadFile({
        file: fileAt(`${faults.url}/slow`),
        to: path,
        openSink: openPathSink,
        signal: controller.signal,
        onProgress: () => controller.abort(new Error("cancelled")),
      }).catch((e: unknown) => e);
      expect((error as Error).message).toBe("cancelled");
      // Checked synchronously on settling: nothing of the cancelled attempt is left, not even a temporary file.
      expect(leftovers()).toEqual(round === 0 ? [] : ["file-1.bin"]);
      const retried = await downloadFile({ file: fileAt(`${faults.url}/ok`), to: path, openSink: openPathSink });
      expect(retried.bytes).toBe(SIZE);
      expect(leftovers()).toEqual(["file-1.bin"]);
      expect((await readFile(path)).equals(full)).toBe(true);
    }
  });

  it("leaves a file that was already at the path untouched when a download fails", async () => {
    const path = nextPath();
    await writeFile(path, "previous version");
    faults.script("/reset", [{ kind: "reset", when: "mid-body" }]);
    await expect(
      downloadFile({ file: fileAt(`${faults.url}/reset`), to: path, openSink: openPathSink }),
    ).rejects.toThrow();
    expect(await readFile(path, "utf8")).toBe("previous version");
    expect(leftovers()).toHaveLength(1);
  });
});

describe("download failures are typed", () => {
  it("a connection reset mid-body is a FrameioConnectionError with the runtime's error as cause", async () => {
    faults.script("/reset", [{ kind: "reset", when: "mid-body" }]);
    const error = await downloadFile({
      file: fileAt(`${faults.url}/reset`),
      to: nextPath(),
      openSink: openPathSink,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FrameioConnectionError);
    expect((error as FrameioConnectionError).cause).toBeDefined();
    expect((error as FrameioConnectionError).phase).toBe("reading-body");
    expect((error as Error).message).toMatch(/failed while reading the response body/);
    expect(leftovers()).toEqual([]);
  });

  it.each([
    ["before the headers", { kind: "hang" as const }],
    ["mid-body", { kind: "hang" as const, when: "mid-body" as const }],
  ])("a storage host silent %s ends with FrameioTimeoutError after timeoutMs of silence", async (_when, step) => {
    faults.script("/silent", [step]);
    const error = await downloadFile({
      file: fileAt(`${faults.url}/silent`),
      to: nextPath(),
      openSink: openPathSink,
      timeoutMs: 300,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FrameioTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 300, method: "GET" });
    expect(leftovers()).toEqual([]);
  });

  it("the deadline is an idle deadline: a slow download that keeps moving bytes completes", async () => {
    // 2.5 s in all with a byte every 40 ms: a 1 s total deadline would fail it; an idle one must not.
    const chunks: Uint8Array[] = [];
    const result = await downloadToStream({
      url: trickleUrl,
      destination: new WritableStream({ write: (chunk) => void chunks.push(chunk) }),
      timeoutMs: 1_000,
    });
    expect(result.bytes).toBe(64 * 16);
  });

  it("refuses an unusable timeoutMs before any request", async () => {
    const before = faults.requests.length;
    for (const timeoutMs of [0, Number.NaN, 2 ** 31, -5]) {
      const error = await downloadFile({
        file: fileAt(`${faults.url}/ok`),
        to: nextPath(),
        openSink: openPathSink,
        timeoutMs,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FrameioValidationError);
      expect((error as FrameioValidationError).issues[0]?.path).toBe("timeoutMs");
    }
    expect(faults.requests.length).toBe(before);
    expect(leftovers()).toEqual([]);
  });
});
