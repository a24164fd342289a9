/**
 * What the signed-in page shows: the user's accounts and each account's workspaces. Only first pages are read
 * (awaiting a Pager yields its first page): enough for a page, and the local mock answers every page with another
 * `links.next`, so walking all pages would never end there.
 */

/** @typedef {import("@frameio-sdk/client").FrameioClient} FrameioClient */

/** Accounts shown, and workspaces per account. */
const PAGE_SIZE = 10;

/**
 * @param {FrameioClient} client
 * @returns {Promise<Array<{ id: string, name: string, workspaces: string[] }>>}
 */
export async function listAccounts(client) {
  const { data: accounts } = await client.accounts.index({ page_size: PAGE_SIZE });
  return Promise.all(
    accounts.map(async (account) => {
      const { data: workspaces } = await client.workspaces.index({ account_id: account.id, page_size: PAGE_SIZE });
      return { id: account.id, name: account.display_name, workspaces: workspaces.map((workspace) => workspace.name) };
    }),
  );
}
