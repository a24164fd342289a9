// Given a small spec fragment, the emitter (scripts/lib/gen-schemas.mjs) writes these zod/mini schemas.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";

const emitterPath = new URL("../../../scripts/lib/gen-schemas.mjs", import.meta.url).href;
const { generateSchemas } = (await import(emitterPath)) as {
  generateSchemas: (model: { spec: object; operations?: object[] }) => Record<string, string>;
};
const OUT = "packages/schemas/src/generated";
const scratch = mkdtempSync(join(tmpdir(), "schemas-emitter-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

type Spec = { components: { schemas: Record<string, object> }; paths?: object; webhooks?: object };
const specOf = (schemas: Record<string, object>, rest: Partial<Spec> = {}): Spec => ({
  paths: {},
  ...rest,
  components: { schemas },
});

/**
 * The generated component modules, written to a scratch copy of the package's src/ (with its refinements) and
 * loaded through the `components.ts` barrel (bundled with zod); `source` is all of them, concatenated.
 */
async function emit(spec: Spec) {
  const files = generateSchemas({ spec });
  const dir = mkdtempSync(join(scratch, "pkg-"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  cpSync(new URL("../src/refinements", import.meta.url), join(dir, "packages/schemas/src/refinements"), {
    recursive: true,
  });
  const source = Object.entries(files)
    .filter(([path]) => path.startsWith(`${OUT}/components/`))
    .map(([, content]) => content)
    .join("\n");
  const entry = join(dir, "components.mjs");
  await build({
    entryPoints: [join(dir, OUT, "components.ts")],
    bundle: true,
    format: "esm",
    platform: "node",
    outfile: entry,
    nodePaths: [new URL("../node_modules", import.meta.url).pathname],
    logLevel: "silent",
  });
  // biome-ignore lint/suspicious/noExplicitAny: modules generated on the fly
  const module: Record<string, any> = await import(pathToFileURL(entry).href);
  return { source, module };
}
const ok = (schema: { safeParse: (v: unknown) => { success: boolean } }, value: unknown) =>
  schema.safeParse(value).success;

describe("gen-schemas emitter", () => {
  it("ids as the API issues them (guid, not RFC-strict uuid), date-times with a zone, bounds", async () => {
    const { source, module } = await emit(
      specOf({
        Thing: {
          type: "object",
          required: ["id", "at", "name"],
          properties: {
            id: { type: "string", format: "uuid" },
            at: { type: "string", format: "date-time" },
            name: { type: "string", minLength: 1, maxLength: 3 },
            size: { type: "integer", minimum: 0 },
          },
        },
      }),
    );
    expect(source).toContain("z.guid()");
    expect(source).toContain("z.iso.datetime({ offset: true })");
    const thing = { id: "5a7446f1-d0d3-5068-81d1-fd22ab51a4e2", at: "2026-06-11T17:42:08.512Z", name: "abc" };
    expect(ok(module.Thing, thing)).toBe(true);
    // Version nibble 5 and variant bits RFC 4122 would refuse: the API issues such ids.
    expect(ok(module.Thing, { ...thing, id: "5a7446f1-d0d3-5068-01d1-fd22ab51a4e2" })).toBe(true);
    expect(ok(module.Thing, { ...thing, at: "2026-06-11T17:42:08" })).toBe(false);
    expect(ok(module.Thing, { ...thing, name: "" })).toBe(false);
    expect(ok(module.Thing, { ...thing, size: -1 })).toBe(false);
    expect(ok(module.Thing, { ...thing, size: 1.5 })).toBe(false);
  });

  it("closed request objects refuse unknown keys; response objects keep new fields", async () => {
    const closed = { type: "object", additionalProperties: false, properties: { name: { type: "string" } } };
    const spec = specOf(
      { Body: closed, Reply: closed },
      {
        paths: {
          "/x": {
            post: {
              "x-sdk": { group: "things", method: "create" },
              requestBody: {
                required: true,
                content: { "application/json": { schema: { $ref: "#/components/schemas/Body" } } },
              },
              responses: {
                "200": { content: { "application/json": { schema: { $ref: "#/components/schemas/Reply" } } } },
              },
            },
          },
        },
      },
    );
    const { source, module } = await emit(spec);
    expect(source).toMatch(/export const Body = .*z\s*\.strictObject/s);
    expect(source).toMatch(/export const Reply = .*z\s*\.looseObject/s);
    expect(ok(module.Body, { name: "n", extra: 1 })).toBe(false);
    expect(module.Reply.parse({ name: "n", extra: 1 })).toEqual({ name: "n", extra: 1 });
  });

  it("x-discriminator unions become discriminated unions of the referenced components, extended", async () => {
    const { source, module } = await emit(
      specOf({
        Cat: { type: "object", required: ["meows"], properties: { meows: { type: "boolean" } } },
        Dog: { type: "object", required: ["barks"], properties: { barks: { type: "boolean" } } },
        Pet: {
          type: "object",
          "x-discriminator": "kind",
          oneOf: [
            {
              allOf: [
                { $ref: "#/components/schemas/Cat" },
                { type: "object", required: ["kind"], properties: { kind: { const: "cat" } } },
              ],
            },
            {
              allOf: [
                { $ref: "#/components/schemas/Dog" },
                { type: "object", required: ["kind"], properties: { kind: { const: "dog" } } },
              ],
            },
          ],
        },
      }),
    );
    expect(source).toContain('z.discriminatedUnion("kind", [');
    expect(source).toContain("z.extend(Cat, {");
    expect(ok(module.Pet, { kind: "cat", meows: true })).toBe(true);
    expect(ok(module.Pet, { kind: "dog", meows: true })).toBe(false);
  });

  it("cycles become typed getters; every call is marked pure for tree-shaking", async () => {
    const { source, module } = await emit(
      specOf({
        Node: {
          type: "object",
          required: ["children"],
          properties: {
            children: { type: "array", items: { $ref: "#/components/schemas/Node" } },
            parent: { anyOf: [{ $ref: "#/components/schemas/Node" }, { type: "null" }] },
          },
        },
      }),
    );
    expect(source).toContain("get children(): z.ZodMiniArray<typeof Node>");
    expect(source).toContain("get parent(): z.ZodMiniOptional<z.ZodMiniNullable<typeof Node>>");
    expect(source).not.toMatch(/[^/] z\.looseObject\(/);
    expect(ok(module.Node, { children: [{ children: [], parent: null }] })).toBe(true);
    expect(ok(module.Node, { children: [{ children: "x" }] })).toBe(false);
  });

  it("a cycle across two components works through their modules", async () => {
    const { module } = await emit(
      specOf({
        Folder: {
          type: "object",
          required: ["items"],
          properties: { items: { type: "array", items: { $ref: "#/components/schemas/Item" } } },
        },
        Item: {
          type: "object",
          required: ["name"],
          properties: { name: { type: "string" }, folder: { $ref: "#/components/schemas/Folder" } },
        },
      }),
    );
    expect(ok(module.Folder, { items: [{ name: "a", folder: { items: [] } }] })).toBe(true);
    expect(ok(module.Folder, { items: [{ name: "a", folder: { items: [{ name: 1 }] } }] })).toBe(false);
  });

  it("enums get a value list and a type guard; nullable types and minProperties are kept", async () => {
    const { source, module } = await emit(
      specOf({
        Color: { type: "string", enum: ["red", "green"] },
        Patch: { type: "object", minProperties: 1, properties: { note: { type: ["string", "null"] } } },
      }),
    );
    expect(source).toContain("export const isColor = (value: unknown): value is Color");
    expect(module.Color.options).toEqual(["red", "green"]);
    expect(module.isColor("red")).toBe(true);
    expect(module.isColor("blue")).toBe(false);
    expect(ok(module.Patch, { note: null })).toBe(true);
    expect(ok(module.Patch, {})).toBe(false);
  });

  it("a component named like a global the module needs gets a Schema suffix", async () => {
    const { module } = await emit(specOf({ Object: { type: "object" }, Error: { type: "string" } }));
    expect(Object.keys(module).sort()).toEqual(["ErrorSchema", "ObjectSchema"]);
  });

  it("values of any JSON type refuse what JSON cannot carry", async () => {
    const { module } = await emit(
      specOf({ Value: { type: "object", required: ["value"], properties: { value: { description: "anything" } } } }),
    );
    expect(ok(module.Value, { value: { a: [1, "x", null] } })).toBe(true);
    expect(ok(module.Value, { value: Number.NaN })).toBe(false);
    expect(ok(module.Value, {})).toBe(false);
  });
});
