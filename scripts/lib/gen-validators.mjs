// Turns the spec's JSON Schemas into zod/mini validators: one for each operation's arguments (refused before any
// request is sent) and, in a separate module loaded only when `validateResponses` is on, one for each success body.
import { BANNER } from "./write.mjs";

const refName = (ref) => ref.split("/").pop();
const ident = (name) => `s_${name.replace(/[^A-Za-z0-9_]/g, "_")}`;
const key = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));

/** Component names that take part in a reference cycle: refs to them are wrapped in z.lazy. */
function cyclicComponents(schemas) {
  const edges = new Map();
  const collect = (node, out) => {
    if (Array.isArray(node)) node.forEach((n) => collect(n, out));
    else if (node && typeof node === "object") {
      if (typeof node.$ref === "string") out.add(refName(node.$ref));
      Object.values(node).forEach((n) => collect(n, out));
    }
  };
  for (const [name, schema] of Object.entries(schemas)) {
    const out = new Set();
    collect(schema, out);
    edges.set(name, out);
  }
  const cyclic = new Set();
  for (const start of edges.keys()) {
    const stack = [...(edges.get(start) ?? [])];
    const seen = new Set();
    while (stack.length) {
      const n = stack.pop();
      if (n === start) { cyclic.add(start); break; }
      if (seen.has(n)) continue;
      seen.add(n);
      stack.push(...(edges.get(n) ?? []));
    }
  }
  return cyclic;
}

export function createZodEmitter(spec, { strict }) {
  const schemas = spec.components.schemas;
  const cyclic = cyclicComponents(schemas);
  const used = new Set();

  const deref = (s) => (s?.$ref ? schemas[refName(s.$ref)] : s);

  /** allOf parts flattened into one object view; later narrowings (const/enum only) replace wider property types. */
  function flatten(schema) {
    const props = {};
    const required = new Set();
    let closed = false;
    const visit = (s) => {
      const node = deref(s);
      if (!node) return;
      (node.allOf ?? []).forEach(visit);
      if (node.additionalProperties === false) closed = true;
      for (const [k, v] of Object.entries(node.properties ?? {})) props[k] = v;
      (node.required ?? []).forEach((r) => required.add(r));
    };
    visit(schema);
    return { props, required, closed };
  }

  function object(schema, { props, required, closed }) {
    const fields = Object.entries(props).map(([k, v]) => {
      const inner = emit(v);
      return `${key(k)}: ${required.has(k) ? inner : `z.optional(${inner})`}`;
    });
    const kind = strict && closed ? "strictObject" : "looseObject";
    return `z.${kind}({ ${fields.join(", ")} })`;
  }

  function checks(base, s, kinds) {
    const c = [];
    if (kinds.includes("len")) {
      if (s.minLength !== undefined) c.push(`z.minLength(${s.minLength})`);
      if (s.maxLength !== undefined) c.push(`z.maxLength(${s.maxLength})`);
      if (s.minItems !== undefined) c.push(`z.minLength(${s.minItems})`);
      if (s.maxItems !== undefined) c.push(`z.maxLength(${s.maxItems})`);
    }
    if (kinds.includes("num")) {
      if (s.minimum !== undefined) c.push(`z.minimum(${s.minimum})`);
      if (s.maximum !== undefined) c.push(`z.maximum(${s.maximum})`);
    }
    if (kinds.includes("pattern") && s.pattern) c.push(`z.regex(${new RegExp(s.pattern).toString()})`);
    return c.length ? `${base}.check(${c.join(", ")})` : base;
  }

  function emit(s) {
    if (s === true || s === undefined || (s && Object.keys(s).length === 0)) return "z.unknown()";
    if (s.$ref) {
      const name = refName(s.$ref);
      used.add(name);
      return cyclic.has(name) ? `z.lazy(() => ${ident(name)}())` : `${ident(name)}()`;
    }
    if ("const" in s) return `z.literal(${JSON.stringify(s.const)})`;
    if (s.enum) {
      const values = s.enum.filter((v) => v !== null);
      const base = values.every((v) => typeof v === "string")
        ? `z.enum(${JSON.stringify(values)})`
        : `z.union([${values.map((v) => `z.literal(${JSON.stringify(v)})`).join(", ")}])`;
      return s.enum.includes(null) ? `z.nullable(${base})` : base;
    }
    const union = s.oneOf ?? s.anyOf;
    if (union) {
      const nullable = union.some((b) => b.type === "null");
      const branches = union.filter((b) => b.type !== "null").map(emit);
      const base = branches.length === 1 ? branches[0] : `z.union([${branches.join(", ")}])`;
      return nullable ? `z.nullable(${base})` : base;
    }
    if (Array.isArray(s.type)) {
      const nonNull = s.type.filter((t) => t !== "null");
      const base = nonNull.length === 1 ? emit({ ...s, type: nonNull[0] }) : `z.union([${nonNull.map((t) => emit({ ...s, type: t })).join(", ")}])`;
      return s.type.includes("null") ? `z.nullable(${base})` : base;
    }
    if (s.allOf || s.type === "object" || s.properties) {
      const view = flatten(s);
      if (!Object.keys(view.props).length && s.additionalProperties && typeof s.additionalProperties === "object") {
        return `z.record(z.string(), ${emit(s.additionalProperties)})`;
      }
      return object(s, view);
    }
    switch (s.type) {
      case "string":
        if (s.format === "uuid") return "z.guid()";
        return checks("z.string()", s, ["len", "pattern"]);
      case "integer":
        return checks("z.int()", s, ["num"]);
      case "number":
        return checks("z.number()", s, ["num"]);
      case "boolean":
        return "z.boolean()";
      case "null":
        return "z.null()";
      case "array":
        return checks(`z.array(${emit(s.items ?? {})})`, s, ["len"]);
      default:
        return "z.unknown()";
    }
  }

  /** Component definitions for every schema referenced so far (transitively), as memoised factories. */
  function components() {
    const out = [];
    const done = new Set();
    while (done.size < used.size) {
      for (const name of [...used]) {
        if (done.has(name)) continue;
        done.add(name);
        const body = emit(schemas[name]);
        out.push(`let _${ident(name)}: z.ZodMiniType | undefined;\nconst ${ident(name)} = (): z.ZodMiniType => (_${ident(name)} ??= ${body});`);
      }
    }
    return out.sort().join("\n");
  }

  return { emit, components };
}

/** Arguments of each operation: path, query and header parameters by wire name, plus `data` (or `body`). */
export function generateInputValidators(spec, operations) {
  const z = createZodEmitter(spec, { strict: true });
  const entries = operations.map((op) => {
    const fields = op.params.map((p) => `${key(p.name)}: ${p.required ? z.emit(p.schema) : `z.optional(${z.emit(p.schema)})`}`);
    if (op.bodyStyle !== "none") {
      const body = op.bodyStyle === "data" ? { ...deref(spec, op.bodySchema).properties.data } : op.bodySchema;
      const name = op.bodyStyle === "data" ? "data" : "body";
      fields.push(`${name}: ${op.bodyRequired ? z.emit(body) : `z.optional(${z.emit(body)})`}`);
    }
    return `  ${JSON.stringify(op.key)}: () => z.strictObject({ ${fields.join(", ")} }),`;
  });
  return `${BANNER}import * as z from "zod/mini";\n\n${z.components()}\n\n/** Builds the validator of an operation's arguments. */\nexport const inputValidators: Record<string, () => z.ZodMiniType> = {\n${entries.join("\n")}\n};\n`;
}

/** Success bodies of each operation, checked only when a client is created with `validateResponses: true`. */
export function generateResponseValidators(spec, operations) {
  const z = createZodEmitter(spec, { strict: false });
  const entries = operations
    .filter((op) => op.responseSchema)
    .map((op) => `  ${JSON.stringify(op.key)}: () => ${z.emit(op.responseSchema)},`);
  return `${BANNER}import * as z from "zod/mini";\n\n${z.components()}\n\n/** Builds the validator of an operation's success body. */\nexport const responseValidators: Record<string, () => z.ZodMiniType> = {\n${entries.join("\n")}\n};\n`;
}

function deref(spec, s) {
  return s?.$ref ? spec.components.schemas[refName(s.$ref)] : s;
}
