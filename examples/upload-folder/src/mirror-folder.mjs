/**
 * Mirrors the files directly inside a local folder into a Frame.io folder: what is already there by name is
 * skipped, everything else is uploaded one file at a time, each file's parts in parallel. Subfolders are not
 * descended into. A failed file is reported and the rest still go up.
 */
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { describeError } from "examples-shared/run-program.mjs";

/** @typedef {import("@frameio-sdk/client").FrameioClient} FrameioClient */
/** @typedef {ReturnType<typeof import("./progress-line.mjs").createProgress>} Progress */

/** Parts of one file in flight at once. Frame.io's part URLs go to S3, which takes parallel PUTs well. */
const PART_CONCURRENCY = 4;

/**
 * @param {object} options
 * @param {FrameioClient} options.client
 * @param {string} options.account_id
 * @param {string} options.folder_id
 * @param {string} options.dir
 * @param {Progress} options.progress
 */
export async function mirrorFolder({ client, account_id, folder_id, dir, progress }) {
  const totals = { uploaded: 0, bytes: 0, skipped: 0, failed: 0 };
  const present = await namesInFolder(client, account_id, folder_id);
  for (const entry of await localEntries(dir)) {
    const reason = skipReason(entry, present);
    if (reason) {
      progress.skipped(entry.name, reason);
      totals.skipped++;
      continue;
    }
    const line = progress.start(entry.name, entry.size);
    try {
      await client.files.upload({
        account_id,
        folder_id,
        source: entry.path,
        concurrency: PART_CONCURRENCY,
        onProgress: ({ bytesSent }) => line.update(bytesSent),
      });
      line.done();
      totals.uploaded++;
      totals.bytes += entry.size;
    } catch (error) {
      line.failed(describeError(error));
      totals.failed++;
    }
  }
  return totals;
}

/**
 * Why an entry is not uploaded, if it is not.
 * @param {{ name: string, isFile: boolean, size: number }} entry
 * @param {Set<string>} present
 */
function skipReason(entry, present) {
  if (!entry.isFile) return "not a regular file (subfolders are not mirrored)";
  if (present.has(entry.name)) return "already in the folder";
  if (entry.size === 0) return "empty (Frame.io refuses empty files)";
  return undefined;
}

/**
 * Names of the files already in the Frame.io folder, through every page of the listing.
 * @param {FrameioClient} client
 * @param {string} account_id
 * @param {string} folder_id
 */
async function namesInFolder(client, account_id, folder_id) {
  /** @type {Set<string>} */
  const names = new Set();
  for await (const file of client.files.list({ account_id, folder_id, page_size: 100 })) names.add(file.name);
  return names;
}

/**
 * The folder's entries in name order, with what the mirror needs to know about each.
 * @param {string} dir
 */
async function localEntries(dir) {
  const names = (await readdir(dir)).sort();
  return Promise.all(
    names.map(async (name) => {
      const path = join(dir, name);
      const info = await stat(path);
      return { name, path, isFile: info.isFile(), size: info.size };
    }),
  );
}
