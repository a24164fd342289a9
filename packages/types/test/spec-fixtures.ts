// Reads the spec the way the contract tests need it, through the generator's spec model (scripts/lib/spec.mjs):
// operations with ready-made valid arguments.
import { buildModel, type ModelOperation, resolveRef } from "../../../scripts/lib/spec.mjs";

const model = buildModel();
export const spec = model.spec;

export interface SpecOperation {
  id: string;
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  // biome-ignore lint/suspicious/noExplicitAny: the raw operation object of the YAML document.
  op: Record<string, any>;
  model: ModelOperation;
}

export function operations(): SpecOperation[] {
  return model.operations.map((operation) => {
    const method = operation.httpMethod.toLowerCase() as SpecOperation["method"];
    return { id: operation.id, method, path: operation.path, op: spec.paths[operation.path][method], model: operation };
  });
}

/** A valid id for any path parameter: a fixed v4 UUID per name. */
export function pathValue(name: string): string {
  const hex = [...name]
    .reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7)
    .toString(16)
    .padStart(8, "0")
    .slice(0, 8);
  return `${hex}-0000-4000-8000-000000000000`;
}

/** Path, required query and header parameters for a valid call, and the request body from the spec's example. */
export function validArguments(entry: SpecOperation) {
  const path: Record<string, string> = {};
  const query: Record<string, unknown> = {};
  const header: Record<string, string> = {};
  for (const p of entry.model.params) {
    if (p.in === "path") path[p.name] = pathValue(p.name);
    else if (p.required && p.in === "query") query[p.name] = p.resolvedSchema.enum?.[0] ?? p.default;
    else if (p.in === "header") header[p.name] = String(p.sentByDefault ?? p.resolvedSchema.enum?.[0]);
  }
  const media = entry.op.requestBody?.content?.["application/json"];
  const body = media ? Object.values<{ value: unknown }>(media.examples ?? {})[0]?.value : undefined;
  return { path, query, header, body, hasBody: Boolean(media) };
}

/** The documented success status and its JSON schema (undefined for 204). */
export function success(entry: SpecOperation): { status: number; schema: unknown } {
  const code = entry.model.successCodes[0]!;
  return {
    status: Number(code),
    schema: resolveRef(spec, entry.op.responses[code]).content?.["application/json"]?.schema,
  };
}
