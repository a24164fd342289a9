import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

// What a program bundles when it imports from the built package (dist, as published), minified.
async function bundle(source: string): Promise<{ text: string; gzip: number }> {
  const result = await build({
    stdin: { contents: source, resolveDir: new URL("..", import.meta.url).pathname, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    mainFields: ["module", "main"],
    write: false,
    logLevel: "silent",
  });
  const text = result.outputFiles[0]?.text ?? "";
  return { text, gzip: gzipSync(text).byteLength };
}

describe("tree-shaking", () => {
  it("a program importing one schema bundles that schema, not all of them", async () => {
    const one = await bundle(
      `import { FilesShowArgs } from "./dist/index.js"; console.log(FilesShowArgs.safeParse({}));`,
    );
    const all = await bundle(`import * as all from "./dist/index.js"; console.log(Object.keys(all).length, all);`);
    // FilesShowArgs' own description is in; a schema files.show never refers to is not.
    expect(one.text).toContain("Id of the file.");
    expect(one.text).not.toContain("Request body for creating a version stack.");
    expect(all.text).toContain("Request body for creating a version stack.");
    expect(one.gzip * 4).toBeLessThan(all.gzip);
  });

  it("the subpath maps load everything they name, and only them", async () => {
    const webhooks = await bundle(
      `import { webhookEventSchemas } from "./dist/webhooks.js"; console.log(webhookEventSchemas);`,
    );
    expect(webhooks.text).toContain("share.viewed");
    expect(webhooks.text).not.toContain("Request body for creating a version stack.");
  });
});

describe("per-group entry points (@frameio-sdk/schemas/groups/<group>)", () => {
  it("export one group's argument and response schemas, the same objects as the main entry's", async () => {
    const files = await import("../dist/groups/files.js");
    const main = await import("../dist/index.js");
    const names = Object.keys(files).filter((name) => !/^[A-Z]/.test(name) || /Args$|Response$/.test(name));
    expect(names.length).toBe(Object.keys(files).length);
    expect(names.every((name) => name.startsWith("Files"))).toBe(true);
    expect(files.FilesShowArgs).toBe(main.FilesShowArgs);
  });

  it("a group's entry does not load the other groups' schemas", async () => {
    const group = await bundle(`import * as files from "./dist/groups/files.js"; console.log(files);`);
    const all = await bundle(`import * as all from "./dist/index.js"; console.log(all);`);
    expect(group.text).toContain("Id of the file.");
    expect(group.text).not.toContain("Request body for creating a version stack.");
    expect(group.gzip * 2).toBeLessThan(all.gzip);
  });
});
