// Turns the spec's JSON Schemas into zod/mini expressions (source text), one component at a time, remembering for
// each component which other components and hand-written refinements its code refers to.
//
// Every call is annotated `/* @__PURE__ */`: bundlers do not see zod's own side-effect-free annotations through
// `import * as z`, and without ours a program importing one schema would bundle all of them.

export const P = "/* @__PURE__ */ ";
export const refName = (ref) => ref.split("/").pop();
export const key = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));
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
const isAnything = (s) =>
  s === true ||
  s === undefined ||
  (typeof s === "object" &&
    !Object.keys(s).some((k) => !["description", "x-note", "title", "example", "examples"].includes(k)));
export const bare = (expr) => (expr.startsWith(P) ? expr.slice(P.length) : expr);
export const describe = (s, expr) =>
  s?.description ? `${P}${bare(expr)}.check(${P}z.describe(${JSON.stringify(s.description)}))` : expr;
const checks = (base, list) => (list.length ? `${P}${base}.check(${list.join(", ")})` : `${P}${base}`);

/** The TypeScript type of a getter's schema: wrappers around a component reference (enough for cycles). */
function zodType(expr) {
  const code = expr.replaceAll(P, "");
  const wrapper = /^z\.(optional|nullable|array)\((.*)\)$/s.exec(code);
  if (wrapper) return `z.ZodMini${wrapper[1][0].toUpperCase()}${wrapper[1].slice(1)}<${zodType(wrapper[2])}>`;
  if (/^[A-Za-z_$][\w$]*$/.test(code)) return `typeof ${code}`;
  throw new Error(`a cyclic reference needs a plain reference, optional, nullable or array around it: ${code}`);
}

/**
 * The emitter. `strictNames`: components whose closed objects refuse unknown keys (request-only components); every
 * other object, and every component a response or webhook payload reaches, is tolerant of new fields.
 */
export function createEmitter(spec, strictNames) {
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
