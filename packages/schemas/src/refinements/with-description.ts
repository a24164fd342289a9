import * as z from "zod/mini";

/**
 * `schema`, with its description in zod's global registry (where `toJSONSchema` finds it). A function rather than
 * `.register(...)` in generated code: Biome formats that method chain differently on a second pass.
 */
export function withDescription<T extends z.core.$ZodType>(schema: T, description: string): T {
  z.globalRegistry.add(schema, { description });
  return schema;
}
