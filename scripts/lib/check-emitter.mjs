// Compiles the spec's JSON Schemas into plain TypeScript check functions, so a validated call runs `typeof`,
// `Set.has` and `RegExp.test` with no schema interpreter or validation library behind it.
//
// Every schema becomes one function `(v, p, r)`: the value, its path (each segment prefixed with ".", so the root
// is "" and no check special-cases it) and the `Report` of packages/client/src/internal/validation-issues.ts, called
// as `r(path, keyword, value, param)` with the JSON Schema keyword that failed; the wording lives there, once.
// Components keep their name (c_Project); inline schemas with the same code share one function (f0, f1...), which
// is what keeps the output small: most fields repeat a handful of shapes (an id, a name of 1..255 characters...).
// Not checked, as by the zod validators this replaced: `format` other than uuid, `uniqueItems`, `discriminator`.

const refName = (ref) => ref.split("/").pop();
const member = (k) => (/^[A-Za-z_$][\w$]*$/.test(k) ? `v.${k}` : `v[${JSON.stringify(k)}]`);
const UUID = "/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/";
const signature = "(v: any, p: string, r: Report): void";

/** `strict`: objects with `additionalProperties: false` refuse unknown keys (requests); otherwise they are open. */
export function createCheckEmitter(spec, { strict }) {
  const schemas = spec.components.schemas;
  const components = new Map(); // component name -> its function's source, once emitted
  const functions = new Map(); // body -> name: inline schemas with equal checks share one function
  const constants = new Map(); // source -> name: equal enums, key sets and regexes are hoisted once
  let usesUnions = false;

  const hoist = (source) => {
    if (!constants.has(source)) constants.set(source, `k${constants.size}`);
    return constants.get(source);
  };
  const set = (values) => hoist(`new Set(${JSON.stringify(values)})`);
  const deref = (s) => (s?.$ref ? schemas[refName(s.$ref)] : s);
  const fail = (keyword, param) => `r(p, "${keyword}", v${param === undefined ? "" : `, ${param}`});`;
  const define = (body) => {
    if (!functions.has(body)) functions.set(body, `f${functions.size}`);
    return functions.get(body);
  };

  /** allOf parts flattened into one object view; a later part's property replaces an earlier one (narrowing). */
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
      (node.required ?? []).forEach((name) => required.add(name));
    };
    visit(schema);
    return { props, required, closed };
  }

  function object(s) {
    const { props, required, closed } = flatten(s);
    const body = [];
    const values = s.additionalProperties && typeof s.additionalProperties === "object" ? check(s.additionalProperties) : undefined;
    if (!Object.keys(props).length && values) body.push(`for (const k in v) ${values}(v[k], p + "." + k, r);`);
    for (const [k, schema] of Object.entries(props)) {
      const name = check(schema);
      const path = `p + ${JSON.stringify(`.${k}`)}`;
      // A required property may be anything, but it has to be there.
      if (!name && required.has(k)) body.push(`if (!(${JSON.stringify(k)} in v)) r(${path}, "required", undefined);`);
      if (!name) continue;
      const call = `${name}(${member(k)}, ${path}, r);`;
      body.push(required.has(k) ? call : `if (${member(k)} !== undefined) ${call}`);
    }
    if (strict && closed) {
      const unknown = Object.keys(props).length ? `if (!${set(Object.keys(props))}.has(k)) ` : "";
      body.push(`for (const k in v) ${unknown}r(p + "." + k, "additionalProperties", v[k]);`);
    }
    return `if (v === null || typeof v !== "object" || Array.isArray(v)) ${fail("type", '"object"')} else { ${body.join(" ")} }`;
  }

  const bound = (s, keyword, test) => (s[keyword] === undefined ? "" : ` if (${test} ${s[keyword]}) ${fail(keyword, s[keyword])}`);
  const typed = (test, type, checks = "") => `if (${test}) ${fail("type", `"${type}"`)}${checks && ` else {${checks} }`}`;
  const nullable = (isNullable, body) => (isNullable && body ? `if (v !== null) { ${body} }` : body);

  /** The statements of the function checking `s`; "" when anything goes. */
  function body(s) {
    if ("const" in s) return `if (v !== ${JSON.stringify(s.const)}) ${fail("enum", set([s.const]))}`;
    if (s.enum) {
      const values = set(s.enum.filter((x) => x !== null));
      return nullable(s.enum.includes(null), `if (!${values}.has(v)) ${fail("enum", values)}`);
    }
    const branches = s.oneOf ?? s.anyOf;
    if (branches) return union(branches.filter((b) => b.type !== "null"), branches.some((b) => b.type === "null"));
    if (Array.isArray(s.type)) {
      return union(s.type.filter((t) => t !== "null").map((type) => ({ ...s, type })), s.type.includes("null"));
    }
    if (s.allOf || s.type === "object" || s.properties) return object(s);
    switch (s.type) {
      case "string":
        if (s.format === "uuid") return `${typed('typeof v !== "string"', "string")} else if (!${hoist(UUID)}.test(v)) ${fail("format", '"uuid"')}`;
        return typed('typeof v !== "string"', "string", `${bound(s, "minLength", "v.length <")}${bound(s, "maxLength", "v.length >")}${
          s.pattern ? ` if (!${hoist(new RegExp(s.pattern).toString())}.test(v)) ${fail("pattern", hoist(new RegExp(s.pattern).toString()))}` : ""
        }`);
      case "integer":
        return typed("!Number.isSafeInteger(v)", "integer", `${bound(s, "minimum", "v <")}${bound(s, "maximum", "v >")}`);
      case "number":
        return typed("!Number.isFinite(v)", "number", `${bound(s, "minimum", "v <")}${bound(s, "maximum", "v >")}`);
      case "boolean":
        return typed('typeof v !== "boolean"', "boolean");
      case "null":
        return typed("v !== null", "null");
      case "array": {
        const items = check(s.items ?? {});
        const each = items ? ` for (let i = 0; i < v.length; i++) ${items}(v[i], p + "." + i, r);` : "";
        return typed("!Array.isArray(v)", "array", `${each}${bound(s, "minItems", "v.length <")}${bound(s, "maxItems", "v.length >")}`);
      }
      default:
        return "";
    }
  }

  /** One branch: checked directly. Several: `anyOf` runs each against its own list of problems. */
  function union(branches, isNullable) {
    const names = branches.map(check).filter(Boolean);
    if (names.length < branches.length) return ""; // a branch that accepts anything accepts the union
    usesUnions ||= names.length > 1;
    const single = names.length === 1 ? `${names[0]}(v, p, r);` : `anyOf(v, p, r, ${hoist(`[${names.join(", ")}]`)});`;
    return nullable(isNullable, single);
  }

  /** The name of the function checking `s`, or undefined when anything goes. */
  function check(s) {
    if (s === true || s === undefined || (s && Object.keys(s).length === 0)) return undefined;
    if (s.$ref) {
      const name = refName(s.$ref);
      if (!components.has(name)) {
        components.set(name, ""); // reserved first: a component may refer to itself
        components.set(name, `function c_${name.replace(/\W/g, "_")}${signature} { ${body(schemas[name])} }`);
      }
      return `c_${name.replace(/\W/g, "_")}`;
    }
    const code = body(s);
    return code ? define(code) : undefined;
  }

  /** Everything the checks named so far refer to: hoisted constants, shared functions, component functions. */
  function support() {
    return [
      ...[...constants].map(([source, name]) => `const ${name} = ${source};`),
      ...[...functions].map(([code, name]) => `function ${name}${signature} { ${code} }`),
      ...[...components.values()].sort(),
    ].join("\n");
  }

  return { check, support, usesUnions: () => usesUnions };
}
