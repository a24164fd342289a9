// One class per API group (src/generated/groups/<group>.ts), every method an openapi-fetch call written out.
import { BANNER } from "../write.mjs";
import { classDoc, tsdoc } from "./docs.mjs";
import { isList, member, pascal, prop, singleValue, specOperation, str } from "./source.mjs";

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

export function groupClass(spec, group, ops) {
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
