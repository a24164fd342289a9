// Views of the spec that the schema emitter needs: which components requests and responses reach, each operation's
// success bodies, parameters with a single allowed value, and request bodies' `data` as components of their own.
import { resolveRef } from "../spec.mjs";

const refName = (ref) => ref.split("/").pop();

/** The names of the components `roots` reach, through `$ref`s at any depth. */
export function componentsReachable(spec, roots) {
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
 * A request body component's inline `data` becomes a component of its own, `<Body>Data` (`UpdateShareParams` ->
 * `UpdateShareParamsData`), so that `SharesUpdateArgs` can refer to it by name: reading `UpdateShareParams.shape.data`
 * instead would be a property read at module level, which bundlers keep, and with it every such body.
 */
export function hoistRequestData(spec, operations) {
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
export function successBodies(spec, op) {
  const raw = spec.paths[op.path][op.httpMethod.toLowerCase()];
  const bodies = op.successCodes
    .map((code) => resolveRef(spec, raw.responses[code])?.content?.["application/json"]?.schema)
    .filter(Boolean);
  return bodies.filter((body, i) => bodies.findIndex((other) => JSON.stringify(other) === JSON.stringify(body)) === i);
}

/** The single value a schema allows (`const`, or an enum of one), if that is all it allows. */
export function onlyValue(schema) {
  if (schema && "const" in schema) return schema.const;
  return schema?.enum?.length === 1 ? schema.enum[0] : undefined;
}
