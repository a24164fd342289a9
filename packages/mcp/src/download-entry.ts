import { stat } from "node:fs/promises";
import { firstIssue, optionalBoolean, requireString } from "./arg-checks.js";
import { localPath } from "./local-path.js";
import { progressReporter } from "./progress-reporter.js";
import type { ToolEntry } from "./tool-entry.js";
import { errorResult, refusal, successResult } from "./tool-result.js";

/** `download_file`: a file's original to a local path via `client.files.download`, with progress notifications. */
export function downloadEntry(fileRoot: string | undefined): ToolEntry {
  return {
    definition: {
      name: "download_file",
      title: "Download a file",
      description:
        "Downloads a Frame.io file's original to a local path (refuses to replace an existing file unless overwrite is true). Sends progress notifications when the request carries a progressToken.",
      inputSchema: {
        type: "object",
        properties: {
          account_id: { type: "string", minLength: 1, description: "Account id" },
          file_id: { type: "string", minLength: 1, description: "File id" },
          path: { type: "string", minLength: 1, description: "Local destination path" },
          overwrite: { type: "boolean", description: "Replace an existing local file (default false)" },
        },
        required: ["account_id", "file_id", "path"],
        additionalProperties: false,
      },
      // Reads Frame.io only; it writes the local disk, which is why it is not marked read-only.
      annotations: {
        title: "Download a file",
        readOnlyHint: false,
        destructiveHint: false,
        idempotentHint: true,
        openWorldHint: true,
      },
    },
    async call(args, context) {
      const issue = firstIssue(
        requireString(args, "account_id"),
        requireString(args, "file_id"),
        requireString(args, "path"),
        optionalBoolean(args, "overwrite"),
      );
      if (issue) return refusal(issue);
      const path = localPath(args.path as string, fileRoot);
      if (!path) return refusal("path: outside the folder this server may write (--file-root)");
      if (!args.overwrite && (await stat(path).catch(() => undefined)))
        return refusal("path: a file exists there (pass overwrite: true to replace it)");
      const progress = progressReporter(context, "downloaded");
      try {
        const { bytes } = await context.client.files.download({
          account_id: args.account_id as string,
          file_id: args.file_id as string,
          to: path,
          signal: context.signal,
          onProgress: (p) => progress.report(p.bytesReceived, p.totalBytes),
        });
        await progress.flush();
        return successResult({ path, bytes }, `download_file: wrote ${bytes} bytes to ${path}.`, context.jsonText);
      } catch (error) {
        return errorResult(error);
      }
    },
  };
}
