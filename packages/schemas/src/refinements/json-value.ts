import * as z from "zod/mini";

const EXPECTED = "a JSON value: a string, finite number, boolean, null, or an array or plain object of those";

/** Where in `value` (a path below it) sits something JSON cannot carry unchanged, or undefined when nothing does. */
export function jsonProblem(value: unknown, seen: unknown[] = []): PropertyKey[] | undefined {
  switch (typeof value) {
    case "string":
    case "boolean":
      return undefined;
    case "number":
      // JSON.stringify writes NaN and ±Infinity as null, which would clear the field instead of setting it.
      return Number.isFinite(value) ? undefined : [];
    case "object": {
      if (value === null) return undefined;
      const proto = Object.getPrototypeOf(value);
      // Cycles make JSON.stringify throw; class instances (Date, Map...) serialise as something else or as {}.
      if (seen.includes(value) || (!Array.isArray(value) && proto !== Object.prototype && proto !== null)) return [];
      seen.push(value);
      try {
        for (const [key, item] of Object.entries(value)) {
          const below = jsonProblem(item, seen);
          if (below) return [Array.isArray(value) ? Number(key) : key, ...below];
        }
      } finally {
        seen.pop();
      }
      return undefined;
    }
    default:
      // undefined, functions, symbols and BigInt: dropped, turned into null, or refused by JSON.stringify.
      return [];
  }
}

/**
 * Any value JSON represents faithfully: strings, finite numbers, booleans, null, and arrays and plain objects of
 * those, without cycles. Where the spec allows any JSON value (e.g. `metadata.bulkUpdate`'s `value`). A refusal
 * points at the offending value itself (`data.values.0.value.list.1`), not at the whole value.
 */
export const JsonValue = /* @__PURE__ */ z.unknown().check(
  /* @__PURE__ */ z.check((ctx) => {
    const path = jsonProblem(ctx.value);
    if (!path) return;
    ctx.issues.push({ code: "custom", input: ctx.value, path, params: { expected: EXPECTED }, message: EXPECTED });
  }),
);
