import { exampleArgumentSets, specOperations } from "@frameio-sdk/testing/spec-calls";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { FilesShowArgs } from "../src/index.js";
import { operationSchemas } from "../src/operations.js";

// ajv and ajv-formats are CommonJS with a default export; under ESM interop it can sit one level down.
const unwrap = <T>(mod: T): T => (mod as { default?: T }).default ?? mod;
const ajv = new (unwrap(Ajv2020))({ strict: true, allErrors: true });
unwrap(addFormats)(ajv);

const cases = specOperations.map((op) => ({ key: op.key, args: exampleArgumentSets(op, { params: "all" }) }));

describe("JSON Schema (draft 2020-12) of every operation's arguments", () => {
  it("covers all operations", () => {
    expect(cases).toHaveLength(Object.keys(operationSchemas).length);
  });

  it.each(cases)("$key compiles in Ajv 2020 (strict) and accepts the spec's example arguments", ({ key, args }) => {
    const jsonSchema = z.toJSONSchema(operationSchemas[key as keyof typeof operationSchemas].args, { io: "input" });
    expect(jsonSchema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    const validate = ajv.compile(jsonSchema);
    for (const example of args) {
      validate(example);
      expect(validate.errors ?? []).toEqual([]);
    }
  });

  it("carries the spec's descriptions and refuses what the zod schema refuses", () => {
    const jsonSchema = z.toJSONSchema(FilesShowArgs, { io: "input" }) as {
      properties: Record<string, { description?: string }>;
      additionalProperties?: boolean;
      required?: string[];
    };
    expect(jsonSchema.properties.file_id?.description).toMatch(/Id of the file/);
    expect(jsonSchema.additionalProperties).toBe(false);
    expect(jsonSchema.required).toEqual(["account_id", "file_id"]);
    const validate = ajv.compile(jsonSchema);
    const id = "5a7446f1-d0d3-5068-81d1-fd22ab51a4e2";
    expect(validate({ account_id: id, file_id: id, include: ["media_links.original"] })).toBe(true);
    expect(validate({ account_id: id, file_id: "nope" })).toBe(false);
    expect(validate({ account_id: id, file_id: id, include: ["everything"] })).toBe(false);
    expect(validate({ account_id: id, file_id: id, extra: 1 })).toBe(false);
  });
});
