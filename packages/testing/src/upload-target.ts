import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { type FileHandle, mkdtemp, open, rm } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { handleFilesApi } from "./upload-target-api.js";

/**
 * A failure played on one attempt of one part (`part` is the zero-based index, `attempt` counts that part's
 * requests from 1):
 * - `500` / `503`: the body is read in full, then S3-style XML errors (503 with `Retry-After: 0`).
 * - `403`: an expired-signature refusal, which must not be retried.
 * - `reset`: the connection is destroyed after about half the body.
 * - `stall`: the whole body is read, then no answer ever comes (the client's idle deadline must end the attempt).
 * - `stall-mid-body`: reading stops after about half the body, so the client can send no more and hears nothing.
 */
export interface InjectedFailure {
  part: number;
  attempt: number;
  kind: "500" | "503" | "403" | "reset" | "stall" | "stall-mid-body";
}

export interface UploadTargetOptions {
  /** Largest part the target hands out when it plans an upload. Default 16 MiB. */
  partSize?: number;
  failures?: InjectedFailure[];
  /**
   * Holds each stored part's 200 until this many parts were in flight at the same time, so a test proves the
   * client works in parallel (a serial client would never release the hold). Released after `holdTimeoutMs`
   * anyway, with `holdTimedOut` set.
   */
  holdUntilConcurrent?: number;
  holdTimeoutMs?: number;
  /** Never answer part PUTs (bodies are still read): for abort tests. */
  stall?: boolean;
  /** Write received parts into one file per upload, to hash the stitched result and serve it back. Default true. */
  assemble?: boolean;
  /** Folder ids the files API knows; others get 404. Default `["folder-1"]`. */
  folders?: string[];
}

/** One PUT as the target saw it. */
export interface PartAttempt {
  uploadId: string;
  part: number;
  attempt: number;
  outcome: "stored" | "injected" | "refused" | "aborted";
  bytes: number;
  sha256?: string;
}

export interface TargetUpload {
  id: string;
  name: string;
  size: number;
  mediaType: string;
  sizes: number[];
  /** SHA-256 of each stored part, by index. */
  stored: (string | undefined)[];
  assembledPath?: string;
  /** The folder `local_upload` created it in, if it came that way. */
  folderId?: string;
  /** The created file as the files API returns it, with `upload_urls`. */
  file: Record<string, unknown> & { id: string; media_type: string; upload_urls: { url: string; size: number }[] };
}

export interface UploadTarget {
  readonly origin: string;
  readonly uploads: Map<string, TargetUpload>;
  readonly attempts: PartAttempt[];
  /** Protocol breaches seen (wrong method, header, size): must stay empty for a correct client. */
  readonly problems: string[];
  readonly inFlight: number;
  readonly maxConcurrent: number;
  readonly holdTimedOut: boolean;
  /** Registers an upload as `local_upload` would and returns its file with `upload_urls`. */
  createUpload(name: string, fileSize: number, folderId?: string): TargetUpload["file"];
  /** SHA-256 of an upload's stitched bytes (needs `assemble`). */
  assembledSha256(uploadId: string): Promise<string>;
  /** Resolves once `predicate` holds; checked after every request event. */
  until(predicate: (target: UploadTarget) => boolean): Promise<void>;
  close(): Promise<void>;
}

/** Splits like Frame.io: equal parts no larger than `partSize`, the remainder spread one byte each over the first. */
export function planPartSizes(fileSize: number, partSize: number): number[] {
  const count = Math.max(1, Math.ceil(fileSize / partSize));
  const base = Math.floor(fileSize / count);
  const remainder = fileSize - base * count;
  return Array.from({ length: count }, (_, i) => base + (i < remainder ? 1 : 0));
}

const MEDIA_TYPES: Record<string, string> = {
  mp4: "video/mp4",
  mov: "video/quicktime",
  png: "image/png",
  bin: "application/octet-stream",
};

/** A loopback stand-in for S3 pre-signed part URLs plus the few Frame.io file endpoints an upload uses. */
export async function startUploadTarget(options: UploadTargetOptions = {}): Promise<UploadTarget> {
  const partSize = options.partSize ?? 16 * 1024 * 1024;
  const folders = new Set(options.folders ?? ["folder-1"]);
  const dir = await mkdtemp(join(tmpdir(), "upload-target-"));
  const uploads = new Map<string, TargetUpload>();
  const handles = new Map<string, Promise<FileHandle>>();
  const attempts: PartAttempt[] = [];
  const problems: string[] = [];
  const sockets = new Set<Socket>();
  const waiters = new Set<() => void>();
  const held = new Set<() => void>();
  let inFlight = 0;
  let maxConcurrent = 0;
  let holdTimedOut = false;
  let holdTimer: NodeJS.Timeout | undefined;
  let origin = "";

  const notify = () => {
    for (const check of waiters) check();
  };
  const releaseHeld = () => {
    clearTimeout(holdTimer);
    holdTimer = undefined;
    for (const release of held) release();
    held.clear();
  };
  const holdOpen = () => options.holdUntilConcurrent !== undefined && maxConcurrent < options.holdUntilConcurrent;

  const createUpload = (name: string, fileSize: number, folderId?: string): TargetUpload["file"] => {
    const id = randomUUID();
    const sizes = planPartSizes(fileSize, partSize);
    const extension = name.split(".").pop()?.toLowerCase() ?? "";
    const mediaType = MEDIA_TYPES[extension] ?? "application/octet-stream";
    const signature = (i: number) =>
      `X-Amz-Credential=test%2Fcred&X-Amz-Signature=${createHash("sha1").update(`${id}${i}`).digest("hex")}`;
    const file = {
      id,
      name,
      type: "file",
      file_size: fileSize,
      media_type: mediaType,
      status: "created",
      upload_urls: sizes.map((size, i) => ({ size, url: `${origin}/uploads/${id}/parts/${i}?${signature(i)}` })),
    };
    const assembledPath = options.assemble === false ? undefined : join(dir, `${id}.bin`);
    uploads.set(id, {
      id,
      name,
      size: fileSize,
      mediaType,
      sizes,
      stored: sizes.map(() => undefined),
      assembledPath,
      folderId,
      file,
    });
    return file;
  };

  const fileHandle = (upload: TargetUpload) => {
    let handle = handles.get(upload.id);
    if (!handle) {
      handle = open(upload.assembledPath as string, "w+");
      handles.set(upload.id, handle);
    }
    return handle;
  };

  const receivePart = async (
    request: IncomingMessage,
    response: ServerResponse,
    upload: TargetUpload,
    part: number,
  ) => {
    const record: PartAttempt = {
      uploadId: upload.id,
      part,
      attempt: attempts.filter((a) => a.uploadId === upload.id && a.part === part).length + 1,
      outcome: "aborted",
      bytes: 0,
    };
    attempts.push(record);
    const expected = upload.sizes[part];
    const breach = (what: string) => problems.push(`part ${part} attempt ${record.attempt}: ${what}`);
    if (expected === undefined) {
      breach(`no part ${part}`);
      return refuse(response, record, 404);
    }
    if (request.method !== "PUT") breach(`method ${request.method}`);
    if (request.headers["content-type"] !== upload.mediaType) breach(`content-type ${request.headers["content-type"]}`);
    if (request.headers["x-amz-acl"] !== "private") breach(`x-amz-acl ${request.headers["x-amz-acl"]}`);
    if (request.headers.authorization !== undefined) breach("an Authorization header was sent");
    if (request.headers["content-length"] !== String(expected))
      breach(`content-length ${request.headers["content-length"]}, expected ${expected}`);
    const failure = options.failures?.find((f) => f.part === part && f.attempt === record.attempt);

    const hash = createHash("sha256");
    const handle = upload.assembledPath ? await fileHandle(upload) : undefined;
    let position = upload.sizes.slice(0, part).reduce((sum, size) => sum + size, 0);
    try {
      for await (const chunk of request as AsyncIterable<Buffer>) {
        hash.update(chunk);
        record.bytes += chunk.byteLength;
        if (handle) position += (await handle.write(chunk, 0, chunk.byteLength, position)).bytesWritten;
        if (failure?.kind === "reset" && record.bytes >= expected / 2) {
          record.outcome = "injected";
          request.socket.destroy();
          return;
        }
        if (failure?.kind === "stall-mid-body" && record.bytes >= expected / 2) {
          record.outcome = "injected";
          // Leaving the loop would destroy the request; stay inside it, reading nothing, until the client gives up.
          await new Promise<void>((resolve) => request.socket.once("close", () => resolve()));
          return;
        }
      }
    } catch {
      return; // The client went away mid-body: the record stays "aborted".
    }
    if (record.bytes !== expected) {
      breach(`received ${record.bytes} bytes, expected ${expected}`);
      return refuse(response, record, 400);
    }
    if (failure?.kind === "stall") {
      record.outcome = "injected";
      return;
    }
    if (failure) {
      record.outcome = "injected";
      const status = Number(failure.kind);
      const code =
        status === 403 ? "AccessDenied</Code><Message>Request has expired" : "InternalError</Code><Message>Injected";
      response.writeHead(status, {
        "content-type": "application/xml",
        ...(status === 503 ? { "retry-after": "0" } : {}),
      });
      return response.end(`<?xml version="1.0"?><Error><Code>${code}</Message></Error>`);
    }
    record.sha256 = hash.digest("hex");
    notify();
    if (options.stall) return;
    if (holdOpen()) {
      holdTimer ??= setTimeout(() => {
        holdTimedOut = true;
        releaseHeld();
      }, options.holdTimeoutMs ?? 10_000);
      await new Promise<void>((resolve) => held.add(resolve));
    }
    upload.stored[part] = record.sha256;
    record.outcome = "stored";
    response.writeHead(200, { etag: `"${record.sha256.slice(0, 32)}"` }).end();
    notify();
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", origin);
    const match = /^\/uploads\/([^/]+)\/parts\/(\d+)$/.exec(url.pathname);
    if (!match) {
      const original = /^\/uploads\/([^/]+)\/original$/.exec(url.pathname);
      const upload = original ? uploads.get(original[1] as string) : undefined;
      if (upload?.assembledPath && upload.stored.every(Boolean)) {
        response.writeHead(200, { "content-type": upload.mediaType, "content-length": upload.size });
        return void createReadStream(upload.assembledPath).pipe(response);
      }
      return void handleFilesApi(request, response, url, { folders, uploads, createUpload });
    }
    const upload = uploads.get(match[1] as string);
    if (!upload) return void response.writeHead(404).end();
    inFlight++;
    maxConcurrent = Math.max(maxConcurrent, inFlight);
    if (!holdOpen()) releaseHeld();
    notify();
    response.on("close", () => {
      inFlight--;
      notify();
    });
    receivePart(request, response, upload, Number(match[2])).catch((error: unknown) => {
      problems.push(`target error: ${String(error)}`);
      response.destroy();
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const target: UploadTarget = {
    origin,
    uploads,
    attempts,
    problems,
    get inFlight() {
      return inFlight;
    },
    get maxConcurrent() {
      return maxConcurrent;
    },
    get holdTimedOut() {
      return holdTimedOut;
    },
    createUpload,
    async assembledSha256(uploadId) {
      const upload = uploads.get(uploadId);
      if (!upload?.assembledPath) throw new Error(`upload ${uploadId} was not assembled`);
      const hash = createHash("sha256");
      for await (const chunk of createReadStream(upload.assembledPath)) hash.update(chunk as Buffer);
      return hash.digest("hex");
    },
    until(predicate) {
      return new Promise((resolve) => {
        const check = () => {
          if (!predicate(target)) return;
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
        check();
      });
    },
    async close() {
      releaseHeld();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (const handle of handles.values()) await (await handle).close().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
  return target;
}

function refuse(response: ServerResponse, record: PartAttempt, status: number): void {
  record.outcome = "refused";
  response.writeHead(status, { "content-type": "application/xml" }).end("<Error><Code>BadRequest</Code></Error>");
}
