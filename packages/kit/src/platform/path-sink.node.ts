import { open, unlink, type FileHandle } from "node:fs/promises";
import { FrameioValidationError } from "../errors/index.js";

/**
 * A WritableStream into a file at `path` (created or truncated). Aborting it, which a failed or cancelled download
 * does, deletes the partial file.
 */
export async function openPathSink(path: string): Promise<WritableStream<Uint8Array>> {
  let handle: FileHandle;
  try {
    handle = await open(path, "w");
  } catch (error) {
    const code = String((error as { code?: unknown }).code ?? error);
    throw new FrameioValidationError("files.download", [
      { path: "to", expected: "a writable file path", received: code, message: `cannot write to ${path} (${code})` },
    ]);
  }
  let position = 0;
  return new WritableStream<Uint8Array>({
    async write(chunk) {
      for (let offset = 0; offset < chunk.byteLength; ) {
        const { bytesWritten } = await handle.write(chunk, offset, chunk.byteLength - offset, position);
        offset += bytesWritten;
        position += bytesWritten;
      }
    },
    async close() {
      await handle.close();
    },
    async abort() {
      await handle.close().catch(() => undefined);
      await unlink(path).catch(() => undefined);
    },
  });
}
