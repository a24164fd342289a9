import { randomBytes } from "node:crypto";
import { type FileHandle, open, rename, unlink } from "node:fs/promises";
import { FrameioValidationError } from "../errors/index.js";
import { withDiscard } from "../upload/sink-discard.js";

/**
 * A WritableStream into a file at `path`. Bytes go to a temporary file next to it (`<path>.<random>.part`), renamed
 * to `path` only once the download is complete: a failed or cancelled download deletes its partial file and leaves
 * whatever was at `path` before untouched, and a download that reports success always left its file in place.
 */
export async function openPathSink(path: string): Promise<WritableStream<Uint8Array>> {
  const partial = `${path}.${randomBytes(6).toString("hex")}.part`;
  let handle: FileHandle;
  try {
    handle = await open(partial, "wx");
  } catch (error) {
    const code = String((error as { code?: unknown }).code ?? error);
    throw new FrameioValidationError("files.download", [
      { path: "to", expected: "a writable file path", received: code, message: `cannot write to ${path} (${code})` },
    ]);
  }
  let discarded: Promise<void> | undefined;
  const discard = () => {
    discarded ??= (async () => {
      await handle.close().catch(() => undefined);
      await unlink(partial).catch(() => undefined);
    })();
    return discarded;
  };
  let position = 0;
  const sink = new WritableStream<Uint8Array>({
    async write(chunk) {
      for (let offset = 0; offset < chunk.byteLength; ) {
        const { bytesWritten } = await handle.write(chunk, offset, chunk.byteLength - offset, position);
        offset += bytesWritten;
        position += bytesWritten;
      }
    },
    async close() {
      await handle.close();
      await rename(partial, path);
    },
    abort: discard,
  });
  return withDiscard(sink, discard);
}
