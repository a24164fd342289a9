// The client's resource layer: a runtime table of operations and the typed interface of every resource group.
import { BANNER } from "./write.mjs";

const pascal = (s) => s[0].toUpperCase() + s.slice(1);
const per = ({ calls, per_seconds, scope }) =>
  `${calls} calls per ${per_seconds === 1 ? "second" : per_seconds === 60 ? "minute" : `${per_seconds} s`} per ${scope}`;

/** Runtime table: everything the client needs to send a call, and nothing else (it ships in every bundle). */
export function generateOperationTable(operations) {
  const rows = operations.map((op) => {
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
    return `  ${JSON.stringify(op.key)}: { ${fields.join(", ")} },`;
  });
  return `${BANNER}import type { OperationSpec } from "../operation-spec.js";

/** Every operation of the spec by SDK name (\`group.method\`). */
export const operationTable: Record<string, OperationSpec> = {
${rows.join("\n")}
};
`;
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
  const groups = new Map();
  for (const op of operations) {
    if (!groups.has(op.group)) groups.set(op.group, []);
    groups.get(op.group).push(op);
  }
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
