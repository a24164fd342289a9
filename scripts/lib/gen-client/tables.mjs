// The operation table (named fields), the `Resources` base class and the array query style.
import { BANNER } from "../write.mjs";
import { camel, isDeprecated, pascal, prop, str } from "./source.mjs";

/**
 * How the spec serialises array query parameters. openapi-fetch takes one style per client, so the generator
 * insists the spec uses a single one and fails loudly the day it does not.
 */
function arrayQueryStyle(operations) {
  const styles = new Set();
  for (const op of operations) {
    for (const p of op.params) {
      if (p.in !== "query") continue;
      const types = [p.schema?.type].flat();
      if (!types.includes("array")) continue;
      const style = p.style ?? "form";
      const explode = p.explode ?? style === "form";
      styles.add(str({ style, explode }));
    }
  }
  if (styles.size > 1) throw new Error(`array query parameters use several styles (${[...styles].join(", ")})`);
  return styles.size ? JSON.parse([...styles][0]) : { style: "form", explode: true };
}

function descriptor(spec, op) {
  const query = op.params.filter((p) => p.in === "query").map((p) => p.name);
  const fields = [
    `operationKey: ${str(op.key)}`,
    `operationId: ${str(op.id)}`,
    `method: ${str(op.httpMethod)}`,
    `path: ${str(op.path)}`,
    `query: ${str(query)}`,
    `paginated: ${op.paginated}`,
    op.rateLimit ? `rateLimit: { calls: ${op.rateLimit.calls}, per_seconds: ${op.rateLimit.per_seconds} }` : "",
    `summary: ${str(op.summary)}`,
    isDeprecated(spec, op) ? "deprecated: true" : "",
  ].filter(Boolean);
  return `  ${prop(op.method)}: {\n${fields.map((f) => `    ${f},`).join("\n")}\n  },`;
}

export function operationsModule(spec, group, ops) {
  return `${BANNER}import type { OperationDescriptor } from "../../operation-descriptor.js";

/** The \`${group}\` group's operations by method name. */
export const ${camel(group)}Operations = {
${ops.map((op) => descriptor(spec, op)).join("\n")}
} as const satisfies Record<string, OperationDescriptor>;
`;
}

export function tableModule(groups) {
  const names = [...groups.keys()];
  const imports = names.map((g) => `import { ${camel(g)}Operations } from "./operations/${g}.js";`);
  const entries = [...groups].flatMap(([g, ops]) =>
    ops.map((op) => `  ${str(op.key)}: ${camel(g)}Operations.${op.method},`),
  );
  return `${BANNER}import type { OperationDescriptor } from "../operation-descriptor.js";
${imports.join("\n")}

/** Every operation of the spec by SDK name (\`group.method\`). */
export const operationTable: Readonly<Record<OperationKey, OperationDescriptor>> = {
${entries.join("\n")}
};

/** SDK names (\`group.method\`) of every operation. */
export type OperationKey = ${[...groups].flatMap(([, ops]) => ops.map((op) => str(op.key))).join(" | ")};
`;
}

export function resourcesModule(groups, operations) {
  const imports = [...groups.keys()].map((g) => `import { ${pascal(g)}Group } from "./groups/${g}.js";`);
  const fields = [...groups.keys()].map(
    (g) => `  /** The \`${g}\` operations. */\n  readonly ${g}: ${pascal(g)}Group<Raw>;`,
  );
  const assigns = [...groups.keys()].map((g) => `    this.${g} = new ${pascal(g)}Group(runner);`);
  const names = operations.map((op) => `  ${str(op.key)}: ${str(op.id)};`);
  const style = arrayQueryStyle(operations);
  return `${BANNER}import type { OperationRunner } from "../operation-runner.js";
${imports.join("\n")}

/** Every resource group of the API, by the names of the official SDKs: the base of \`FrameioClient\`. */
export class Resources<Raw extends boolean = false> {
${fields.join("\n")}

  constructor(runner: OperationRunner<Raw>) {
${assigns.join("\n")}
  }
}

/** Resource group names. */
export const resourceGroups = ${str([...groups.keys()])} as const;

/** Each operation's SDK name (\`group.method\`) and the spec's \`operationId\` for it. */
export interface OperationIds {
${names.join("\n")}
}

/** How the spec serialises array query parameters (\`include=a,b\`); openapi-fetch's \`querySerializer.array\`. */
export const arrayQueryStyle = { style: ${str(style.style)}, explode: ${style.explode} } as const;
`;
}
