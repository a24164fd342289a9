// Reads the spec the way the contract tests need it: operations with ready-made valid arguments.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

export const spec = parse(readFileSync(fileURLToPath(new URL("../../../openapi/openapi.yaml", import.meta.url)), "utf8"));

export interface SpecOperation {
  id: string;
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  op: Record<string, any>;
}

export function operations(): SpecOperation[] {
  const out: SpecOperation[] = [];
  for (const [path, item] of Object.entries<Record<string, any>>(spec.paths)) {
    for (const method of ["get", "post", "put", "patch", "delete"] as const) {
      if (item[method]) out.push({ id: item[method].operationId, method, path, op: item[method] });
    }
  }
  return out;
}

const deref = (node: any): any => (node?.$ref ? deref(node.$ref.slice(2).split("/").reduce((a: any, k: string) => a[k], spec)) : node);

/** A valid id for any path parameter: a fixed v4 UUID per name. */
export function pathValue(name: string): string {
  const hex = [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7).toString(16).padStart(8, "0").slice(0, 8);
  return `${hex}-0000-4000-8000-000000000000`;
}

/** Path, required query and header parameters for a valid call, and the request body from the spec's example. */
export function validArguments(entry: SpecOperation) {
  const path: Record<string, string> = {};
  const query: Record<string, unknown> = {};
  const header: Record<string, string> = {};
  for (const raw of entry.op.parameters ?? []) {
    const p = deref(raw);
    if (p.in === "path") path[p.name] = pathValue(p.name);
    else if (p.required && p.in === "query") query[p.name] = deref(p.schema).enum?.[0] ?? deref(p.schema).default;
    else if (p.in === "header") header[p.name] = deref(p.schema).enum?.[0];
  }
  const media = entry.op.requestBody?.content?.["application/json"];
  const body = media ? Object.values<any>(media.examples ?? {})[0]?.value : undefined;
  return { path, query, header, body, hasBody: Boolean(media) };
}

/** The documented success status and its JSON schema (undefined for 204). */
export function success(entry: SpecOperation): { status: number; schema: unknown } {
  const [code, response] = Object.entries<any>(entry.op.responses).find(([c]) => /^2\d\d$/.test(c))!;
  return { status: Number(code), schema: response.content?.["application/json"]?.schema };
}
