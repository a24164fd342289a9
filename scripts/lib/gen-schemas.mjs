// Writes @frameio-sdk/schemas: a zod/mini schema for every component schema, every operation's arguments and
// success body, and every webhook event payload. Design notes: packages/schemas/docs/design.md.
import { importLines, moduleFiles } from "./schemas/module-layout.mjs";
import { componentsReachable, hoistRequestData, onlyValue, successBodies } from "./schemas/spec-views.mjs";
import { createEmitter, describe, key, P, schemaName } from "./schemas/zod-emitter.mjs";
import { listOperations, loadSpec, resolveRef } from "./spec.mjs";
import { BANNER } from "./write.mjs";

const OUT = "packages/schemas/src/generated";
const pascal = (text) =>
  text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join("");
/** `files.show` -> `FilesShow`; the arguments are `FilesShowArgs`, the success body `FilesShowResponse`. */
export const operationName = (op) => `${pascal(op.group)}${pascal(op.method)}`;
/** `file.upload.completed` -> `FileUploadCompletedEvent`. */
export const eventName = (type) => `${pascal(type)}Event`;

/** A module's header: zod, the hand-written refinements it uses (`up` leads from the module to src/), components. */
const imports = (helpers, extra, up) =>
  `${BANNER}import * as z from "zod/mini";\n${helpers.size ? `import { ${[...helpers].sort().join(", ")} } from "${up}refinements/index.js";\n` : ""}${extra}`;

/** The arguments of `op` exactly as the client takes them: parameters by wire name, plus `data` or `body`. */
function argsExpr(spec, op, emitter) {
  const entries = [];
  const ctx = { strict: true, describeProperties: true };
  for (const param of op.params) {
    const value = describe(param, emitter.schema(param.schema, ctx));
    // A required parameter with one allowed value (`api-version: "4.0"`) is filled in, as the client does (#12.7).
    const only = onlyValue(resolveRef(spec, param.schema));
    const arg = only !== undefined ? `${P}z._default(${value}, ${JSON.stringify(only)})` : value;
    entries.push(`${key(param.name)}: ${param.required ? arg : `${P}z.optional(${value})`}`);
  }
  if (op.bodyStyle !== "none") {
    const wrapper = resolveRef(spec, op.bodySchema);
    const value = emitter.schema(op.bodyStyle === "raw" ? op.bodySchema : wrapper.properties.data, ctx);
    const name = op.bodyStyle === "data" ? "data" : "body";
    entries.push(`${name}: ${op.bodyRequired ? value : `${P}z.optional(${value})`}`);
  }
  return `${P}z.strictObject({ ${entries.join(", ")} })`;
}

/**
 * Files by repo-relative path: the component schemas, each operation's `<Group><Method>Args` and `...Response`,
 * each webhook event's `<Type>Event`, and the two maps for generic dispatch (`operationSchemas`,
 * `webhookEventSchemas`), each in its own module so that importing one schema does not load the maps.
 */
export function generateSchemas(model) {
  const operations = model.operations ?? listOperations(model.spec);
  const spec = hoistRequestData(model.spec, operations);
  // The model's webhook list (scripts/lib/spec.mjs), or, from a bare spec, its `webhooks:` section.
  const webhooks =
    model.webhooks?.map((w) => ({ type: w.type, schema: w.payloadSchema, description: w.description })) ??
    Object.entries(spec.webhooks ?? {}).map(([type, item]) => ({
      type,
      schema: item.post.requestBody.content["application/json"].schema,
      description: item.post.description,
    }));
  const requestSide = componentsReachable(
    spec,
    operations.flatMap((op) => [...op.params.map((p) => p.schema), op.bodySchema]),
  );
  const tolerantSide = componentsReachable(spec, [
    ...operations.flatMap((op) => successBodies(spec, op)),
    ...webhooks.map((w) => w.schema),
  ]);
  const strictNames = new Set([...requestSide].filter((name) => !tolerantSide.has(name)));

  const files = {};
  // One module per component, importing the components it refers to: a bundler splitting code (and Node) then
  // loads an API group's schemas without the other groups'. Components in a cycle share one module (ES modules in
  // a cycle would evaluate one of them before what it needs), in the emitter's order, getters closing the cycle.
  const emitter = createEmitter(spec, strictNames);
  for (const name of Object.keys(spec.components.schemas).sort()) emitter.component(name);
  const fileOf = moduleFiles(emitter.modules);
  const byFile = new Map();
  for (const module of emitter.modules)
    byFile.set(fileOf.get(module.id), [...(byFile.get(fileOf.get(module.id)) ?? []), module]);
  for (const [file, members] of byFile) {
    const own = new Set(members.map((m) => m.id));
    const refs = new Set(members.flatMap((m) => [...m.refs]).filter((ref) => !own.has(ref)));
    const helpers = new Set(members.flatMap((m) => [...m.helpers]));
    files[`${OUT}/components/${file}.ts`] =
      `${imports(helpers, importLines(refs, fileOf, "./"), "../../")}\n${members.map((m) => m.text).join("\n\n")}\n`;
  }
  files[`${OUT}/components.ts`] =
    `${BANNER}${[...byFile.keys()].map((file) => `export * from "./components/${file}.js";`).join("\n")}\n`;
  const componentImports = (used, dir) => importLines(used, fileOf, dir);

  // One module per API group: `@frameio-sdk/schemas/groups/<group>` loads that group's schemas only. Its argument
  // and response schemas are modules of their own (`groups/<group>.args`, `groups/<group>.responses`): bundlers
  // assign whole modules to chunks, so a program that validates arguments only (the client's default) would
  // otherwise load every response schema of the group, and the components they use, with its first call.
  const opEmitter = createEmitter(spec, strictNames);
  opEmitter.importComponents();
  const rows = [];
  const groups = new Map();
  for (const op of operations) groups.set(op.group, [...(groups.get(op.group) ?? []), op]);
  const groupModule = (lines) => {
    const header = imports(opEmitter.helpers, componentImports(opEmitter.refs, "../components/"), "../../");
    const body = lines.join("\n\n");
    // A module that names zod only in types (responses made of components alone) imports it as a type.
    const zodInTypesOnly = !/\bz\.(?!input<|output<)/.test(body);
    const zodImport = zodInTypesOnly
      ? header.replace('import * as z from "zod/mini";', 'import type * as z from "zod/mini";')
      : header;
    return `${zodImport}\n${body}\n`;
  };
  for (const [group, ops] of groups) {
    opEmitter.resetUsage();
    const argLines = ops.map((op) => {
      const name = operationName(op);
      const deprecated = op.deprecated
        ? `\n * @deprecated ${op.deprecationNote ?? "The API marks this operation deprecated."}`
        : "";
      const doc = `${op.summary}.${deprecated}`.replace(/\*\//g, "*\\/");
      return `/**\n * Arguments of \`${op.key}\`: ${doc}\n */\nexport const ${name}Args = ${argsExpr(spec, op, opEmitter)};\nexport type ${name}Args = z.input<typeof ${name}Args>;`;
    });
    files[`${OUT}/groups/${group}.args.ts`] = groupModule(argLines);

    opEmitter.resetUsage();
    const responseLines = [];
    for (const op of ops) {
      const name = operationName(op);
      const bodies = successBodies(spec, op).map((body) => opEmitter.schema(body, { strict: false }));
      // Several success codes with different bodies (folders.copy: 200 with the copy, 202 while it runs): either.
      const response = bodies.length > 1 ? `${P}z.union([${bodies.join(", ")}])` : bodies[0];
      if (response)
        responseLines.push(
          `/** Success body of \`${op.key}\`. */\nexport const ${name}Response = ${response};\nexport type ${name}Response = z.output<typeof ${name}Response>;`,
        );
      rows.push(`  ${JSON.stringify(op.key)}: { args: ${name}Args${response ? `, response: ${name}Response` : ""} },`);
    }
    const parts = [`${group}.args`];
    if (responseLines.length) {
      files[`${OUT}/groups/${group}.responses.ts`] = groupModule(responseLines);
      parts.push(`${group}.responses`);
    }
    files[`${OUT}/groups/${group}.ts`] =
      `${BANNER}${parts.map((part) => `export * from "./${part}.js";`).join("\n")}\n`;
  }
  files[`${OUT}/operations.ts`] =
    `${BANNER}${[...groups.keys()].map((group) => `export * from "./groups/${group}.js";`).join("\n")}\n`;

  const whEmitter = createEmitter(spec, strictNames);
  whEmitter.importComponents();
  const whBody = webhooks
    .map(
      (w) =>
        `/** \`${w.type}\`: ${(w.description ?? "").replace(/\*\//g, "*\\/")} */\nexport const ${eventName(w.type)} = ${whEmitter.schema(w.schema, { strict: false })};\nexport type ${eventName(w.type)} = z.output<typeof ${eventName(w.type)}>;`,
    )
    .join("\n\n");
  const webhooksFile = `${imports(whEmitter.helpers, componentImports(whEmitter.refs, "./components/"), "../")}\n${whBody}\n`;

  const operationMap = `${BANNER}import * as schemas from "./operations.js";

/**
 * Every operation's schemas by SDK name (\`files.show\`): \`args\`, and \`response\` unless the operation answers 204.
 * Importing this map loads every operation schema; import \`FilesShowArgs\` and the like to load only what you use.
 */
export const operationSchemas = {
${rows.map((row) => row.replace(/(\w+(Args|Response))/g, "schemas.$1")).join("\n")}
} as const;

/** An operation's SDK name, e.g. \`files.show\`. */
export type OperationKey = keyof typeof operationSchemas;
`;
  const webhookMap = `${BANNER}import * as events from "./webhooks.js";

/** Each webhook event's payload schema by event type (\`file.ready\`). Importing this map loads all of them. */
export const webhookEventSchemas = {
${webhooks.map((w) => `  ${JSON.stringify(w.type)}: events.${eventName(w.type)},`).join("\n")}
} as const;

/** A webhook event type, e.g. \`file.ready\`. */
export type WebhookEventType = keyof typeof webhookEventSchemas;
`;
  return {
    ...files,
    [`${OUT}/operation-schemas.ts`]: operationMap,
    [`${OUT}/webhooks.ts`]: webhooksFile,
    [`${OUT}/webhook-event-schemas.ts`]: webhookMap,
  };
}

export { loadSpec, schemaName };
