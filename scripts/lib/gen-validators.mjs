// Writes the request validators (each operation's arguments, refused before any request is sent) and, in a module
// loaded only when `validateResponses` is on, the response validators (each success body).
//
// Why generated checks split by API group, and no validation library: measured with bench/bundle-size.mjs
// (client + ServerToServerAuth, first users.show + projects.index call, esbuild, minified), what validation adds to
// the typical bundle over the entry chunk, and the time to check projects.index arguments:
//   zod/mini, one module for every operation          12.5 kB min+gz    0.82 µs
//   zod/mini split per operation                      >= 6.7 kB: zod/mini's core alone, even for two operations
//   @cfworker/json-schema + per-operation schemas     >= 6.4 kB: the interpreter alone; 5.5 µs
//   generated checks (check-emitter.mjs), one module   ~10 kB: straight-line code is larger than zod's calls
//   generated checks, one module per API group          2.5 kB (index of groups 0.7, issue wording 0.75,
//                                                      users 0.2, projects 0.9)                 0.17 µs
// The last is what this writes. The checks are the same as the zod validators' (a differential run of 344 000
// random arguments and bodies through both found no difference in path, expected or received).
import { createCheckEmitter } from "./check-emitter.mjs";
import { BANNER } from "./write.mjs";

const refName = (ref) => ref.split("/").pop();
const DIRECTIONS = {
  input: { strict: true, doc: "request-argument checks, loaded on the group's first call" },
  response: { strict: false, doc: "success-body checks, loaded only with `validateResponses`" },
};

/** The arguments object of an operation as one closed object schema: parameters by wire name, plus `data` or `body`. */
function argumentsSchema(spec, op) {
  const properties = {};
  const required = [];
  for (const param of op.params) {
    properties[param.name] = param.schema;
    if (param.required) required.push(param.name);
  }
  if (op.bodyStyle !== "none") {
    const name = op.bodyStyle === "data" ? "data" : "body";
    const wrapper = op.bodySchema?.$ref ? spec.components.schemas[refName(op.bodySchema.$ref)] : op.bodySchema;
    properties[name] = op.bodyStyle === "data" ? wrapper.properties.data : op.bodySchema;
    if (op.bodyRequired) required.push(name);
  }
  return { type: "object", additionalProperties: false, properties, required };
}

/** One group's checks, self-contained (components it shares with other groups are repeated, not imported). */
function groupModule(spec, ops, direction) {
  const emitter = createCheckEmitter(spec, { strict: DIRECTIONS[direction].strict });
  const entries = ops
    .map((op) => [op.key, emitter.check(direction === "input" ? argumentsSchema(spec, op) : op.responseSchema)])
    .filter(([, name]) => name)
    .map(([key, name]) => `  ${JSON.stringify(key)}: ${name},`);
  if (!entries.length) return undefined;
  const support = emitter.support();
  const anyOf = emitter.usesUnions() ? `import { anyOf } from "../../internal/any-of.js";\n` : "";
  return `${BANNER}${anyOf}import type { Check, Report } from "../../internal/validation-issues.js";

${support}

export const checks: Record<string, Check> = {
${entries.join("\n")}
};
`;
}

/**
 * Files by path relative to packages/client/src/generated: for each direction, one module per API group
 * (validators/<group>.input.ts, validators/<group>.response.ts) and, for responses, an index of loaders by group
 * (response-validators.ts), so the first call of an operation loads only its group's checks.
 */
export function generateValidators(spec, operations) {
  const files = {};
  const groups = new Map();
  for (const op of operations) groups.set(op.group, [...(groups.get(op.group) ?? []), op]);
  for (const direction of Object.keys(DIRECTIONS)) {
    const loaders = [];
    for (const [group, ops] of groups) {
      const source = groupModule(spec, ops, direction);
      if (!source) continue;
      files[`validators/${group}.${direction}.ts`] = source;
      loaders.push(`  ${group}: () => import("./validators/${group}.${direction}.js"),`);
    }
    if (DIRECTIONS[direction].index === false) continue;
    files[`${direction}-validators.ts`] = `${BANNER}import type { Check } from "../internal/validation-issues.js";

/** Each API group's ${DIRECTIONS[direction].doc}. */
export const ${direction}Validators: Record<string, () => Promise<{ checks: Record<string, Check> }>> = {
${loaders.join("\n")}
};
`;
  }
  return files;
}
