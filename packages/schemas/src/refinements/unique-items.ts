import * as z from "zod/mini";

/** JSON Schema `uniqueItems` for arrays of strings, numbers and booleans (the spec uses it on id and name lists). */
export const uniqueItems = () =>
  /* @__PURE__ */ z.refine<readonly unknown[]>((items) => new Set(items).size === items.length, {
    params: { expected: "items without repeats" },
  });
