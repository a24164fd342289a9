// The MCP server's tool table: one tool per operation, with a JSON Schema (2020-12) of the client's argument object,
// a description for agents, annotations and, for JSON responses, an output schema. Static data, so the server
// starts without converting schemas. Design notes: packages/mcp/docs/design.md.
import { BANNER } from "./write.mjs";

// Formats JSON Schema 2020-12 defines; OpenAPI's int32/int64/float/double are not JSON Schema and strict validators
// refuse unknown formats.
const JSON_SCHEMA_FORMATS = new Set([
  "date-time",
  "date",
  "time",
  "duration",
  "email",
  "idn-email",
  "hostname",
  "idn-hostname",
  "ipv4",
  "ipv6",
  "uri",
  "uri-reference",
  "iri",
  "iri-reference",
  "uuid",
  "uri-template",
  "json-pointer",
  "relative-json-pointer",
  "regex",
]);
// Keywords that only annotate a value, kept beside an `anyOf` split instead of inside its branch.
const ANNOTATIONS = new Set(["description", "title", "default", "examples", "deprecated", "readOnly", "writeOnly"]);
const SCHEMA_REF = "#/components/schemas/";

const snake = (s) => s.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
/** `files.showFileUploadStatus` -> `files_show_file_upload_status`: stable, and legal in every MCP client. */
export const toolName = (key) => key.split(".").map(snake).join("_");

/** Converts an OpenAPI 3.1 schema node to plain JSON Schema 2020-12, noting the components it refers to. */
function convert(node, refs) {
  if (Array.isArray(node)) return node.map((n) => convert(n, refs));
  if (!node || typeof node !== "object") return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith("x-") || key === "example" || key === "discriminator" || key === "xml" || key === "externalDocs")
      continue;
    if (key === "$ref" && typeof value === "string" && value.startsWith(SCHEMA_REF)) {
      const name = value.slice(SCHEMA_REF.length);
      refs.add(name);
      out.$ref = `#/$defs/${name}`;
    } else if (key === "format") {
      if (JSON_SCHEMA_FORMATS.has(value)) out.format = value;
    } else if (key === "properties" || key === "patternProperties" || key === "$defs") {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v, refs)]));
    } else if (
      ["items", "additionalProperties", "not", "allOf", "anyOf", "oneOf", "prefixItems", "contains"].includes(key)
    ) {
      out[key] = convert(value, refs);
    } else {
      out[key] = value;
    }
  }
  return splitTypeArray(out);
}

// `type: ["string", "null"]` becomes `anyOf: [{type: "string", ...}, {type: "null"}]`: strict validators refuse
// union types unless told otherwise, and it is the shape zod's toJSONSchema gives nullable values.
function splitTypeArray(schema) {
  if (!Array.isArray(schema.type)) return schema;
  const outer = {};
  const branches = schema.type.map((type) => ({ type }));
  const main = branches.find((b) => b.type !== "null");
  for (const [key, value] of Object.entries(schema)) {
    if (key === "type") continue;
    if (ANNOTATIONS.has(key)) outer[key] = value;
    else if (main) main[key] = value;
  }
  if (main?.enum) main.enum = main.enum.filter((v) => v !== null);
  return { ...outer, anyOf: branches };
}

/** The named component schemas `refs` needs, transitively, converted. */
function definitions(spec, refs) {
  const defs = {};
  const queue = [...refs];
  while (queue.length) {
    const name = queue.shift();
    if (name in defs) continue;
    const more = new Set();
    defs[name] = convert(spec.components.schemas[name], more);
    for (const next of more) if (!(next in defs)) queue.push(next);
  }
  return Object.fromEntries(
    Object.keys(defs)
      .sort()
      .map((k) => [k, defs[k]]),
  );
}

function withDefs(schema, spec, refs) {
  return refs.size ? { ...schema, $defs: definitions(spec, refs) } : schema;
}

const resolve = (spec, node) => {
  let current = node;
  while (current?.$ref)
    current = current.$ref
      .slice(2)
      .split("/")
      .reduce((acc, k) => acc?.[k], spec);
  return current;
};

/** The argument object of `client.<group>.<method>(args)`: parameters by wire name, plus `data` or `body`. */
function inputSchema(spec, op) {
  const refs = new Set();
  const properties = {};
  const required = [];
  for (const p of op.params) {
    const schema = convert(p.schema ?? {}, refs);
    properties[p.name] = p.description ? { ...schema, description: p.description } : schema;
    if (p.required || p.in === "path") required.push(p.name);
  }
  if (op.bodyStyle === "data") {
    const data = resolve(spec, op.bodySchema).properties.data;
    properties.data = convert(data, refs);
    if (op.bodyRequired) required.push("data");
  } else if (op.bodyStyle === "raw") {
    properties.body = convert(op.bodySchema, refs);
    if (op.bodyRequired) required.push("body");
  }
  const schema = { type: "object", properties, ...(required.length ? { required } : {}), additionalProperties: false };
  return withDefs(schema, spec, refs);
}

/** The success body's schema, inlined one level so that its root says `type: object` as MCP requires. */
function outputSchema(spec, op) {
  if (!op.responseSchema) return undefined;
  const refs = new Set();
  const root = convert(resolve(spec, op.responseSchema), refs);
  if (root.type !== "object") return undefined;
  return withDefs(root, spec, refs);
}

const per = ({ calls, per_seconds, scope }) =>
  `${calls} calls per ${per_seconds === 1 ? "second" : per_seconds === 60 ? "minute" : `${per_seconds} s`} per ${scope}`;

function returns(spec, op) {
  if (op.noContent) return "Returns nothing on success (204).";
  const name = op.responseSchema?.$ref?.slice(SCHEMA_REF.length);
  if (op.paginated)
    return `Returns the first page (${name ?? "a list"}: data[] and links.next); list_all follows the pages.`;
  const data = resolve(spec, op.responseSchema)?.properties?.data;
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
    inputSchema: inputSchema(spec, op),
  }));
  // Output schemas nearly triple the size of tools/list (bench/mcp-tools-list.mjs), so they live in a module of their
  // own that the server loads only with --output-schemas.
  const outputs = Object.fromEntries(operations.map((op) => [op.key, outputSchema(spec, op)]).filter(([, s]) => s));
  return {
    "packages/mcp/src/generated/operation-tools.ts": `${BANNER}import type { OperationTool } from "../operation-tool.js";

/** One MCP tool per Frame.io operation, sorted by SDK name. */
export const operationTools: readonly OperationTool[] = ${JSON.stringify(tools)};
`,
    "packages/mcp/src/generated/output-schemas.ts": `${BANNER}import type { JsonSchema } from "../operation-tool.js";

/** The success body's JSON Schema per operation (SDK name), for operations that answer with a JSON object. */
export const outputSchemas: Readonly<Record<string, JsonSchema>> = ${JSON.stringify(outputs)};
`,
  };
}
