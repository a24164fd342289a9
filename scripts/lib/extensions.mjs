// The vendor extensions a document uses, found where OpenAPI allows them: openapi/README.md must document each one
// (packages/types/test/openapi-readme.test.ts).

// Objects whose keys are names chosen by the document (a header called x-ratelimit-limit is no extension), and
// members holding example data rather than OpenAPI or JSON Schema.
const NAME_MAPS = new Set([
  "paths",
  "webhooks",
  "schemas",
  "responses",
  "parameters",
  "requestBodies",
  "headers",
  "securitySchemes",
  "links",
  "callbacks",
  "content",
  "properties",
  "patternProperties",
  "$defs",
  "mapping",
  "variables",
  "scopes",
  "encoding",
]);
const DATA = new Set(["example", "examples", "default", "const", "enum"]);

/** Every `x-` extension the document uses, with the JSON pointers of where it appears. */
export function listExtensions(spec) {
  const found = new Map();
  const walk = (node, pointer, namesHere) => {
    if (!node || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      const at = `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`;
      if (!namesHere && !Array.isArray(node) && key.startsWith("x-")) {
        if (!found.has(key)) found.set(key, []);
        found.get(key).push(at);
        continue;
      }
      if (!namesHere && DATA.has(key)) continue;
      walk(value, at, !namesHere && NAME_MAPS.has(key) && !Array.isArray(value));
    }
  };
  walk(spec, "#", false);
  return found;
}
