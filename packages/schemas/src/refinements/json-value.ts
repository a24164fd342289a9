import * as z from "zod/mini";

/** Why `value` (at `path`) cannot be sent as JSON unchanged, or undefined when it can. */
export function jsonProblem(value: unknown, seen: unknown[] = []): string | undefined {
  switch (typeof value) {
    case "string":
    case "boolean":
      return undefined;
    case "number":
      // JSON.stringify writes NaN and ±Infinity as null, which would clear the field instead of setting it.
      return Number.isFinite(value) ? undefined : `the number ${value}`;
    case "object": {
      if (value === null) return undefined;
      if (seen.includes(value)) return "a circular reference";
      const proto = Object.getPrototypeOf(value);
      if (!Array.isArray(value) && proto !== Object.prototype && proto !== null)
        return `an instance of ${proto?.constructor?.name ?? "a class"}`;
      seen.push(value);
      try {
        for (const item of Array.isArray(value) ? value : Object.values(value)) {
          const problem = jsonProblem(item, seen);
          if (problem) return problem;
        }
      } finally {
        seen.pop();
      }
      return undefined;
    }
    default:
      // undefined, functions, symbols and BigInt: dropped, turned into null, or refused by JSON.stringify.
      return typeof value === "bigint" ? "a BigInt" : typeof value === "undefined" ? "undefined" : `a ${typeof value}`;
  }
}

/**
 * Any value JSON represents faithfully: strings, finite numbers, booleans, null, and arrays and plain objects of
 * those, without cycles. Where the spec allows any JSON value (e.g. `metadata.bulkUpdate`'s `value`).
 */
export const JsonValue = /* @__PURE__ */ z.unknown().check(
  /* @__PURE__ */ z.refine((value) => jsonProblem(value) === undefined, {
    params: { expected: "a JSON value (no NaN, Infinity, undefined, functions, BigInt or cycles)" },
  }),
);
