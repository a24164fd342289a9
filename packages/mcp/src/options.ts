import { parseArgs } from "node:util";
import { ConfigError } from "./config-error.js";

/** Which tools the server lists: every operation (`full`) or three meta tools (`compact`). */
export type ToolMode = "full" | "compact";

/** The command line, parsed and checked. Credentials never come from flags (they would show in `ps`). */
export interface CliOptions {
  mode: ToolMode;
  readOnly: boolean;
  /** SDK groups to expose (`files`, `comments`, ...); undefined for all. */
  groups?: string[];
  outputSchemas: boolean;
  transport: "stdio" | "http";
  host: string;
  port: number;
  /** Name of the environment variable that holds the HTTP bearer secret. */
  secretEnv: string;
  /** When set, upload_file and download_file only touch paths inside this folder. */
  fileRoot?: string;
  /** Also put the full JSON result in the text content. */
  jsonText: boolean;
  help: boolean;
}

export const USAGE = `Usage: frameio-mcp [options]
  --mode full|compact     full: one tool per operation (default); compact: list/describe/invoke_operation
  --read-only             only GET operations; nothing that changes Frame.io
  --groups a,b            only these SDK groups (e.g. files,comments)
  --output-schemas        add each operation's response schema as outputSchema (about 4x larger tools/list)
  --transport stdio|http  default stdio
  --host H --port N       HTTP only; default 127.0.0.1, port 3000 (0 picks a free one)
  --secret-env NAME       HTTP only; env variable holding the bearer secret (default FRAMEIO_MCP_HTTP_SECRET)
  --file-root DIR         upload_file/download_file stay inside DIR (over HTTP they need it)
  --json-text             also put each result's JSON in its text content (clients that ignore structuredContent)
Environment: FRAMEIO_TOKEN, or FRAMEIO_CLIENT_ID + FRAMEIO_CLIENT_SECRET; FRAMEIO_BASE_URL, FRAMEIO_IMS_URL.`;

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new ConfigError(`--${name} must be one of ${allowed.join(", ")}, got "${value}"`);
}

/** Parses `argv` (without node and the script); throws ConfigError on anything unknown or malformed. */
export function parseCliOptions(argv: readonly string[]): CliOptions {
  let values: ReturnType<typeof parse>["values"];
  try {
    values = parse(argv).values;
  } catch (error) {
    throw new ConfigError((error as Error).message.split("\n")[0] ?? "invalid arguments");
  }
  const port = Number(values.port ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`--port must be 0-65535, got "${values.port}"`);
  const groups = values.groups
    ?.split(",")
    .map((g) => g.trim())
    .filter(Boolean);
  if (groups && groups.length === 0) throw new ConfigError("--groups needs at least one group name");
  return {
    mode: oneOf("mode", values.mode ?? "full", ["full", "compact"] as const),
    readOnly: values["read-only"] ?? false,
    groups,
    outputSchemas: values["output-schemas"] ?? false,
    transport: oneOf("transport", values.transport ?? "stdio", ["stdio", "http"] as const),
    host: values.host ?? "127.0.0.1",
    port,
    secretEnv: values["secret-env"] ?? "FRAMEIO_MCP_HTTP_SECRET",
    fileRoot: values["file-root"],
    jsonText: values["json-text"] ?? false,
    help: values.help ?? false,
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      mode: { type: "string" },
      "read-only": { type: "boolean" },
      groups: { type: "string" },
      "output-schemas": { type: "boolean" },
      transport: { type: "string" },
      host: { type: "string" },
      port: { type: "string" },
      "secret-env": { type: "string" },
      "file-root": { type: "string" },
      "json-text": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
}
