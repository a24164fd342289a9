/**
 * Prints what a credential can see, as an indented tree: accounts, their workspaces, the projects in each
 * workspace, and the top of the first project's folder tree.
 */

/** @typedef {import("@frameio-sdk/client").FrameioClient} FrameioClient */

/** Items shown per list; also the page size asked for, so each level costs one small request. */
const ITEMS_PER_LIST = 3;
/** Levels of the folder tree below a project's root folder. */
const FOLDER_DEPTH = 2;

const ASSET_LABELS = { folder: "Folder", file: "File", version_stack: "Version stack" };

/**
 * The first few items of a list. Only the first page is requested (awaiting a Pager resolves to it): a quickstart
 * should not walk a whole account, and the local mock answers every page with another `links.next`, so an
 * unbounded `for await` would never end there.
 * @template T
 * @param {PromiseLike<{ data: readonly T[] }>} pager
 * @returns {Promise<T[]>}
 */
async function firstItems(pager) {
  return (await pager).data.slice(0, ITEMS_PER_LIST);
}

/**
 * @param {FrameioClient} client
 * @param {(line: string) => void} [print]
 */
export async function printAccountTree(client, print = console.log) {
  const accounts = await firstItems(client.accounts.index({ page_size: ITEMS_PER_LIST }));
  if (accounts.length === 0) print("(this credential sees no accounts)");
  for (const account of accounts) {
    print(`Account ${account.display_name} (${account.id})`);
    const account_id = account.id;
    for (const workspace of await firstItems(client.workspaces.index({ account_id, page_size: ITEMS_PER_LIST }))) {
      print(`  Workspace ${workspace.name}`);
      const projects = await firstItems(
        client.projects.index({ account_id, workspace_id: workspace.id, page_size: ITEMS_PER_LIST }),
      );
      for (const [index, project] of projects.entries()) {
        print(`    Project ${project.name}`);
        // One folder tree is enough to show the shape, and keeps the run to a handful of requests.
        if (index === 0) await printFolder(client, account_id, project.root_folder_id, 1, print);
      }
    }
  }
}

/**
 * @param {FrameioClient} client
 * @param {string} account_id
 * @param {string} folder_id
 * @param {number} depth 1 for the children of a project's root folder
 * @param {(line: string) => void} print
 */
async function printFolder(client, account_id, folder_id, depth, print) {
  const indent = "  ".repeat(2 + depth); // projects are printed two levels in
  const children = await firstItems(client.folders.index({ account_id, folder_id, page_size: ITEMS_PER_LIST }));
  for (const child of children) {
    print(`${indent}${ASSET_LABELS[child.type]} ${child.name}`);
    if (child.type === "folder" && depth < FOLDER_DEPTH)
      await printFolder(client, account_id, child.id, depth + 1, print);
  }
}
