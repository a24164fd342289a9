// The spec as the operation tests read it: every operation by SDK name, with valid arguments for a call.
import { loadSpec, resolveRef, type SpecNode } from "../../../../scripts/lib/spec.mjs";

type Node = SpecNode;

/** The spec, read through the generator's model (scripts/lib/spec.mjs), so `$ref`s decode one way everywhere. */
export const spec: Node = loadSpec();

export interface SpecOperation {
  /** SDK name, `group.method`, as in `operationTable`. */
  key: string;
  operationId: string;
  method: string;
  path: string;
  op: Node;
}

function resolve(node: unknown): Node {
  return resolveRef(spec, node);
}

export function specOperations(): SpecOperation[] {
  const out: SpecOperation[] = [];
  for (const [path, item] of Object.entries<Node>(spec.paths)) {
    for (const method of ["get", "post", "put", "patch", "delete"]) {
      const op = item[method];
      if (!op) continue;
      out.push({
        key: `${op["x-sdk"].group}.${op["x-sdk"].method}`,
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        op,
      });
    }
  }
  return out.sort((a, b) => a.key.localeCompare(b.key));
}

/** A fixed, valid v4 UUID per parameter name, so requests are reproducible. */
export function uuidFor(name: string): string {
  const hex = [...name]
    .reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7)
    .toString(16)
    .padStart(8, "0")
    .slice(0, 8);
  return `${hex}-1111-4222-8333-444455556666`;
}

/**
 * The smallest value the schema accepts: required properties only, first enum value or union branch, lengths
 * and bounds at their minimum. Only used where the spec has no request example yet.
 */
export function minimalValue(schemaNode: unknown, name = "value"): unknown {
  const schema = resolve(schemaNode);
  if (!schema) return null;
  if ("const" in schema) return schema.const;
  if (schema.enum) return schema.enum.find((v: unknown) => v !== null) ?? schema.enum[0];
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s: unknown) => minimalValue(s, name)));
  const union = schema.oneOf ?? schema.anyOf;
  if (union) {
    const branch = union.find((s: unknown) => resolve(s).type !== "null") ?? union[0];
    return minimalValue(branch, name);
  }
  const types: string[] = Array.isArray(schema.type)
    ? schema.type
    : [schema.type ?? (schema.properties ? "object" : "string")];
  const type = types.find((t) => t !== "null") ?? "null";
  switch (type) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = minimalValue(schema.properties?.[key] ?? {}, key);
      return out;
    }
    case "array":
      // Distinct names give distinct ids, so `uniqueItems` holds.
      return Array.from({ length: schema.minItems ?? 0 }, (_, i) => minimalValue(schema.items ?? {}, `${name}${i}`));
    case "integer":
    case "number":
      return schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return minimalString(schema, name);
  }
}

function minimalString(schema: Node, name: string): string {
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

export interface CallArguments {
  args: Record<string, unknown>;
  /** Where the body came from: the spec's request example, or a minimal object derived from the schema. */
  bodySource: "example" | "derived" | "none";
}

/** The single argument of `client.<group>.<method>(args)` for a valid call. */
export function validArguments(entry: SpecOperation): CallArguments {
  const args: Record<string, unknown> = {};
  for (const raw of entry.op.parameters ?? []) {
    const p = resolve(raw);
    if (p.in === "path") args[p.name] = uuidFor(p.name);
    else if (p.required) args[p.name] = minimalValue(p.schema, p.name);
  }
  const media = entry.op.requestBody?.content?.["application/json"];
  if (!media) return { args, bodySource: "none" };
  const example = Object.values<Node>(media.examples ?? {})[0]?.value ?? media.example;
  const body = example ?? minimalValue(media.schema, "body");
  // Every body but search's wraps its payload in `data`; the client takes that member as `data`.
  const wrapped = resolve(media.schema).properties?.data !== undefined;
  if (wrapped) {
    if ((body as Node).data !== undefined) args.data = (body as Node).data;
  } else {
    args.body = body;
  }
  return { args, bodySource: example === undefined ? "derived" : "example" };
}

/** The success status the spec documents for the operation. */
export function successStatus(entry: SpecOperation): number {
  return Number(Object.keys(entry.op.responses).find((code) => /^2\d\d$/.test(code)));
}

export function isPaginated(entry: SpecOperation): boolean {
  return entry.op["x-pagination"] === "cursor";
}
