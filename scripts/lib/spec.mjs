// Loads openapi/openapi.yaml and lists its operations in a stable order, with the vendor extensions the SDK uses.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

export const SPEC_PATH = fileURLToPath(new URL("../../openapi/openapi.yaml", import.meta.url));
const HTTP_METHODS = ["get", "post", "put", "patch", "delete"];

export function loadSpec(path = SPEC_PATH) {
  return parse(readFileSync(path, "utf8"));
}

/** Resolves a local `#/components/...` reference. */
export function resolveRef(spec, node) {
  let current = node;
  while (current && typeof current === "object" && typeof current.$ref === "string") {
    current = current.$ref
      .slice(2)
      .split("/")
      .reduce((acc, key) => acc?.[key.replace(/~1/g, "/").replace(/~0/g, "~")], spec);
  }
  return current;
}

/**
 * Every operation as a flat record. `bodyStyle` is "data" when the JSON body wraps its payload in `data`
 * (almost all of Frame.io), "raw" when the body is the payload itself (search), "none" without a body.
 */
export function listOperations(spec) {
  const ops = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!op) continue;
      const params = (op.parameters ?? []).map((p) => resolveRef(spec, p));
      const bodySchema = op.requestBody?.content?.["application/json"]?.schema;
      const body = bodySchema ? resolveRef(spec, bodySchema) : undefined;
      const bodyStyle = !body ? "none" : body.properties?.data ? "data" : "raw";
      const successCodes = Object.keys(op.responses).filter((code) => /^2\d\d$/.test(code));
      ops.push({
        id: op.operationId,
        key: `${op["x-sdk"].group}.${op["x-sdk"].method}`,
        group: op["x-sdk"].group,
        method: op["x-sdk"].method,
        httpMethod: method.toUpperCase(),
        path,
        summary: op.summary ?? op.operationId,
        description: op.description,
        params,
        bodySchema,
        bodyStyle,
        bodyRequired: Boolean(op.requestBody?.required) && bodyStyle !== "none" && (bodyStyle === "raw" || (body.required ?? []).includes("data")),
        successCodes,
        noContent: successCodes.every((code) => code === "204"),
        paginated: op["x-pagination"] === "cursor",
        rateLimit: op["x-rate-limit"],
        responseSchema: successCodes.map((c) => op.responses[c]?.content?.["application/json"]?.schema).find(Boolean),
      });
    }
  }
  return ops.sort((a, b) => a.key.localeCompare(b.key));
}
