// The client's generated layer (packages/client/src/generated): one class per API group whose methods are written
// out one by one over openapi-fetch, the `Resources` base class that types `client.<group>` by construction, the
// operation table with named fields, and per group the zod schemas (from @frameio-sdk/schemas) it validates with.
import { operationName } from "./gen-schemas.mjs";
import { BANNER } from "./write.mjs";

const OUT = "packages/client/src/generated";
const pascal = (s) => s[0].toUpperCase() + s.slice(1);
const camel = (s) => s.replace(/[-_.]+(\w)/g, (_, c) => c.toUpperCase());
const str = JSON.stringify;
/** A property name as TypeScript source: bare when it is an identifier, quoted otherwise. */
const prop = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : str(name));
/** `args.name` or `args["api-version"]`. */
const member = (object, name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? `${object}.${name}` : `${object}[${str(name)}]`);

const PERIODS = { 1: "second", 60: "minute", 3600: "hour" };
const describeRate = ({ calls, per_seconds, scope }) =>
  `${calls} calls per ${PERIODS[per_seconds] ?? `${per_seconds} seconds`}${scope ? ` per ${scope.replace(/_/g, " ")}` : ""}`;

function groupsOf(operations) {
  const groups = new Map();
  for (const op of operations) {
    if (!groups.has(op.group)) groups.set(op.group, []);
    groups.get(op.group).push(op);
  }
  return groups;
}

/** The spec's own operation object, for fields the flat operation records may not carry. */
const specOperation = (spec, op) => spec.paths?.[op.path]?.[op.httpMethod.toLowerCase()] ?? {};
const isDeprecated = (spec, op) => Boolean(op.deprecated ?? specOperation(spec, op).deprecated);

/**
 * The value a header parameter is sent with when the caller leaves it out (the spec model's `sentByDefault`: its
 * default or its only allowed value), if any.
 */
function singleValue(param) {
  if (param.sentByDefault !== undefined) return param.sentByDefault;
  const schema = param.schema ?? {};
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length === 1) return schema.enum[0];
  return undefined;
}

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

function responseName(op) {
  const ref = op.responseSchema?.$ref;
  return ref ? ref.split("/").pop() : undefined;
}

/** Splits a line of prose at spaces so that none is longer than `width` (a longer word stays whole). */
function wrap(line, width) {
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

function tsdoc(spec, op, indent) {
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

/** The openapi-fetch call of one operation, written out: path, query and header parameters, body. */
function fetchCall(spec, op) {
  const named = (where) => op.params.filter((p) => p.in === where);
  const fields = (params) => params.map((p) => `${prop(p.name)}: ${member("args", p.name)}`).join(", ");
  const params = [];
  for (const where of ["path", "query", "header"]) {
    const list = named(where);
    if (list.length) params.push(`${where}: { ${fields(list)} }`);
  }
  const options = ["...init"];
  if (params.length) options.push(`params: { ${params.join(", ")} }`);
  if (op.bodyStyle === "data") {
    // A required body is sent even when its `data` is optional (`{}`): the spec requires the envelope.
    const envelope = op.bodyRequired || specOperation(spec, op).requestBody?.required;
    options.push(
      envelope ? "body: { data: args.data }" : "body: args.data === undefined ? undefined : { data: args.data }",
    );
  } else if (op.bodyStyle === "raw") {
    options.push("body: args.body");
  }
  const verb = op.httpMethod;
  return `http.${verb}(${str(op.path)}, { ${options.join(", ")} })`;
}

/** A list parameter (an array, sent comma-joined): the spec model's `list`. */
const isList = (param) => param.list ?? [param.schema?.type].flat().includes("array");

/**
 * The arguments as the spec's schemas check them: list parameters given as one value become lists, and headers
 * with one allowed value get it unless the caller named one. Undefined when `args` can go as they are.
 */
function normalisedArgs(op) {
  const defaults = op.params
    .filter((p) => p.in === "header" && singleValue(p) !== undefined)
    .map((p) => `${prop(p.name)}: ${str(singleValue(p))} as const`);
  const lists = op.params
    .filter((p) => p.in === "query" && isList(p))
    .map(
      (p) =>
        `${prop(p.name)}: asList(${member("args?", p.name)
          .replace("args?.", "args?.")
          .replace(/^args\?\[/, "args?.[")})`,
    );
  if (!defaults.length && !lists.length) return undefined;
  return `{ ${[...defaults, "...args", ...lists].join(", ")} }`;
}

/** Whether the openapi-fetch call reads the arguments: not when the operation has no parameters and no body. */
const usesArgs = (op) => op.params.length > 0 || op.bodyStyle !== "none";

function method(spec, op, indent) {
  const type = `operations[${str(op.id)}]`;
  const argsOptional =
    op.params.every((p) => !p.required || (p.in === "header" && singleValue(p) !== undefined)) && !op.bodyRequired;
  const normalised = normalisedArgs(op);
  const verb = op.paginated ? "paginate" : "send";
  const options = op.paginated ? "RequestOptions & PageOptions" : "RequestOptions";
  const result = op.paginated ? `Listed<OperationResult<${type}>, Raw>` : `Resolved<OperationResult<${type}>, Raw>`;
  const signature = `${op.method} = (args${argsOptional ? "?" : ""}: OperationArgs<${type}>, options?: ${options}): ${result} =>`;
  const input = normalised ? `${indent}  const input = ${normalised};\n` : "";
  return `${tsdoc(spec, op, indent)}
${indent}${signature} {
${input}${indent}  return this.#runner.${verb}(${str(op.key)}, ${normalised ? "input" : "args"}, options, (http, ${usesArgs(op) ? "args" : "_args"}, init) =>
${indent}    ${fetchCall(spec, op)},
${indent}  );
${indent}};`;
}

function classDoc(group) {
  const text =
    `The \`${group}\` operations: \`client.${group}\`. Each method checks its arguments against the spec, then calls ` +
    `openapi-fetch with them; \`Raw\` is true for the twins on \`client.withRawResponse.${group}\`. Methods are arrow ` +
    `properties, so they keep working when passed around on their own (\`const { show } = client.${group}\`).`;
  return `/**\n${wrap(text, 117)
    .map((l) => ` * ${l}`)
    .join("\n")}\n */`;
}

function groupClass(spec, group, ops) {
  const className = `${pascal(group)}Group`;
  const methods = ops.map((op) => method(spec, op, "  ")).join("\n\n");
  const usesPager = ops.some((op) => op.paginated);
  const usesLists = ops.some((op) => op.params.some((p) => p.in === "query" && isList(p)));
  const usesSend = ops.some((op) => !op.paginated);
  const types = [
    ...(usesPager ? ["Listed"] : []),
    "OperationArgs",
    "OperationResult",
    ...(usesPager ? ["PageOptions"] : []),
    "RequestOptions",
    ...(usesSend ? ["Resolved"] : []),
  ];
  return `${BANNER}import type { operations } from "@frameio-sdk/types";
${usesLists ? 'import { asList } from "../../internal/as-list.js";\n' : ""}import type { OperationRunner } from "../../operation-runner.js";
import type { ${types.join(", ")} } from "../../operation-types.js";

${classDoc(group)}
export class ${className}<Raw extends boolean = false> {
  readonly #runner: OperationRunner<Raw>;

  constructor(runner: OperationRunner<Raw>) {
    this.#runner = runner;
  }

${methods}
}
`;
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

function operationsModule(spec, group, ops) {
  return `${BANNER}import type { OperationDescriptor } from "../../operation-descriptor.js";

/** The \`${group}\` group's operations by method name. */
export const ${camel(group)}Operations = {
${ops.map((op) => descriptor(spec, op)).join("\n")}
} as const satisfies Record<string, OperationDescriptor>;
`;
}

function tableModule(groups) {
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

function resourcesModule(groups, operations) {
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

/**
 * One group's schemas for one direction, from `@frameio-sdk/schemas/groups/<group>`: named static imports, so an
 * application's bundler keeps only these (the arguments chunk does not carry the larger response schemas).
 */
function schemaModule(group, ops, direction) {
  const suffix = direction === "args" ? "Args" : "Response";
  const listed = direction === "args" ? ops : ops.filter((op) => op.responseSchema);
  if (!listed.length) return undefined;
  const names = listed.map((op) => [op.key, `${operationName(op)}${suffix}`]);
  const what = direction === "args" ? "argument schemas" : "response schemas (`validateResponses`)";
  return `${BANNER}import { ${names.map(([, name]) => name).join(", ")} } from "@frameio-sdk/schemas/groups/${group}";

/**
 * The \`${group}\` group's ${what} by operation key, loaded on its first call.
 */
export const schemas = {
${names.map(([key, name]) => `  ${str(key)}: ${name},`).join("\n")}
};
`;
}

function schemaIndex(modules) {
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

/**
 * Every file of packages/client/src/generated, by repository-relative path. `model` is `{ spec, operations }`
 * (operations as scripts/lib/spec.mjs lists them).
 */
export function generateClient(model) {
  const { spec, operations } = model;
  const groups = groupsOf(operations);
  const files = {};
  for (const [group, ops] of groups) {
    files[`${OUT}/groups/${group}.ts`] = groupClass(spec, group, ops);
    files[`${OUT}/operations/${group}.ts`] = operationsModule(spec, group, ops);
  }
  files[`${OUT}/operations.ts`] = tableModule(groups);
  files[`${OUT}/resources.ts`] = resourcesModule(groups, operations);
  const modules = [];
  for (const [group, ops] of groups) {
    for (const direction of ["args", "responses"]) {
      const content = schemaModule(group, ops, direction);
      if (!content) continue;
      files[`${OUT}/validation/${group}.${direction}.ts`] = content;
      modules.push([group, direction]);
    }
  }
  files[`${OUT}/schemas.ts`] = schemaIndex(modules);
  return files;
}
