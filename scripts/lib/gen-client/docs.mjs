// The TSDoc of the generated group classes and their methods, wrapped at 120 columns.
import { isDeprecated, singleValue, specOperation } from "./source.mjs";

const PERIODS = { 1: "second", 60: "minute", 3600: "hour" };
export const describeRate = ({ calls, per_seconds, scope }) =>
  `${calls} calls per ${PERIODS[per_seconds] ?? `${per_seconds} seconds`}${scope ? ` per ${scope.replace(/_/g, " ")}` : ""}`;

function responseName(op) {
  const ref = op.responseSchema?.$ref;
  return ref ? ref.split("/").pop() : undefined;
}

/** Splits a line of prose at spaces so that none is longer than `width` (a longer word stays whole). */
export function wrap(line, width) {
  const out = [];
  let current = "";
  for (const word of line.split(" ")) {
    if (current && current.length + 1 + word.length > width) {
      out.push(current);
      current = word;
    } else {
      current = current ? `${current} ${word}` : word;
    }
  }
  out.push(current);
  return out;
}

export function tsdoc(spec, op, indent) {
  const lines = [`${op.summary.replace(/\.$/, "")}.`];
  if (op.description?.trim()) lines.push("", ...op.description.trim().split("\n"));
  lines.push("", `\`${op.httpMethod} ${op.path}\` (operation \`${op.id}\`).`);
  if (op.rateLimit) lines.push(`Rate limit: ${describeRate(op.rateLimit)}.`);
  for (const p of op.params) {
    const value = singleValue(p);
    if (p.in === "header" && value !== undefined)
      lines.push(`Sends \`${p.name}: ${value}\` unless \`args\` names another value.`);
  }
  const name = responseName(op);
  if (op.paginated) {
    lines.push(
      "",
      `@returns A {@link Pager}: \`await\` it for the first page${name ? ` (\`${name}\`)` : ""}, or \`for await\` over every item of every page.`,
    );
  } else if (op.noContent) {
    lines.push("", "@returns `undefined` once the API answers 204 No Content.");
  } else {
    lines.push("", `@returns The response body${name ? ` (\`${name}\`)` : ""}.`);
  }
  if (isDeprecated(spec, op)) {
    const note = op.deprecationNote ?? specOperation(spec, op)["x-deprecated-note"];
    lines.push(`@deprecated ${note ?? "The API marks this operation as deprecated."}`);
  }
  const width = 120 - indent.length - 3;
  const body = lines
    .flatMap((l) => wrap(l.replace(/\*\//g, "*\\/"), width))
    .map((l) => `${indent} * ${l}`.trimEnd())
    .join("\n");
  return `${indent}/**\n${body}\n${indent} */`;
}

export function classDoc(group) {
  const text =
    `The \`${group}\` operations: \`client.${group}\`. Each method checks its arguments against the spec, then calls ` +
    `openapi-fetch with them; \`Raw\` is true for the twins on \`client.withRawResponse.${group}\`. Methods are arrow ` +
    `properties, so they keep working when passed around on their own (\`const { show } = client.${group}\`).`;
  return `/**\n${wrap(text, 117)
    .map((l) => ` * ${l}`)
    .join("\n")}\n */`;
}
