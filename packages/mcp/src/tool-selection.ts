import { ConfigError } from "./config-error.js";
import { operationTools } from "./generated/operation-tools.js";
import type { OperationTool } from "./operation-tool.js";

/** Which operations the server exposes. */
export interface SelectionOptions {
  /** Only GET operations. */
  readOnly?: boolean;
  /** Only these SDK groups; matched ignoring case and underscores (`folder_permissions` = `folderPermissions`). */
  groups?: readonly string[];
}

const norm = (s: string) => s.replace(/[_-]/g, "").toLowerCase();

/** The operations a server with these options exposes; an unknown group name is a ConfigError. */
export function selectOperations(options: SelectionOptions = {}): OperationTool[] {
  let wanted: Set<string> | undefined;
  if (options.groups) {
    const known = new Map(operationTools.map((t) => [norm(t.group), t.group]));
    wanted = new Set();
    for (const name of options.groups) {
      const group = known.get(norm(name));
      if (!group) throw new ConfigError(`unknown group "${name}"; groups: ${[...new Set(known.values())].join(", ")}`);
      wanted.add(group);
    }
  }
  return operationTools.filter(
    (t) => (!options.readOnly || t.httpMethod === "GET") && (!wanted || wanted.has(t.group)),
  );
}
