/** A JSON Schema (2020-12) document, as MCP carries it in `inputSchema` and `outputSchema`. */
export type JsonSchema = { type?: string } & Record<string, unknown>;

/** One generated operation tool (src/generated/operation-tools.ts): what `tools/list` shows, and what it calls. */
export interface OperationTool {
  /** Tool name from the SDK name: `files.show` -> `files_show`. */
  name: string;
  /** SDK name, `group.method`, as `client.call`, `invoke_operation` and `list_all` take it. */
  operation: string;
  operationId: string;
  /** SDK group, as `--groups` takes it. */
  group: string;
  httpMethod: "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | string;
  /** The client returns a Pager: the tool answers with the first page, `list_all` follows the pages. */
  paginated: boolean;
  deprecated: boolean;
  description: string;
  annotations: {
    title: string;
    readOnlyHint: boolean;
    destructiveHint: boolean;
    idempotentHint: boolean;
    openWorldHint: boolean;
  };
}
