// Per group, the @frameio-sdk/schemas imports the client validates with, and the index of their loaders.
import { operationName } from "../gen-schemas.mjs";
import { BANNER } from "../write.mjs";
import { str } from "./source.mjs";

/**
 * One group's schemas for one direction, from `@frameio-sdk/schemas/groups/<group>.args` or `.responses` (modules
 * of their own, so the arguments chunk does not carry the larger response schemas and their components).
 */
export function schemaModule(group, ops, direction) {
  const suffix = direction === "args" ? "Args" : "Response";
  const listed = direction === "args" ? ops : ops.filter((op) => op.responseSchema);
  if (!listed.length) return undefined;
  const names = listed.map((op) => [op.key, `${operationName(op)}${suffix}`]);
  const what = direction === "args" ? "argument schemas" : "response schemas (`validateResponses`)";
  return `${BANNER}import { ${names.map(([, name]) => name).join(", ")} } from "@frameio-sdk/schemas/groups/${group}.${direction}";

/**
 * The \`${group}\` group's ${what} by operation key, loaded on its first call.
 */
export const schemas = {
${names.map(([key, name]) => `  ${str(key)}: ${name},`).join("\n")}
};
`;
}

export function schemaIndex(modules) {
  const loaders = (direction) =>
    modules
      .filter(([, dir]) => dir === direction)
      .map(([group]) => `  ${group}: () => import("./validation/${group}.${direction}.js"),`)
      .join("\n");
  return `${BANNER}import type { SchemaModule } from "../internal/validation.js";

/** Each API group's argument schemas, imported on the first call of one of its operations. */
export const argsSchemas: Record<string, () => Promise<SchemaModule>> = {
${loaders("args")}
};

/** Each API group's success-body schemas, imported only with \`validateResponses\`. */
export const responseSchemas: Record<string, () => Promise<SchemaModule>> = {
${loaders("responses")}
};
`;
}
