/**
 * Frame.io comment export: every comment on every file of a project, or of the files given, as CSV.
 *
 *   pnpm --filter export-comments start -- [--project <id> | --file <id> ...] [--output <file.csv>]
 *
 * With FRAMEIO_CLIENT_ID and FRAMEIO_CLIENT_SECRET (an OAuth Server-to-Server credential) or FRAMEIO_TOKEN (an IMS
 * access token) it reads Frame.io, in FRAMEIO_ACCOUNT_ID (default: the first account); with none of them, a local
 * mock. Without --project or --file it exports the first project of the first workspace. The CSV goes to stdout
 * unless --output names a file; the summary goes to stderr.
 */
import { once } from "node:events";
import { open } from "node:fs/promises";
import { parseArgs } from "node:util";
import { CLI_CREDENTIALS, cliClient, resolveAccountId } from "examples-shared/cli-client.mjs";
import { programArgs, runProgram } from "examples-shared/run-program.mjs";
import { chooseTarget } from "examples-shared/target.mjs";
import { COLUMNS, commentRows } from "./comment-rows.mjs";
import { csvRecord } from "./csv.mjs";
import { filesUnder } from "./project-files.mjs";

/** @typedef {import("@frameio-sdk/client").FrameioClient} FrameioClient */
/** @typedef {import("./comment-rows.mjs").FileEntry} FileEntry */

const USAGE = "Usage: pnpm --filter export-comments start -- [--project <id> | --file <id> ...] [--output <file.csv>]";

await runProgram(async ({ onStop }) => {
  const options = parseOptions(programArgs());
  const target = await chooseTarget({
    credentials: CLI_CREDENTIALS,
    localBundle: new URL("../dist/local-frameio.mjs", import.meta.url),
    localDescription: "a local Frame.io mock (Prism, spec examples) and IMS stand-in",
  });
  onStop(() => target.stop());
  const client = cliClient(target);
  const account_id = await resolveAccountId(client, target);
  const files = options.file
    ? givenFiles(client, account_id, options.file)
    : await projectFiles(client, account_id, options.project);

  const write = await openOutput(options.output, onStop);
  await write(csvRecord(COLUMNS));
  const counts = { files: 0, comments: 0 };
  for await (const file of files) {
    counts.files++;
    for await (const row of commentRows(client, account_id, file)) {
      await write(csvRecord(row));
      counts.comments++;
    }
  }
  console.error(
    `Exported ${counts.comments} comments on ${counts.files} files${options.output ? ` to ${options.output}` : ""}.`,
  );
});

/** @param {string[]} args */
function parseOptions(args) {
  try {
    const { values } = parseArgs({
      args,
      options: {
        project: { type: "string" },
        file: { type: "string", multiple: true },
        output: { type: "string", short: "o" },
      },
    });
    if (values.project && values.file) throw new Error("Give --project or --file, not both.");
    return values;
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : error}\n${USAGE}`);
  }
}

/**
 * The project's files: the one given, or the first project of the account's first workspace.
 * @param {FrameioClient} client
 * @param {string} account_id
 * @param {string | undefined} project_id
 */
async function projectFiles(client, account_id, project_id) {
  let project;
  if (project_id) {
    project = (await client.projects.show({ account_id, project_id })).data;
  } else {
    const [workspace] = (await client.workspaces.index({ account_id, page_size: 1 })).data;
    if (workspace)
      [project] = (await client.projects.index({ account_id, workspace_id: workspace.id, page_size: 1 })).data;
    if (!project) throw new Error("This account has no projects to export.");
  }
  console.error(`Exporting the comments of project ${project.name} (${project.id})`);
  return filesUnder(client, account_id, project.root_folder_id);
}

/**
 * @param {FrameioClient} client
 * @param {string} account_id
 * @param {string[]} fileIds
 * @returns {AsyncGenerator<FileEntry>}
 */
async function* givenFiles(client, account_id, fileIds) {
  for (const file_id of fileIds) {
    const { data: file } = await client.files.show({ account_id, file_id });
    yield { id: file.id, path: file.name };
  }
}

/**
 * A function that writes text to the output file (created or truncated), or to stdout, waiting when it is full.
 * @param {string | undefined} path
 * @param {import("examples-shared/run-program.mjs").Lifecycle["onStop"]} onStop
 * @returns {Promise<(text: string) => Promise<void>>}
 */
async function openOutput(path, onStop) {
  if (path) {
    const handle = await open(path, "w");
    onStop(() => handle.close());
    return async (text) => void (await handle.write(text));
  }
  return async (text) => {
    if (!process.stdout.write(text)) await once(process.stdout, "drain");
  };
}
