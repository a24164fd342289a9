import { FrameioValidationError } from "../errors/index.js";
import { validationIssue } from "../internal/invalid-option.js";
import { streamSource } from "./stream-source.js";

/** What one part's PUT sends: bytes in memory, or a Blob slice the runtime streams from its backing store. */
export type PartBody = Uint8Array | Blob;

/**
 * The bytes of a file to upload, read part by part so that no more than the parts in flight sit in memory.
 * Implement it yourself to upload from anywhere else (a database, another cloud).
 */
export interface UploadSource {
  /** Exact size in bytes; the upload is created for this size. */
  readonly size: number;
  /** Used as the file name when the caller gives none (File.name, a path's base name). */
  readonly name?: string;
  /**
   * True when bytes can only be read once, front to back (a ReadableStream). The engine then reads parts strictly
   * in order and keeps each part's bytes until that part is stored, so retries can resend them.
   */
  readonly sequential: boolean;
  /** Bytes `[start, end)`. */
  read(start: number, end: number, signal?: AbortSignal): Promise<PartBody>;
  /** Releases what the source holds (file handles, stream locks). */
  close?(): Promise<void>;
}

/** A stream whose length is known up front, which Frame.io needs before the first byte is sent. */
export interface SizedStream {
  stream: ReadableStream<Uint8Array>;
  size: number;
  name?: string;
}

/** Everything `files.upload` accepts as `source`. Strings are file paths and need the Node platform entry. */
export type UploadInput =
  | string
  | Blob
  | ArrayBuffer
  | ArrayBufferView
  | ReadableStream<Uint8Array>
  | SizedStream
  | UploadSource;

export interface OpenUploadSourceOptions {
  /** Size of a bare ReadableStream source. */
  size?: number;
  /** Opens a file path; pass `openPathSource` from `@frameio-sdk/kit/platform`. */
  openPath?: (path: string) => Promise<UploadSource>;
  /** Names the call in validation errors. Default `files.upload`. */
  operation?: string;
}

/** Normalises any accepted `source` into an UploadSource, refusing what cannot be uploaded before any request. */
export async function openUploadSource(
  input: UploadInput,
  options: OpenUploadSourceOptions = {},
): Promise<UploadSource> {
  const operation = options.operation ?? "files.upload";
  const refuse = (expected: string, received: string): never => {
    throw new FrameioValidationError(operation, [validationIssue("source", expected, received)]);
  };

  if (typeof input === "string") {
    if (!options.openPath) return refuse("a Blob, Uint8Array or sized ReadableStream (no openPath given)", "a path");
    return options.openPath(input);
  }
  if (isUploadSource(input)) return input;
  if (typeof Blob !== "undefined" && input instanceof Blob)
    return blobSource(input, (input as { name?: unknown }).name);
  if (input instanceof ArrayBuffer) return bytesSource(new Uint8Array(input));
  if (ArrayBuffer.isView(input)) return bytesSource(new Uint8Array(input.buffer, input.byteOffset, input.byteLength));
  if (isReadableStream(input)) {
    if (!isSize(options.size))
      return refuse("a ReadableStream together with `size` (its exact length in bytes)", "no size");
    return streamSource(input, options.size);
  }
  if (input !== null && typeof input === "object" && isReadableStream((input as SizedStream).stream)) {
    const sized = input as SizedStream;
    if (!isSize(sized.size)) return refuse("`size` as a whole number of bytes", String(sized.size));
    return streamSource(sized.stream, sized.size, sized.name);
  }
  return refuse(
    "a file path, Blob/File, Uint8Array, ArrayBuffer, or ReadableStream with a known size",
    input === null ? "null" : typeof input,
  );
}

/** Duck-typed, so an UploadSource written against another copy of the kit (or by hand) is accepted as is. */
export function isUploadSource(value: unknown): value is UploadSource {
  const candidate = value as UploadSource | null;
  return (
    candidate !== null &&
    typeof candidate === "object" &&
    typeof candidate.read === "function" &&
    typeof candidate.size === "number" &&
    typeof candidate.sequential === "boolean"
  );
}

/**
 * A Blob source sends slices as they are: browsers and Node (for `fs.openAsBlob` files) stream a slice from its
 * backing store, so a part never has to be copied into JavaScript memory.
 */
export function blobSource(blob: Blob, name?: unknown): UploadSource {
  return {
    size: blob.size,
    name: typeof name === "string" && name !== "" ? name : undefined,
    sequential: false,
    read: async (start, end) => blob.slice(start, end),
  };
}

/** Parts of an in-memory buffer are views, never copies. */
export function bytesSource(bytes: Uint8Array, name?: string): UploadSource {
  return { size: bytes.byteLength, name, sequential: false, read: async (start, end) => bytes.subarray(start, end) };
}

function isReadableStream(value: unknown): value is ReadableStream<Uint8Array> {
  return typeof ReadableStream !== "undefined" && value instanceof ReadableStream;
}

function isSize(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}
