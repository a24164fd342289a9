/**
 * The projects the signed-in user can see: for each account, each workspace's projects. Only first pages are read
 * (awaiting a Pager yields its first page), which keeps the page to a handful of requests; the local mock also
 * answers every page with another `links.next`, so walking all of them would never end there.
 */

/** @typedef {import("@frameio-sdk/client").FrameioClient} FrameioClient */
/** @typedef {{ name: string, workspace: string, account: string }} ProjectEntry */

const PAGE_SIZE = 20;

/**
 * @param {FrameioClient} client
 * @returns {Promise<ProjectEntry[]>}
 */
export async function listProjects(client) {
  const { data: accounts } = await client.accounts.index({ page_size: PAGE_SIZE });
  const perAccount = await Promise.all(
    accounts.map(async (account) => {
      const account_id = account.id;
      const { data: workspaces } = await client.workspaces.index({ account_id, page_size: PAGE_SIZE });
      const perWorkspace = await Promise.all(
        workspaces.map(async (workspace) => {
          const { data: projects } = await client.projects.index({
            account_id,
            workspace_id: workspace.id,
            page_size: PAGE_SIZE,
          });
          return projects.map((project) => ({
            name: project.name,
            workspace: workspace.name,
            account: account.display_name,
          }));
        }),
      );
      return perWorkspace.flat();
    }),
  );
  return perAccount.flat();
}
