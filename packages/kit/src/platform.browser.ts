/**
 * `@frameio-sdk/kit/platform` outside Node (browsers, workers, edge runtimes): the same names as platform.node.ts,
 * so callers never branch, but file paths are refused with a clear error because there is no file system.
 */
import { FrameioValidationError } from "./errors/index.js";
import type { PartSender } from "./upload/part-sender.js";
import type { UploadSource } from "./upload/source.js";

function pathsNeedNode(operation: string, field: string, instead: string): FrameioValidationError {
  const message = `file paths need Node; pass ${instead}`;
  return new FrameioValidationError(operation, [{ path: field, expected: instead, received: "a file path", message }]);
}

/** Always refuses: there is no file system here. */
export async function openPathSource(_path: string): Promise<UploadSource> {
  throw pathsNeedNode("files.upload", "source", "a Blob, Uint8Array or ReadableStream");
}

/** Always refuses: there is no file system here. */
export async function openPathSink(_path: string): Promise<WritableStream<Uint8Array>> {
  throw pathsNeedNode("files.download", "to", "a WritableStream");
}

/** fetch is the only way to send here. */
export const platformPartSender: PartSender | undefined = undefined;
