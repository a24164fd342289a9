// The spec and example arguments built from it, for tests that check the generated schemas against the spec.
import { readFileSync } from "node:fs";
import { parse } from "yaml";

// biome-ignore lint/suspicious/noExplicitAny: the spec is untyped YAML
export type Node = any;
export const spec: Node = parse(readFileSync(new URL("../../../../openapi/openapi.yaml", import.meta.url), "utf8"));

export function resolve(node: Node): Node {
  let current = node;
  while (current && typeof current.$ref === "string") {
    current = current.$ref
      .slice(2)
      .split("/")
      .reduce((acc: Node, key: string) => acc?.[key.replace(/~1/g, "/").replace(/~0/g, "~")], spec);
  }
  return current;
}

export interface Operation {
  key: string;
  path: string;
  method: string;
  raw: Node;
  params: Node[];
  bodyStyle: "data" | "raw" | "none";
}

export const operations: Operation[] = Object.entries(spec.paths as Record<string, Node>).flatMap(([path, item]) =>
  ["get", "post", "put", "patch", "delete"]
    .filter((method) => item[method])
    .map((method) => {
      const raw = item[method];
      const body = resolve(raw.requestBody?.content?.["application/json"]?.schema);
      return {
        key: `${raw["x-sdk"].group}.${raw["x-sdk"].method}`,
        path,
        method,
        raw,
        params: (raw.parameters ?? []).map(resolve),
        bodyStyle: !body ? "none" : body.properties?.data ? "data" : "raw",
      } satisfies Operation;
    }),
);

/** The example values of a media type object (`examples` and `example`). */
export const examplesOf = (content: Node): unknown[] => [
  ...Object.values((content?.examples ?? {}) as Record<string, Node>).map((e) => resolve(e).value),
  ...(content?.example !== undefined ? [content.example] : []),
];

const ID = "5a7446f1-d0d3-5068-81d1-fd22ab51a4e2";

/** A value the spec allows: its example or default, else the first enum value, the minimum, an id... */
export function valueFor(node: Node): unknown {
  const schema = resolve(node);
  if (!schema) return undefined;
  if (schema.example !== undefined) return schema.example;
  if (schema.examples?.[0] !== undefined) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  if ("const" in schema) return schema.const;
  if (schema.enum) return schema.enum.find((v: unknown) => v !== null);
  if (schema.oneOf ?? schema.anyOf) return valueFor((schema.oneOf ?? schema.anyOf)[0]);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map(valueFor));
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== "null") : schema.type;
  if (type === "object" || schema.properties) {
    const required: string[] = schema.required ?? [];
    return Object.fromEntries(required.map((name) => [name, valueFor(schema.properties?.[name])]));
  }
  if (type === "array") return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => valueFor(schema.items));
  if (type === "integer" || type === "number") return schema.minimum ?? 1;
  if (type === "boolean") return true;
  if (type === "string")
    return schema.format === "uuid" || schema.pattern?.includes("adobe:")
      ? ID
      : schema.format === "date-time"
        ? "2026-06-11T17:42:08.512Z"
        : "x";
  return undefined;
}

/**
 * A parameter's example value. The spec gives parameters no examples of their own, so this falls back to a
 * value derived from the parameter's schema (its default, first enum value, minimum, or a well-formed id).
 */
export function paramExample(param: Node): unknown {
  return (
    param.example ??
    Object.values((param.examples ?? {}) as Record<string, Node>).map((e) => resolve(e).value)[0] ??
    valueFor(param.schema)
  );
}

/** Arguments built from the spec: every parameter that has an example, plus each request body example. */
export function exampleArgs(op: Operation): Record<string, unknown>[] {
  const base: Record<string, unknown> = {};
  for (const param of op.params) {
    const example = paramExample(param);
    if (example === undefined) throw new Error(`${op.key}: no value for parameter ${param.name}`);
    base[param.name] = example;
  }
  const bodies = examplesOf(op.raw.requestBody?.content?.["application/json"]);
  if (op.bodyStyle === "none" || !bodies.length) return [base];
  return bodies.map((body) => ({ ...base, ...(op.bodyStyle === "data" ? { data: (body as Node).data } : { body }) }));
}
