import { stat } from "node:fs/promises";
import { firstIssue, optionalString, requireString } from "./arg-checks.js";
import { localPath } from "./local-path.js";
import { progressReporter } from "./progress-reporter.js";
import type { ToolEntry } from "./tool-entry.js";
import { errorResult, refusal, successResult } from "./tool-result.js";

const ID = { type: "string", minLength: 1 } as const;

/** `upload_file`: a local file into a folder via `client.files.upload`, with progress notifications. */
export function uploadEntry(fileRoot: string | undefined): ToolEntry {
  return {
    definition: {
      name: "upload_file",
      title: "Upload a local file",
      description:
        "Uploads a local file into a Frame.io folder (multi-part, parallel, retried). Sends progress notifications when the request carries a progressToken. Returns the created file.",
      inputSchema: {
        type: "object",
        properties: {
          account_id: { ...ID, description: "Account id" },
          folder_id: { ...ID, description: "Destination folder id" },
          path: { type: "string", minLength: 1, description: "Local file path" },
          name: {
            type: "string",
            minLength: 1,
            maxLength: 255,
            description: "Name in Frame.io (default: the file's name)",
          },
        },
        required: ["account_id", "folder_id", "path"],
        additionalProperties: false,
      },
      annotations: {
        title: "Upload a local file",
        readOnlyHint: false,
        destructiveHint: false,
        idempotentHint: false,
        openWorldHint: true,
      },
    },
    async call(args, context) {
      const issue = firstIssue(
        requireString(args, "account_id"),
        requireString(args, "folder_id"),
        requireString(args, "path"),
        optionalString(args, "name"),
      );
      if (issue) return refusal(issue);
      const path = localPath(args.path as string, fileRoot);
      if (!path) return refusal("path: outside the folder this server may read (--file-root)");
      const info = await stat(path).catch(() => undefined);
      if (!info?.isFile()) return refusal("path: no readable file there");
      const progress = progressReporter(context, "uploaded");
      try {
        const file = await context.client.files.upload({
          account_id: args.account_id as string,
          folder_id: args.folder_id as string,
          source: path,
          ...(args.name ? { name: args.name as string } : {}),
          signal: context.signal,
          onProgress: (p) => progress.report(p.bytesSent, p.totalBytes),
        });
        // The presigned part URLs grant write access to the upload: they stay out of the result.
        const { upload_urls: _urls, ...rest } = file as typeof file & { upload_urls?: unknown };
        await progress.flush();
        return successResult(
          { file: rest, bytes: info.size },
          `upload_file: uploaded ${info.size} bytes as file "${rest.name}" (id ${rest.id}).`,
          context.jsonText,
        );
      } catch (error) {
        return errorResult(error);
      }
    },
  };
}
