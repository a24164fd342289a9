/**
 * Frame.io folder upload: mirrors the files of a local folder into a Frame.io folder, skipping those already
 * there by name, with a progress bar per file.
 *
 *   pnpm --filter upload-folder start -- <local-dir> [folder-id]
 *
 * With FRAMEIO_CLIENT_ID and FRAMEIO_CLIENT_SECRET (an OAuth Server-to-Server credential) or FRAMEIO_TOKEN (an IMS
 * access token) it uploads to Frame.io, into `folder-id` of FRAMEIO_ACCOUNT_ID (default: the first account).
 * With none of them it uploads to a local upload target. Without `local-dir` it uploads a generated sample folder.
 */
import { rm } from "node:fs/promises";
import { CLI_CREDENTIALS, cliClient, resolveAccountId } from "examples-shared/cli-client.mjs";
import { programArgs, runProgram } from "examples-shared/run-program.mjs";
import { chooseTarget } from "examples-shared/target.mjs";
import { mirrorFolder } from "./mirror-folder.mjs";
import { createProgress, formatBytes } from "./progress-line.mjs";
import { createSampleFolder } from "./sample-folder.mjs";

const USAGE = "Usage: pnpm --filter upload-folder start -- [local-dir] [folder-id]";

await runProgram(async ({ onStop }) => {
  const args = programArgs();
  if (args.length > 2 || args.some((arg) => arg.startsWith("-"))) throw new Error(USAGE);
  const [localDir, folderArg] = args;
  const target = await chooseTarget({
    credentials: CLI_CREDENTIALS,
    localBundle: new URL("../dist/local-frameio.mjs", import.meta.url),
    localDescription: "a local upload target (stands in for Frame.io's file endpoints and S3 part URLs)",
    localOptions: { folderId: folderArg },
  });
  onStop(() => target.stop());
  const folder_id = folderArg ?? target.folderId;
  if (!folder_id) throw new Error(`Name the Frame.io folder to upload into.\n${USAGE}`);

  let dir = localDir;
  if (!dir) {
    const sample = await createSampleFolder();
    dir = sample;
    onStop(() => rm(sample, { recursive: true, force: true }));
    console.error(`No local folder given: uploading generated sample files from ${sample}`);
  }

  const client = cliClient(target);
  const account_id = await resolveAccountId(client, target);
  const totals = await mirrorFolder({ client, account_id, folder_id, dir, progress: createProgress(process.stdout) });
  console.log(
    `${totals.uploaded} uploaded (${formatBytes(totals.bytes)}), ${totals.skipped} skipped, ${totals.failed} failed`,
  );
  if (totals.failed > 0) process.exitCode = 1;
});
