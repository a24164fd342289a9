// The MCP server's tool table: one row per operation with its tool name, a description for agents (summary, what it
// returns, rate limit) and annotations from the HTTP method. The input and output schemas are not here: the server
// takes them from @frameio-sdk/schemas (zod) as JSON Schema. Design notes: packages/mcp/docs/design.md.
import { resolveRef } from "./spec.mjs";
import { BANNER } from "./write.mjs";

const SCHEMA_REF = "#/components/schemas/";

const snake = (s) => s.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
/** `files.showFileUploadStatus` -> `files_show_file_upload_status`: stable, and legal in every MCP client. */
export const toolName = (key) => key.split(".").map(snake).join("_");

const per = ({ calls, per_seconds, scope }) =>
  `${calls} calls per ${per_seconds === 1 ? "second" : per_seconds === 60 ? "minute" : `${per_seconds} s`} per ${scope}`;

function returns(spec, op) {
  if (op.noContent) return "Returns nothing on success (204).";
  const name = op.responseSchema?.$ref?.slice(SCHEMA_REF.length);
  if (op.paginated)
    return `Returns the first page (${name ?? "a list"}: data[] and links.next); list_all (compact mode: invoke_operation with max_items) follows the pages.`;
  const data = resolveRef(spec, op.responseSchema)?.properties?.data;
  const inner =
    data?.$ref?.slice(SCHEMA_REF.length) ??
    (data?.type === "array" ? `${data.items?.$ref?.slice(SCHEMA_REF.length) ?? "item"}[]` : undefined);
  return `Returns ${inner ? `{ data: ${inner} }` : (name ?? "a JSON object")}.`;
}

function description(spec, op) {
  const parts = [op.summary.endsWith(".") ? op.summary : `${op.summary}.`];
  if (op.description && op.description !== op.summary) parts.push(op.description);
  parts.push(returns(spec, op));
  if (op.rateLimit) parts.push(`Rate limit: ${per(op.rateLimit)}.`);
  if (op.deprecated) parts.push("Deprecated.");
  parts.push(`(${op.httpMethod} ${op.path}; operation ${op.key})`);
  return parts.join(" ");
}

function annotations(op) {
  return {
    title: op.summary,
    readOnlyHint: op.httpMethod === "GET",
    destructiveHint: op.httpMethod === "DELETE",
    idempotentHint: ["GET", "PUT", "DELETE"].includes(op.httpMethod),
    openWorldHint: true,
  };
}

/**
 * Returns the generated files by repo-relative path. `model` is `{ spec, operations, webhooks }` as
 * scripts/lib/spec.mjs builds it; operations are not modified.
 */
export function generateMcp({ spec, operations }) {
  const tools = operations.map((op) => ({
    name: toolName(op.key),
    operation: op.key,
    operationId: op.id,
    group: op.group,
    httpMethod: op.httpMethod,
    paginated: op.paginated,
    deprecated: Boolean(op.deprecated),
    description: description(spec, op),
    annotations: annotations(op),
  }));
  return {
    "packages/mcp/src/generated/operation-tools.ts": `${BANNER}import type { OperationTool } from "../operation-tool.js";

/** One MCP tool per Frame.io operation, sorted by SDK name. */
export const operationTools: readonly OperationTool[] = ${JSON.stringify(tools)};
`,
  };
}
