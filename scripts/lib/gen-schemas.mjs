// Writes @frameio-sdk/schemas: a zod/mini schema for every component schema, every operation's arguments and
// success body, and every webhook event payload. Design notes: packages/schemas/docs/design.md.
//
// Every call is annotated `/* @__PURE__ */`: bundlers do not see zod's own side-effect-free annotations through
// `import * as z`, and without ours a program importing one schema would bundle all of them.

import { listOperations, loadSpec, resolveRef } from "./spec.mjs";
import { BANNER } from "./write.mjs";

const OUT = "packages/schemas/src/generated";
const P = "/* @__PURE__ */ ";
const refName = (ref) => ref.split("/").pop();
const pascal = (text) =>
  text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join("");
const key = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));
// Names a module-level `const` cannot take, or that would hide a global the generated code itself uses.
const RESERVED = new Set([
  "Object",
  "Array",
  "String",
  "Number",
  "Boolean",
  "Symbol",
  "Error",
  "JSON",
  "Math",
  "Promise",
  "Date",
  "RegExp",
  "Map",
  "Set",
  "z",
]);
/** The exported name of a component schema: its own name, or with a `Schema` suffix where that name is taken. */
export const schemaName = (name) => (RESERVED.has(name) ? `${name}Schema` : name.replace(/\W/g, "_"));
/** `files.show` -> `FilesShow`; the arguments are `FilesShowArgs`, the success body `FilesShowResponse`. */
export const operationName = (op) => `${pascal(op.group)}${pascal(op.method)}`;
/** `file.upload.completed` -> `FileUploadCompletedEvent`. */
export const eventName = (type) => `${pascal(type)}Event`;

const isAnything = (s) =>
  s === true ||
  s === undefined ||
  (typeof s === "object" &&
    !Object.keys(s).some((k) => !["description", "x-note", "title", "example", "examples"].includes(k)));
const bare = (expr) => (expr.startsWith(P) ? expr.slice(P.length) : expr);
const describe = (s, expr) =>
  s?.description ? `${P}${bare(expr)}.check(${P}z.describe(${JSON.stringify(s.description)}))` : expr;
const checks = (base, list) => (list.length ? `${P}${base}.check(${list.join(", ")})` : `${P}${base}`);

function componentsReachable(spec, roots) {
  const seen = new Set();
  const walk = (node) => {
    if (!node || typeof node !== "object") return;
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node.$ref === "string") {
      const name = refName(node.$ref);
      if (!seen.has(name)) {
        seen.add(name);
        walk(spec.components.schemas[name]);
      }
      return;
    }
    for (const [k, v] of Object.entries(node)) if (k !== "example" && k !== "examples") walk(v);
  };
  roots.forEach(walk);
  return seen;
}

/**
 * The emitter. `strictNames`: components whose closed objects refuse unknown keys (request-only components); every
 * other object, and every component a response or webhook payload reaches, is tolerant of new fields.
 */
function createEmitter(spec, strictNames) {
  const schemas = spec.components.schemas;
  const emitted = new Set(); // components whose `const` is already written
  const pending = new Set(); // components being written (a reference back to one needs a getter)
  const modules = []; // one per component written: its statement, the components and helpers it refers to
  // What the code being written refers to: the caller's (an operation, an event) or, while a component is being
  // written, that component's own, so that each component's module imports exactly what it uses.
  const root = { refs: new Set(), helpers: new Set() };
  let current = root;
  const lazyTargets = new Set(); // components referred to from inside their own definition (through getters)
  const use = (helper) => {
    current.helpers.add(helper);
    return helper;
  };

  /** Writes component `name` (and, first, those it refers to) unless done; false while it is being written. */
  function component(name) {
    if (emitted.has(name)) return true;
    if (pending.has(name)) return false;
    pending.add(name);
    const s = schemas[name];
    if (!s) throw new Error(`unknown component ${name}`);
    const ctx = { strict: strictNames.has(name), top: true };
    const outer = current;
    current = { refs: new Set(), helpers: new Set() };
    const own = current;
    let body;
    try {
      body = schema(s, ctx);
    } finally {
      current = outer;
    }
    // A reference back to a component being defined is only possible inside an object property (as a getter).
    if (ctx.lazy) throw new Error(`${name} refers to itself outside an object property; zod needs a getter there`);
    // Registered, not a describe() check: zod refuses to extend an object that carries checks. Not for a component
    // in a cycle: TypeScript cannot infer the type of a call on it.
    const described = s.description && !lazyTargets.has(name);
    if (described) own.helpers.add("withDescription");
    const expr = described ? `${P}withDescription(${body}, ${JSON.stringify(s.description)})` : body;
    pending.delete(name);
    emitted.add(name);
    const id = schemaName(name);
    const lines = [`export const ${id} = ${expr};`, `export type ${id} = z.output<typeof ${id}>;`];
    const values = enumValues(s);
    if (values) {
      lines.unshift(
        `/** ${(s.description ?? name).replace(/\*\//g, "*\\/")} Values: \`${id}.options\`; narrow a string with \`is${id}\`. */`,
      );
      lines.push(
        `/** Whether \`value\` is one of \`${id}.options\`. */`,
        `export const is${id} = (value: unknown): value is ${id} => (${id}.options as readonly unknown[]).includes(value);`,
      );
    } else if (s.description) {
      lines.unshift(`/** ${s.description.replace(/\*\//g, "*\\/")} */`);
    }
    own.refs.delete(id);
    modules.push({ id, text: lines.join("\n"), refs: own.refs, helpers: own.helpers });
    return true;
  }

  const enumValues = (s) =>
    Array.isArray(s.enum) && s.enum.every((v) => typeof v === "string") && s.type === "string" ? s.enum : undefined;

  /** A reference to a component: its name, or (inside a cycle) undefined, asking the caller for a getter. */
  function ref(s) {
    const name = refName(s.$ref);
    current.refs.add(schemaName(name));
    return component(name) ? schemaName(name) : undefined;
  }

  function refOrLazy(s, ctx) {
    const name = ref(s);
    if (name) return name;
    ctx.lazy = true;
    lazyTargets.add(refName(s.$ref));
    return schemaName(refName(s.$ref));
  }

  /** The zod expression of `s`. `ctx.strict`: closed objects refuse unknown keys; `ctx.lazy` is set when it refers to a component not yet defined. */
  function schema(s, ctx) {
    if (isAnything(s)) return use("JsonValue");
    if (s.$ref) return refOrLazy(s, ctx);
    if ("const" in s) return `${P}z.literal(${JSON.stringify(s.const)})`;
    if (s.enum) {
      const values = s.enum.filter((v) => v !== null);
      const base = values.every((v) => typeof v === "string")
        ? `${P}z.enum(${JSON.stringify(values)})`
        : `${P}z.literal(${JSON.stringify(values)})`;
      return s.enum.includes(null) || (Array.isArray(s.type) && s.type.includes("null"))
        ? `${P}z.nullable(${base})`
        : base;
    }
    const branches = s.oneOf ?? s.anyOf;
    if (branches) return union(s, branches, ctx);
    if (Array.isArray(s.type)) {
      const types = s.type.filter((t) => t !== "null");
      const inner =
        types.length === 1
          ? schema({ ...s, type: types[0] }, ctx)
          : `${P}z.union([${types.map((type) => schema({ ...s, type }, ctx)).join(", ")}])`;
      return s.type.includes("null") ? `${P}z.nullable(${inner})` : inner;
    }
    if (s.allOf) return allOf(s, ctx);
    if (s.type === "object" || s.properties) return object(s, ctx);
    switch (s.type) {
      case "string":
        return string(s);
      case "integer":
      case "number":
        return number(s);
      case "boolean":
        return `${P}z.boolean()`;
      case "null":
        return `${P}z.null()`;
      case "array": {
        const list = [];
        if (s.minItems !== undefined) list.push(`${P}z.minLength(${s.minItems})`);
        if (s.maxItems !== undefined) list.push(`${P}z.maxLength(${s.maxItems})`);
        if (s.uniqueItems) list.push(`${P}${use("uniqueItems")}()`);
        return checks(`z.array(${schema(s.items ?? {}, ctx)})`, list);
      }
      default:
        throw new Error(`unsupported schema: ${JSON.stringify(s).slice(0, 200)}`);
    }
  }

  function string(s) {
    const list = [];
    if (s.minLength !== undefined) list.push(`${P}z.minLength(${s.minLength})`);
    if (s.maxLength !== undefined) list.push(`${P}z.maxLength(${s.maxLength})`);
    if (s.pattern) list.push(`${P}z.regex(${new RegExp(s.pattern).toString()})`);
    // Ids as the API issues them: 8-4-4-4-12 hex digits, without RFC 4122's version and variant bits.
    const base =
      {
        uuid: "z.guid()",
        "date-time": "z.iso.datetime({ offset: true })",
        date: "z.iso.date()",
        uri: "z.url()",
        email: "z.email()",
      }[s.format] ?? "z.string()";
    return checks(base, list);
  }

  function number(s) {
    const list = [];
    if (s.minimum !== undefined) list.push(`${P}z.gte(${s.minimum})`);
    if (s.maximum !== undefined) list.push(`${P}z.lte(${s.maximum})`);
    if (s.exclusiveMinimum !== undefined) list.push(`${P}z.gt(${s.exclusiveMinimum})`);
    if (s.exclusiveMaximum !== undefined) list.push(`${P}z.lt(${s.exclusiveMaximum})`);
    const base = s.type === "number" ? "z.number()" : s.format === "int32" ? "z.int32()" : "z.int()";
    return checks(base, list);
  }

  function union(s, branches, ctx) {
    const nullable = branches.some((b) => b.type === "null") || (Array.isArray(s.type) && s.type.includes("null"));
    const options = branches.filter((b) => b.type !== "null").map((b) => schema(b, ctx));
    let expr;
    if (options.length === 1) expr = options[0];
    else if (s["x-discriminator"])
      expr = `${P}z.discriminatedUnion(${JSON.stringify(s["x-discriminator"])}, [${options.join(", ")}])`;
    else expr = `${P}z.union([${options.join(", ")}])`;
    return nullable ? `${P}z.nullable(${expr})` : expr;
  }

  /** One `$ref` extended by inline parts: `z.extend(Base, { ...what the inline parts add or narrow })`. */
  function allOf(s, ctx) {
    const refs = s.allOf.filter((part) => part.$ref);
    if (refs.length !== 1) throw new Error(`allOf needs exactly one $ref: ${JSON.stringify(s).slice(0, 200)}`);
    const base = ref(refs[0]);
    if (!base) throw new Error(`allOf over a component still being defined: ${refs[0].$ref}`);
    const baseSchema = schemas[refName(refs[0].$ref)];
    const baseRequired = new Set(flatRequired(baseSchema));
    const props = {};
    const required = new Set();
    for (const part of [...s.allOf.filter((p) => !p.$ref), s]) {
      Object.assign(props, part.properties ?? {});
      for (const name of part.required ?? []) required.add(name);
    }
    const entries = [];
    for (const [name, prop] of Object.entries(props)) {
      const baseProp = flatProperties(baseSchema)[name];
      // A narrowing of an object the base defines inline (a webhook's `resource.type`): that object, narrowed. Not
      // `Base.shape.x`: a bundler cannot drop a statement that reads a property, so it would defeat tree-shaking.
      const narrowsInline = prop.properties && !prop.$ref && baseProp && !baseProp.$ref && baseProp.properties;
      const value = narrowsInline
        ? schema(
            {
              ...baseProp,
              properties: { ...baseProp.properties, ...prop.properties },
              required: [...new Set([...(baseProp.required ?? []), ...(prop.required ?? [])])],
            },
            ctx,
          )
        : schema(prop, ctx);
      const isRequired = required.has(name) || baseRequired.has(name);
      entries.push(`${key(name)}: ${isRequired ? value : `${P}z.optional(${value})`}`);
    }
    for (const name of required) {
      if (!(name in props) && !baseRequired.has(name))
        throw new Error(`allOf makes ${name} required without defining it`);
    }
    return entries.length ? `${P}z.extend(${base}, { ${entries.join(", ")} })` : base;
  }

  function flatProperties(s) {
    const node = s?.$ref ? schemas[refName(s.$ref)] : s;
    if (!node) return {};
    return Object.assign({}, ...(node.allOf ?? []).map(flatProperties), node.properties ?? {});
  }
  function flatRequired(s) {
    const node = s?.$ref ? schemas[refName(s.$ref)] : s;
    if (!node) return [];
    return [...(node.allOf ?? []).flatMap(flatRequired), ...(node.required ?? [])];
  }

  function object(s, ctx) {
    const required = new Set(s.required ?? []);
    const entries = [];
    for (const [name, prop] of Object.entries(s.properties ?? {})) {
      const inner = { strict: ctx.strict };
      const bareValue = schema(prop, inner);
      const value = ctx.strict || ctx.describeProperties ? describe(prop, bareValue) : bareValue;
      const optional = required.has(name) ? value : `${P}z.optional(${value})`;
      if (inner.lazy) {
        // TypeScript cannot infer a type that refers to itself: the getter states it.
        const type = zodType(required.has(name) ? bareValue : `z.optional(${bareValue})`);
        entries.push(`get ${key(name)}(): ${type} { return ${optional.replaceAll(P, "")}; }`);
      } else entries.push(`${key(name)}: ${optional}`);
    }
    const closed = s.additionalProperties === false && ctx.strict;
    const list = [];
    if (s.minProperties !== undefined) list.push(`${P}${use("minProperties")}(${s.minProperties})`);
    if (s.maxProperties !== undefined) list.push(`${P}${use("maxProperties")}(${s.maxProperties})`);
    return checks(`z.${closed ? "strictObject" : "looseObject"}({ ${entries.join(", ")} })`, list);
  }

  /** Forgets what the caller's code referred to so far (one module written, the next one starts). */
  function resetUsage() {
    root.refs.clear();
    root.helpers.clear();
  }

  /** Starts a module that imports the components instead of defining them: everything is "written" already. */
  function importComponents() {
    for (const name of Object.keys(schemas)) component(name);
    modules.length = 0;
    resetUsage();
  }

  return { component, schema, modules, helpers: root.helpers, refs: root.refs, importComponents, resetUsage };
}

/** A module's header: zod, the hand-written refinements it uses (`up` leads from the module to src/), components. */
const imports = (helpers, extra, up) =>
  `${BANNER}import * as z from "zod/mini";\n${helpers.size ? `import { ${[...helpers].sort().join(", ")} } from "${up}refinements/index.js";\n` : ""}${extra}`;

/**
 * A request body component's inline `data` becomes a component of its own, `<Body>Data` (`UpdateShareParams` ->
 * `UpdateShareParamsData`), so that `SharesUpdateArgs` can refer to it by name: reading `UpdateShareParams.shape.data`
 * instead would be a property read at module level, which bundlers keep, and with it every such body.
 */
function hoistRequestData(spec, operations) {
  const schemas = { ...spec.components.schemas };
  for (const op of operations) {
    if (op.bodyStyle !== "data" || !op.bodySchema?.$ref) continue;
    const name = refName(op.bodySchema.$ref);
    const data = schemas[name]?.properties?.data;
    if (!data || data.$ref) continue;
    if (schemas[`${name}Data`]) throw new Error(`cannot name ${name}'s data ${name}Data: the spec has that name`);
    schemas[`${name}Data`] = data;
    schemas[name] = {
      ...schemas[name],
      properties: { ...schemas[name].properties, data: { $ref: `#/components/schemas/${name}Data` } },
    };
  }
  return { ...spec, components: { ...spec.components, schemas } };
}

/** The distinct JSON bodies of an operation's success responses (none for 204). */
function successBodies(spec, op) {
  const raw = spec.paths[op.path][op.httpMethod.toLowerCase()];
  const bodies = op.successCodes
    .map((code) => resolveRef(spec, raw.responses[code])?.content?.["application/json"]?.schema)
    .filter(Boolean);
  return bodies.filter((body, i) => bodies.findIndex((other) => JSON.stringify(other) === JSON.stringify(body)) === i);
}

/** The single value a schema allows (`const`, or an enum of one), if that is all it allows. */
function onlyValue(schema) {
  if (schema && "const" in schema) return schema.const;
  return schema?.enum?.length === 1 ? schema.enum[0] : undefined;
}

/** Import lines for components `used`, from `dir`, grouped by the module each lives in (see moduleFiles). */
function importLines(used, fileOf, dir) {
  const byFile = new Map();
  for (const ref of [...used].sort()) byFile.set(fileOf.get(ref), [...(byFile.get(fileOf.get(ref)) ?? []), ref]);
  return [...byFile]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([file, names]) => `import { ${names.join(", ")} } from "${dir}${file}.js";\n`)
    .join("");
}

/**
 * The module (file name) of each component: its own, or for components that refer to each other in a cycle
 * (strongly connected, Tarjan), the first-written member's.
 */
function moduleFiles(modules) {
  const refsOf = new Map(modules.map((m) => [m.id, [...m.refs]]));
  const order = new Map(modules.map((m, i) => [m.id, i]));
  const index = new Map();
  const low = new Map();
  const stack = [];
  const fileOf = new Map();
  let counter = 0;
  const visit = (id) => {
    index.set(id, counter);
    low.set(id, counter++);
    stack.push(id);
    for (const next of refsOf.get(id) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(id, Math.min(low.get(id), low.get(next)));
      } else if (stack.includes(next)) low.set(id, Math.min(low.get(id), index.get(next)));
    }
    if (low.get(id) !== index.get(id)) return;
    const members = [];
    let member;
    do {
      member = stack.pop();
      members.push(member);
    } while (member !== id);
    const file = members.sort((a, b) => order.get(a) - order.get(b))[0];
    for (const m of members) fileOf.set(m, file);
  };
  for (const m of modules) if (!index.has(m.id)) visit(m.id);
  return fileOf;
}

/** The TypeScript type of a getter's schema: wrappers around a component reference (enough for cycles). */
function zodType(expr) {
  const code = expr.replaceAll(P, "");
  const wrapper = /^z\.(optional|nullable|array)\((.*)\)$/s.exec(code);
  if (wrapper) return `z.ZodMini${wrapper[1][0].toUpperCase()}${wrapper[1].slice(1)}<${zodType(wrapper[2])}>`;
  if (/^[A-Za-z_$][\w$]*$/.test(code)) return `typeof ${code}`;
  throw new Error(`a cyclic reference needs a plain reference, optional, nullable or array around it: ${code}`);
}

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

  // One module per API group: `@frameio-sdk/schemas/groups/<group>` loads that group's schemas only.
  const opEmitter = createEmitter(spec, strictNames);
  opEmitter.importComponents();
  const rows = [];
  const groups = new Map();
  for (const op of operations) groups.set(op.group, [...(groups.get(op.group) ?? []), op]);
  for (const [group, ops] of groups) {
    opEmitter.resetUsage();
    const opLines = [];
    for (const op of ops) {
      const name = operationName(op);
      const deprecated = op.deprecated
        ? `\n * @deprecated ${op.deprecationNote ?? "The API marks this operation deprecated."}`
        : "";
      const doc = `${op.summary}.${deprecated}`.replace(/\*\//g, "*\\/");
      opLines.push(
        `/**\n * Arguments of \`${op.key}\`: ${doc}\n */\nexport const ${name}Args = ${argsExpr(spec, op, opEmitter)};\nexport type ${name}Args = z.input<typeof ${name}Args>;`,
      );
      const bodies = successBodies(spec, op).map((body) => opEmitter.schema(body, { strict: false }));
      // Several success codes with different bodies (folders.copy: 200 with the copy, 202 while it runs): either.
      const response = bodies.length > 1 ? `${P}z.union([${bodies.join(", ")}])` : bodies[0];
      if (response)
        opLines.push(
          `/** Success body of \`${op.key}\`. */\nexport const ${name}Response = ${response};\nexport type ${name}Response = z.output<typeof ${name}Response>;`,
        );
      rows.push(`  ${JSON.stringify(op.key)}: { args: ${name}Args${response ? `, response: ${name}Response` : ""} },`);
    }
    const header = imports(opEmitter.helpers, componentImports(opEmitter.refs, "../components/"), "../../");
    files[`${OUT}/groups/${group}.ts`] = `${header}\n${opLines.join("\n\n")}\n`;
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

export { loadSpec };
