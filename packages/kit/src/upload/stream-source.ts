import { FrameioValidationError } from "../errors/index.js";
import { validationIssue } from "../internal/invalid-option.js";
import type { UploadSource } from "./source.js";

/**
 * Reads a ReadableStream as consecutive parts. Each `read` must ask for the bytes right after the previous one;
 * the engine guarantees that by reading parts in order, one at a time.
 */
export function streamSource(stream: ReadableStream<Uint8Array>, size: number, name?: string): UploadSource {
  const reader = stream.getReader();
  let position = 0;
  // Bytes of the last chunk that belong to the next part.
  let carry: Uint8Array | undefined;

  const shortOrLong = (received: string) =>
    new FrameioValidationError("files.upload", [
      validationIssue("source", `a stream of exactly ${size} bytes (the given size)`, received),
    ]);

  const next = async (signal?: AbortSignal): Promise<Uint8Array | undefined> => {
    if (carry) {
      const chunk = carry;
      carry = undefined;
      return chunk;
    }
    const onAbort = () => void reader.cancel(signal?.reason).catch(() => undefined);
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      for (;;) {
        const { done, value } = await reader.read();
        signal?.throwIfAborted();
        if (done) return undefined;
        if (value.byteLength > 0) return value;
      }
    } finally {
      signal?.removeEventListener("abort", onAbort);
    }
  };

  return {
    size,
    name,
    sequential: true,
    async read(start, end, signal) {
      if (start !== position) throw new Error(`stream source read out of order: asked for ${start}, at ${position}`);
      const part = new Uint8Array(end - start);
      let filled = 0;
      while (filled < part.byteLength) {
        const chunk = await next(signal);
        if (chunk === undefined) throw shortOrLong(`a stream that ended after ${start + filled} bytes`);
        const take = Math.min(chunk.byteLength, part.byteLength - filled);
        part.set(chunk.subarray(0, take), filled);
        filled += take;
        if (take < chunk.byteLength) carry = chunk.subarray(take);
      }
      position = end;
      if (end === size && (await next(signal)) !== undefined) {
        // Sending a truncated file would look like success; say so instead.
        throw shortOrLong("a stream longer than the given size");
      }
      return part;
    },
    async close() {
      await reader.cancel().catch(() => undefined);
      try {
        reader.releaseLock();
      } catch {
        // A read still pending on an exotic stream keeps the lock; the stream is cancelled either way.
      }
    },
  };
}
