// The client's resource layer: a runtime table of operations and the typed interface of every resource group.
import { BANNER } from "./write.mjs";

const pascal = (s) => s[0].toUpperCase() + s.slice(1);
const per = ({ calls, per_seconds, scope }) =>
  `${calls} calls per ${per_seconds === 1 ? "second" : per_seconds === 60 ? "minute" : `${per_seconds} s`} per ${scope}`;

const groupsOf = (operations) => {
  const groups = new Map();
  for (const op of operations) {
    if (!groups.has(op.group)) groups.set(op.group, []);
    groups.get(op.group).push(op);
  }
  return groups;
};

function row(op) {
  const query = op.params.filter((p) => p.in === "query").map((p) => p.name);
  const headers = op.params.filter((p) => p.in === "header").map((p) => p.name);
  const fields = [
    `m: ${JSON.stringify(op.httpMethod)}`,
    `p: ${JSON.stringify(op.path)}`,
    query.length ? `q: ${JSON.stringify(query)}` : "",
    headers.length ? `h: ${JSON.stringify(headers)}` : "",
    op.bodyStyle === "data" ? "b: 1" : op.bodyStyle === "raw" ? "b: 2" : "",
    op.paginated ? "pg: 1" : "",
    op.rateLimit ? `rl: [${op.rateLimit.calls}, ${op.rateLimit.per_seconds}]` : "",
  ].filter(Boolean);
  return `  ${JSON.stringify(op.method)}: { ${fields.join(", ")} },`;
}

/**
 * The runtime operation table, split so that a bundle's entry chunk carries only what building
 * `client.<group>.<method>` needs: `operation-index.ts`, each group's method names (and which return a Pager) and
 * the loader of its group module. A group module (`groups/<group>.group.ts`) joins the group's rows
 * (`operations/<group>.operations.ts`) and its request checks (`validators/<group>.input.ts`, when it has any) into
 * one chunk, fetched on the group's first call: measured with bench/bundle-size.mjs, rows and checks in two chunks
 * (two loaders per group in the entry) made the typical bundle 0.9 kB larger. `operations.ts` assembles the whole
 * table for the `@frameio-sdk/client/operations` subpath. `hasInputChecks(group)` tells whether the validators
 * generator wrote checks for that group. Returns file contents by path under src/generated/.
 */
export function generateOperationTable(operations, hasInputChecks) {
  const groups = groupsOf(operations);
  const files = {};
  for (const [group, ops] of groups) {
    files[`operations/${group}.operations.ts`] = `${BANNER}import type { OperationSpec } from "../../operation-spec.js";

/** The \`${group}\` group's operations by method name. */
export const operations: Record<string, OperationSpec> = {
${ops.map(row).join("\n")}
};
`;
    files[`groups/${group}.group.ts`] = `${BANNER}/** Everything the client loads on the first call of a \`${group}\` operation. */
export { operations } from "../operations/${group}.operations.js";
${hasInputChecks(group) ? `export { checks } from "../validators/${group}.input.js";` : "export const checks = {};"}
`;
  }
  const index = [...groups].map(([group, ops]) => {
    const methods = ops.map((op) => op.method + (op.paginated ? "*" : "")).join(",");
    return `  ${group}: [${JSON.stringify(methods)}, () => import("./groups/${group}.group.js")],`;
  });
  files["operation-index.ts"] = `${BANNER}import type { OperationSpec } from "../operation-spec.js";
import type { Check } from "../internal/validation-issues.js";

/** What the first call of a group's operation loads: the group's operation rows and request checks, by method name. */
export interface GroupModule {
  operations: Record<string, OperationSpec>;
  checks: Record<string, Check>;
}

/** Each API group's method names (\`*\` marks one that returns a Pager) and the loader of its group module. */
export const operationIndex: Record<string, readonly [methods: string, load: () => Promise<GroupModule>]> = {
${index.join("\n")}
};
`;
  const names = [...groups.keys()];
  files["operations.ts"] = `${BANNER}import type { OperationSpec } from "../operation-spec.js";
${names.map((g) => `import { operations as ${g}Operations } from "./operations/${g}.operations.js";`).join("\n")}

const byGroup: Record<string, Record<string, OperationSpec>> = {
${names.map((g) => `  ${g}: ${g}Operations,`).join("\n")}
};

/** Every operation of the spec by SDK name (\`group.method\`). */
export const operationTable: Record<string, OperationSpec> = Object.fromEntries(
  Object.entries(byGroup).flatMap(([group, rows]) => Object.entries(rows).map(([method, spec]) => [\`\${group}.\${method}\`, spec])),
);
`;
  return files;
}

function tsdoc(op) {
  const lines = [op.summary.replace(/\.$/, "") + "."];
  if (op.description) lines.push("", ...op.description.trim().split("\n"));
  lines.push("", `\`${op.httpMethod} ${op.path}\` (operation \`${op.id}\`)`);
  if (op.rateLimit) lines.push(`Rate limit: ${per(op.rateLimit)}.`);
  if (op.paginated) lines.push("Returns a {@link Pager}: `await` it for the first page, or `for await` over every item of every page.");
  if (op.noContent) lines.push("Resolves to `undefined` (204 No Content).");
  return `  /**\n${lines.map((l) => `   * ${l.replace(/\*\//g, "*\\/")}`.trimEnd()).join("\n")}\n   */`;
}

/** Types only: one interface per group, with the TSDoc editors show. */
export function generateResourceTypes(operations) {
  const groups = groupsOf(operations);
  const interfaces = [...groups].map(([group, ops]) => {
    const methods = ops.map((op) => {
      const o = `operations[${JSON.stringify(op.id)}]`;
      const ret = op.paginated ? `Pager<OperationResult<${o}>>` : `Promise<OperationResult<${o}>>`;
      const opts = op.paginated ? "RequestOptions & PageOptions" : "RequestOptions";
      const argsOptional = op.params.every((p) => !p.required) && !op.bodyRequired;
      return `${tsdoc(op)}\n  ${op.method}(args${argsOptional ? "?" : ""}: OperationArgs<${o}>, options?: ${opts}): ${ret};`;
    });
    return `/** Operations of the \`${group}\` group. */\nexport interface ${pascal(group)}Resource {\n${methods.join("\n")}\n}`;
  });
  const map = [...groups.keys()].map((g) => `  ${g}: ${pascal(g)}Resource;`);
  return `${BANNER}import type { operations } from "@frameio-sdk/types";
import type { Pager } from "@frameio-sdk/kit";
import type { OperationArgs, OperationResult, PageOptions, RequestOptions } from "../operation-types.js";

${interfaces.join("\n\n")}

/** Every resource group of the API, by the names of the official SDKs. */
export interface Resources {
${map.join("\n")}
}

/** Resource group names. */
export const resourceGroups = ${JSON.stringify([...groups.keys()])} as const;
`;
}
