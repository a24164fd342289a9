import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";

const CHUNK = 4 * 1024 * 1024;

/** Deterministic pseudo-random bytes (xorshift32 from `seed`): incompressible, reproducible, never all zeros. */
export function sampleBytes(size: number, seed = 0x9e3779b9): Uint8Array<ArrayBuffer> {
  const words = new Uint32Array(Math.ceil(size / 4));
  let x = seed >>> 0 || 1;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x >>> 0;
  }
  return new Uint8Array(words.buffer, 0, size);
}

/** Writes `size` sample bytes to `path` in 4 MiB chunks, so even a GiB never sits in memory. */
export async function writeSampleFile(path: string, size: number, seed = 0x9e3779b9): Promise<void> {
  const handle = await open(path, "w");
  try {
    for (let offset = 0, i = 0; offset < size; offset += CHUNK, i++) {
      // A fresh seed per chunk: no two chunks are alike, so a part written at the wrong offset changes the hash.
      const length = Math.min(CHUNK, size - offset);
      await handle.write(sampleBytes(length, seed + i), 0, length, offset);
    }
  } finally {
    await handle.close();
  }
}

/** SHA-256 of `path`, or of bytes `[start, end)` of it. */
export async function sha256File(path: string, start = 0, end?: number): Promise<string> {
  const hash = createHash("sha256");
  const stream = createReadStream(path, {
    start,
    end: end === undefined ? undefined : end - 1,
    highWaterMark: 1 << 20,
  });
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
