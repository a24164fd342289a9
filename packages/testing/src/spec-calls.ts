// Every operation of openapi/openapi.yaml with valid arguments for a call, as the client, the MCP tools and the
// schemas take them. Read through the generator's model (scripts/lib/spec.mjs), so tests and generated code agree on
// what an operation, a parameter and a body are.
import { buildModel, type ModelOperation, resolveRef, type SpecNode } from "../../../scripts/lib/spec.mjs";

const model = buildModel();

/** The parsed spec document. */
export const spec: SpecNode = model.spec;

/** Follows a node's `$ref`s in the spec; throws on a dangling or circular reference. */
export function resolve(node: unknown): SpecNode {
  return resolveRef(spec, node);
}

/** An operation of the model, with its operation object as written and its JSON request media type. */
export interface SpecOperation extends ModelOperation {
  /** The operation object as written in the spec. */
  raw: SpecNode;
  /** The `application/json` request media type (schema and examples), when the operation takes a body. */
  media: SpecNode | undefined;
}

/** Every operation, sorted by SDK name (`group.method`). */
export const specOperations: SpecOperation[] = model.operations.map((o) => {
  const raw: SpecNode = spec.paths[o.path][o.httpMethod.toLowerCase()];
  return { ...o, raw, media: raw.requestBody?.content?.["application/json"] };
});

/** The success status the spec documents for the operation (its first 2xx response). */
export function successStatus(entry: SpecOperation): number {
  return Number(entry.successCodes[0]);
}

/** The example values of a media type object: its `examples` (references followed), then its `example`. */
export function examplesOf(media: SpecNode | undefined): unknown[] {
  return [
    ...Object.values<unknown>(media?.examples ?? {}).map((e) => resolve(e).value),
    ...(media?.example !== undefined ? [media.example] : []),
  ];
}

/** A fixed, valid v4 UUID per name, so requests are reproducible and distinct names give distinct ids. */
export function uuidFor(name: string): string {
  const hex = [...name]
    .reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7)
    .toString(16)
    .padStart(8, "0")
    .slice(0, 8);
  return `${hex}-1111-4222-8333-444455556666`;
}

/**
 * A value the schema accepts: the spec's own example or default when it has one, else the smallest value (required
 * properties only, first enum value or non-null union branch, lengths and bounds at their minimum, arrays of one item
 * or `minItems`). `name` seeds ids and strings so that sibling values differ (`uniqueItems` holds).
 */
export function valueFor(schemaNode: unknown, name = "value"): unknown {
  const schema = resolve(schemaNode);
  if (!schema) return null;
  if (schema.example !== undefined) return schema.example;
  if (schema.examples?.[0] !== undefined) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  if ("const" in schema) return schema.const;
  if (schema.enum) return schema.enum.find((v: unknown) => v !== null) ?? schema.enum[0];
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s: unknown) => valueFor(s, name)));
  const union = schema.oneOf ?? schema.anyOf;
  if (union) return valueFor(union.find((s: unknown) => resolve(s).type !== "null") ?? union[0], name);
  const types: string[] = [schema.type ?? (schema.properties ? "object" : "string")].flat();
  switch (types.find((t) => t !== "null") ?? "null") {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = valueFor(schema.properties?.[key] ?? {}, key);
      return out;
    }
    case "array":
      return Array.from({ length: Math.max(1, schema.minItems ?? 0) }, (_, i) => valueFor(schema.items, `${name}${i}`));
    case "integer":
    case "number":
      return schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return stringFor(schema, name);
  }
}

function stringFor(schema: SpecNode, name: string): string {
  if (schema.format === "uuid" || /adobe:|\[0-9a-f\]\{8\}/.test(schema.pattern ?? "")) return uuidFor(name);
  if (schema.format === "date-time") return "2024-01-02T03:04:05Z";
  if (schema.format === "date") return "2024-01-02";
  if (schema.format === "uri" || schema.format === "url" || /url$/.test(name)) return "https://example.com/hook";
  if (schema.format === "email" || /email/.test(name)) return "someone@example.com";
  const text = `a ${name}`;
  return text.length >= (schema.minLength ?? 0)
    ? text.slice(0, schema.maxLength ?? text.length)
    : text.padEnd(schema.minLength, "x");
}

/** How {@link exampleArguments} fills a call in. */
export interface ExampleOptions {
  /**
   * Which parameters get a value: `"required"` (default), what a minimal call sends (path ids and required
   * parameters); or `"all"`, every parameter the operation declares.
   */
  params?: "required" | "all";
  /**
   * What happens when the spec has no request body example: `"throw"` (default, the strict choice: every body in
   * the spec has one, and a test should fail if one goes missing), or `"derive"` a body with {@link valueFor}.
   */
  missingBody?: "throw" | "derive";
}

/**
 * The arguments of a valid call, once per request body example (once when there is no body): what
 * `client.<group>.<method>(args)`, the operation's MCP tool and its argument schema take. Path ids come from
 * {@link uuidFor}, other parameters from the parameter's example or {@link valueFor}; the body is the request
 * example, its `data` member for operations that wrap the payload (bodyStyle "data"), else `body`.
 */
export function exampleArgumentSets(entry: SpecOperation, options: ExampleOptions = {}): Record<string, unknown>[] {
  const base: Record<string, unknown> = {};
  for (const p of entry.params) {
    if (p.in !== "path" && !p.required && options.params !== "all") continue;
    const own = p.example ?? examplesOf({ examples: p.examples })[0];
    const value = own ?? (p.in === "path" ? uuidFor(p.name) : valueFor(p.resolvedSchema, p.name));
    if (value === undefined) throw new Error(`${entry.key}: no value for parameter ${p.name}`);
    base[p.name] = value;
  }
  if (!entry.media) return [base];
  let bodies = examplesOf(entry.media);
  if (!bodies.length) {
    if (options.missingBody !== "derive") throw new Error(`${entry.key}: the spec has no request body example`);
    bodies = [valueFor(entry.media.schema, "body")];
  }
  return bodies.map((body) => {
    if (entry.bodyStyle !== "data") return { ...base, body };
    const data = (body as SpecNode | null)?.data;
    return data === undefined ? { ...base } : { ...base, data };
  });
}

/** The arguments of a valid call from the spec's first request body example: see {@link exampleArgumentSets}. */
export function exampleArguments(entry: SpecOperation, options: ExampleOptions = {}): Record<string, unknown> {
  return exampleArgumentSets(entry, options)[0] as Record<string, unknown>;
}
