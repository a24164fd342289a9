import { FrameioValidationError } from "@frameio-sdk/kit";
import type { OperationSpec } from "../operation-spec.js";

const PATH_PARAM = /\{([^}]+)\}/;
// Characters encodeURIComponent leaves as they are: ids (UUIDs) are made of them, and need no encoding call.
const UNRESERVED = /^[\w.!~*'()-]+$/;

/** Query values as the API reads them: booleans as true/false, objects as deepObject (`filters[key]=value`). */
function appendQuery(parts: string[], name: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) appendQuery(parts, name, item);
  } else if (typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) appendQuery(parts, `${name}[${key}]`, inner);
  } else {
    parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`);
  }
}

// A path template split at its parameters: literal, name, literal, name, ..., literal. Split once per operation.
const templates = new WeakMap<OperationSpec, string[]>();

function pathValue(key: string, name: string, value: unknown): string {
  if (typeof value !== "string" || value === "") {
    throw new FrameioValidationError(key, [
      {
        path: name,
        expected: "a non-empty string",
        received: value === undefined ? "undefined" : typeof value,
        message: `path parameter ${name} is required (a non-empty string)`,
      },
    ]);
  }
  return UNRESERVED.test(value) ? value : encodeURIComponent(value);
}

/** The request URL of an operation. Path parameters are checked even with validation off: no `undefined` in URLs. */
export function buildUrl(baseUrl: string, key: string, spec: OperationSpec, args: Record<string, unknown>): string {
  let template = templates.get(spec);
  if (!template) templates.set(spec, (template = spec.p.split(PATH_PARAM)));
  let url = baseUrl + template[0];
  for (let i = 1; i < template.length; i += 2) {
    const name = template[i] as string;
    url += pathValue(key, name, args[name]) + template[i + 1];
  }
  if (!spec.q) return url;
  let parts: string[] | undefined;
  for (const name of spec.q) {
    const value = args[name];
    if (value !== undefined && value !== null) appendQuery((parts ??= []), name, value);
  }
  return parts?.length ? `${url}?${parts.join("&")}` : url;
}
