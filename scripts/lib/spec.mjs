// The one spec model: openapi/openapi.yaml loaded once, `$ref`s decoded one way, operations and webhook events listed
// in a stable order. The generator's emitters and the packages' tests all read the spec through this module.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

export const SPEC_PATH = fileURLToPath(new URL("../../openapi/openapi.yaml", import.meta.url));
export const HTTP_METHODS = ["get", "post", "put", "patch", "delete"];

/** Parses an OpenAPI document (YAML or JSON) from disk. */
export function loadSpec(path = SPEC_PATH) {
  return parse(readFileSync(path, "utf8"));
}

/**
 * The keys of a local reference (`#/components/schemas/A~1B` -> ["components", "schemas", "A/B"]): the fragment is
 * URI-decoded, then each JSON-pointer token unescapes `~1` before `~0` (RFC 6901, so `~01` is the literal `~1`).
 */
export function decodeRef(ref) {
  if (typeof ref !== "string" || !ref.startsWith("#")) throw new Error(`Only local references are supported: ${ref}`);
  const pointer = decodeURIComponent(ref.slice(1));
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) throw new Error(`Not a JSON pointer: ${ref}`);
  return pointer
    .slice(1)
    .split("/")
    .map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** Follows `$ref`s from `node` until a node without one; throws on a dangling or circular reference. */
export function resolveRef(spec, node) {
  let current = node;
  const seen = new Set();
  while (current && typeof current === "object" && typeof current.$ref === "string") {
    const ref = current.$ref;
    if (seen.has(ref)) throw new Error(`Circular reference: ${[...seen, ref].join(" -> ")}`);
    seen.add(ref);
    current = decodeRef(ref).reduce((acc, key) => (acc && typeof acc === "object" ? acc[key] : undefined), spec);
    if (current === undefined) throw new Error(`Unresolvable reference: ${ref}`);
  }
  return current;
}

/**
 * A parameter with its schema resolved. `default` is the schema's default (what the server assumes);
 * `sentByDefault` is what a client sends for a header the caller leaves out: the schema's default, or the header's
 * only allowed value (`api-version: "4.0"`); undefined for every other parameter. `list` is true for an array
 * parameter; `style`/`explode` carry OpenAPI's defaults when the spec omits them (form and exploded for query,
 * simple for path and header), so `list && !explode` means sent comma-joined.
 */
function modelParam(spec, raw) {
  const param = resolveRef(spec, raw);
  const resolvedSchema = resolveRef(spec, param.schema ?? {});
  const only = resolvedSchema.enum?.length === 1 ? resolvedSchema.enum[0] : resolvedSchema.const;
  const list = resolvedSchema.type === "array";
  const style = param.style ?? (param.in === "query" || param.in === "cookie" ? "form" : "simple");
  return {
    ...param,
    required: Boolean(param.required),
    deprecated: Boolean(param.deprecated),
    resolvedSchema,
    default: resolvedSchema.default,
    sentByDefault: param.in === "header" ? (resolvedSchema.default ?? only) : undefined,
    list,
    style,
    explode: param.explode ?? style === "form",
  };
}

/**
 * Every operation as a flat record. `bodyStyle` is "data" when the JSON body wraps its payload in `data`
 * (almost all of Frame.io), "raw" when the body is the payload itself (search), "none" without a body.
 */
export function listOperations(spec) {
  const ops = [];
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    const shared = item.parameters ?? [];
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!op) continue;
      const params = mergeParams(spec, shared, op.parameters ?? []).map((p) => modelParam(spec, p));
      const bodySchema = op.requestBody?.content?.["application/json"]?.schema;
      const body = bodySchema ? resolveRef(spec, bodySchema) : undefined;
      const bodyStyle = !body ? "none" : body.properties?.data ? "data" : "raw";
      const successCodes = Object.keys(op.responses ?? {}).filter((code) => /^2\d\d$/.test(code));
      const sdk = op["x-sdk"];
      if (!sdk?.group || !sdk?.method) throw new Error(`${method.toUpperCase()} ${path} has no x-sdk group and method`);
      ops.push({
        id: op.operationId,
        operationId: op.operationId,
        key: `${sdk.group}.${sdk.method}`,
        group: sdk.group,
        method: sdk.method,
        httpMethod: method.toUpperCase(),
        path,
        summary: op.summary ?? op.operationId,
        description: op.description,
        deprecated: Boolean(op.deprecated),
        deprecationNote: op["x-deprecated-note"],
        params,
        bodySchema,
        bodyStyle,
        bodyRequired:
          Boolean(op.requestBody?.required) &&
          bodyStyle !== "none" &&
          (bodyStyle === "raw" || (body.required ?? []).includes("data")),
        successCodes,
        noContent: successCodes.length > 0 && successCodes.every((code) => code === "204"),
        paginated: op["x-pagination"] === "cursor",
        rateLimit: op["x-rate-limit"],
        responseSchema: successCodes
          .map((c) => resolveRef(spec, op.responses[c])?.content?.["application/json"]?.schema)
          .find(Boolean),
      });
    }
  }
  return ops.sort((a, b) => a.key.localeCompare(b.key));
}

// Path-level parameters apply to every operation unless the operation redefines the same name and location.
function mergeParams(spec, shared, own) {
  const id = (p) => {
    const r = resolveRef(spec, p);
    return `${r.in}:${r.name}`;
  };
  const overridden = new Set(own.map(id));
  return [...shared.filter((p) => !overridden.has(id(p))), ...own];
}

/**
 * Every webhook event the API sends (the document's `webhooks:` section), in the document's order: the payload schema
 * (as written, often an `allOf`), and the delivery headers with their schemas resolved.
 */
export function listWebhooks(spec) {
  return Object.entries(spec.webhooks ?? {}).map(([type, item]) => {
    const op = resolveRef(spec, item).post;
    if (!op) throw new Error(`Webhook ${type} has no post operation`);
    return {
      type,
      operationId: op.operationId,
      summary: op.summary ?? type,
      description: op.description,
      payloadSchema: op.requestBody?.content?.["application/json"]?.schema,
      headers: (op.parameters ?? []).map((p) => modelParam(spec, p)).filter((p) => p.in === "header"),
    };
  });
}

/** What every emitter receives: the parsed document, its operations and its webhook events. */
export function buildModel(spec = loadSpec()) {
  return { spec, operations: listOperations(spec), webhooks: listWebhooks(spec) };
}
