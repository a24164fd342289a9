/** A small folder of sample files to upload when no folder is given, so the example runs with no set-up. */
import { randomBytes } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Random bytes: a few hundred KiB to a couple of MiB, so the larger files go up in several parts. */
const SAMPLE_FILES = [
  { name: "sample-1.bin", size: 2 * 1024 * 1024 + 123 },
  { name: "sample-2.bin", size: 700 * 1024 },
  { name: "sample-3.bin", size: 64 * 1024 },
];

/** Creates the folder in the system's temp directory and returns its path; the caller removes it. */
export async function createSampleFolder() {
  const dir = await mkdtemp(join(tmpdir(), "upload-folder-sample-"));
  await Promise.all(SAMPLE_FILES.map(({ name, size }) => writeFile(join(dir, name), randomBytes(size))));
  return dir;
}
