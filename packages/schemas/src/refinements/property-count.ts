import * as z from "zod/mini";

const count = (value: object) =>
  Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined).length;

/** JSON Schema `minProperties`: keys whose value is `undefined` do not count (they are not sent). */
export const minProperties = (min: number) =>
  /* @__PURE__ */ z.refine<object>((value) => count(value) >= min, {
    params: { expected: `at least ${min} ${min === 1 ? "property" : "properties"}` },
  });

/** JSON Schema `maxProperties`: keys whose value is `undefined` do not count (they are not sent). */
export const maxProperties = (max: number) =>
  /* @__PURE__ */ z.refine<object>((value) => count(value) <= max, {
    params: { expected: `at most ${max} ${max === 1 ? "property" : "properties"}` },
  });
