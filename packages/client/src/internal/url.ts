import { FrameioValidationError } from "@frameio-sdk/kit";
import type { OperationSpec } from "../operation-spec.js";

const PATH_PARAM = /\{([^}]+)\}/g;

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

/** The request URL of an operation. Path parameters are checked even with validation off: no `undefined` in URLs. */
export function buildUrl(baseUrl: string, key: string, spec: OperationSpec, args: Record<string, unknown>): string {
  const path = spec.p.replace(PATH_PARAM, (_, name: string) => {
    const value = args[name];
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
    return encodeURIComponent(value);
  });
  if (!spec.q) return baseUrl + path;
  const parts: string[] = [];
  for (const name of spec.q) appendQuery(parts, name, args[name]);
  return parts.length ? `${baseUrl}${path}?${parts.join("&")}` : baseUrl + path;
}
