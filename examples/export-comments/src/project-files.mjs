/**
 * Every file of a project, found by walking its folder tree from the root folder, depth first. Each listing is
 * read with `for await`, which follows `links.next` through every page. A version stack counts as a folder of its
 * versions.
 */

/** @typedef {import("@frameio-sdk/client").FrameioClient} FrameioClient */
/** @typedef {import("./comment-rows.mjs").FileEntry} FileEntry */

const PAGE_SIZE = 100;

/**
 * @param {FrameioClient} client
 * @param {string} account_id
 * @param {string} folder_id
 * @param {string} [prefix] The folder's path inside the project, ending in "/".
 * @returns {AsyncGenerator<FileEntry>}
 */
export async function* filesUnder(client, account_id, folder_id, prefix = "") {
  for await (const child of client.folders.index({ account_id, folder_id, page_size: PAGE_SIZE })) {
    const path = `${prefix}${child.name}`;
    if (child.type === "file") {
      yield { id: child.id, path };
    } else if (child.type === "folder") {
      yield* filesUnder(client, account_id, child.id, `${path}/`);
    } else {
      const versions = client.versionStacks.index({ account_id, version_stack_id: child.id, page_size: PAGE_SIZE });
      for await (const version of versions) yield { id: version.id, path: `${path}/${version.name}` };
    }
  }
}
