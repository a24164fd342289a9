import { toJSONSchema } from "zod/mini";
import type { $ZodType } from "zod/v4/core";
import type { JsonSchema } from "./operation-tool.js";

type OperationSchemas = typeof import("@frameio-sdk/schemas/operations").operationSchemas;
type ZodSchema = $ZodType;

let loading: Promise<OperationSchemas> | undefined;
const cache = new Map<string, JsonSchema | undefined>();

// Loaded on first use: every operation's zod schemas together are the largest thing the server imports.
const schemas = () =>
  (loading ??= import("@frameio-sdk/schemas/operations").then((m) => {
    if (!m.operationSchemas)
      throw new Error("@frameio-sdk/schemas/operations has no operationSchemas (version mismatch?)");
    return m.operationSchemas;
  }));

function convert(schema: ZodSchema, io: "input" | "output"): JsonSchema {
  // `$schema` is left out: MCP takes 2020-12 as the default dialect, and it would repeat in every tool.
  const { $schema: _dialect, ...json } = toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" });
  return json as JsonSchema;
}

async function cached(key: string, make: (all: OperationSchemas) => JsonSchema | undefined) {
  if (!cache.has(key)) cache.set(key, make(await schemas()));
  return cache.get(key);
}

/**
 * The JSON Schema of an operation's argument object (`FilesShowArgs` and the like from @frameio-sdk/schemas): what
 * the client validates before sending, as input (defaults make a field optional).
 */
export async function inputSchemaOf(operation: string): Promise<JsonSchema & { type: "object" }> {
  const schema = await cached(`${operation} args`, (all) => {
    const entry = (all as unknown as Record<string, { args: ZodSchema } | undefined>)[operation];
    if (!entry) throw new Error(`@frameio-sdk/schemas has no schemas for ${operation}: rebuild it from the same spec`);
    return convert(entry.args, "input");
  });
  return schema as JsonSchema & { type: "object" };
}

/** The JSON Schema of an operation's success body when it is an object (MCP output schemas must be); else undefined. */
export async function outputSchemaOf(operation: string): Promise<(JsonSchema & { type: "object" }) | undefined> {
  const schema = await cached(`${operation} response`, (all) => {
    const response = (all as unknown as Record<string, { response?: ZodSchema } | undefined>)[operation]?.response;
    const json = response ? convert(response, "output") : undefined;
    return json?.type === "object" ? json : undefined;
  });
  return schema as (JsonSchema & { type: "object" }) | undefined;
}
