import { compactEntries } from "./compact-entries.js";
import { downloadEntry } from "./download-entry.js";
import { listAllEntry } from "./list-all-entry.js";
import { operationEntries } from "./operation-entries.js";
import type { ToolMode } from "./options.js";
import type { ToolEntry } from "./tool-entry.js";
import { type SelectionOptions, selectOperations } from "./tool-selection.js";
import { uploadEntry } from "./upload-entry.js";

/** What decides the tool list. */
export interface ToolSetOptions extends SelectionOptions {
  /** `full` (default): one tool per operation plus the task tools; `compact`: three meta tools. */
  mode?: ToolMode;
  /** Full mode: declare each operation's response schema as its outputSchema. */
  outputSchemas?: boolean;
  /** Confine upload_file/download_file to this folder. */
  fileRoot?: string;
  /** Offer upload_file and download_file at all (default true). */
  localFiles?: boolean;
}

/**
 * The tools a server with these options offers. Full mode adds the task tools its selection allows: list_all when
 * any paginated operation is in, download_file with the files group, upload_file with it unless read-only (both
 * only when `localFiles` is not false).
 */
export async function buildToolSet(options: ToolSetOptions = {}): Promise<ToolEntry[]> {
  const operations = selectOperations(options);
  if (options.mode === "compact") return compactEntries(operations, { readOnly: options.readOnly });
  const entries = await operationEntries(operations, options.outputSchemas);
  const paginated = operations.filter((t) => t.paginated);
  if (paginated.length) entries.push(listAllEntry(paginated));
  if (options.localFiles !== false && operations.some((t) => t.group === "files")) {
    entries.push(downloadEntry(options.fileRoot));
    if (!options.readOnly) entries.push(uploadEntry(options.fileRoot));
  }
  return entries;
}
