import { FrameioValidationError } from "@frameio-sdk/kit";

const PARAM = /\{([^{}]+)\}/;
/** Enough for every template of the spec; paths given to `client.request` are not templates and are not kept. */
const MAX_TEMPLATES = 1024;
/** Each template split once: literal text at even indexes, parameter names at odd ones. */
const splitTemplates = new Map<string, string[]>();

/**
 * Fills a path template for openapi-fetch (its `pathSerializer`). Unlike openapi-fetch's default, a missing or
 * empty parameter is refused rather than left as `{name}` in the URL, and every value stays one path segment:
 * `encodeURIComponent` keeps `/` out, and a value of `.` or `..` (which URL parsing would resolve away, even as
 * `%2E`) is sent percent-encoded twice, so the server sees an unknown id and never another path. This holds with
 * `validateRequests: false` too.
 */
export function serializePath(template: string, params: Record<string, unknown> | undefined): string {
  if (!template.includes("{")) return template;
  let parts = splitTemplates.get(template);
  if (parts === undefined) {
    parts = template.split(PARAM);
    if (splitTemplates.size < MAX_TEMPLATES) splitTemplates.set(template, parts);
  }
  let path = parts[0] ?? "";
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] ?? "";
    path += segment(name, params?.[name]) + (parts[i + 1] ?? "");
  }
  return path;
}

function segment(name: string, value: unknown): string {
  if ((typeof value !== "string" && typeof value !== "number") || value === "") {
    const received = value === undefined ? "undefined" : value === "" ? '""' : value === null ? "null" : typeof value;
    throw new FrameioValidationError("path parameters", [
      {
        path: name,
        expected: "a non-empty string",
        received,
        message: `path parameter ${name} is required (a non-empty string)`,
      },
    ]);
  }
  const encoded = encodeURIComponent(value);
  return encoded === "." || encoded === ".." ? encoded.replaceAll(".", "%252E") : encoded;
}
