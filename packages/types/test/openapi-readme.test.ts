// openapi/README.md documents every vendor extension of the spec: a new `x-` key must get a row (meaning, reader,
// guarding test) before it can be used, and a row for a key no longer used must go.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { listExtensions } from "../../../scripts/lib/extensions.mjs";
import { spec } from "./spec-fixtures.js";

const readme = readFileSync(fileURLToPath(new URL("../../../openapi/README.md", import.meta.url)), "utf8");
const section = readme.slice(readme.indexOf("## Vendor extensions"));
const rows = [...section.matchAll(/^\| `(x-[a-z-]+)`\s*\|(.*)\|$/gm)];
const documented = rows.map((m) => m[1]);

it("lists every x- extension the spec uses, and only those", () => {
  expect([...listExtensions(spec).keys()].sort()).toEqual([...documented].sort());
});

it("gives each extension a meaning, a reader and a guarding test", () => {
  for (const [, name, rest] of rows) {
    // where | meaning | read by | guarded by
    const cells = rest!.split("|").map((c) => c.trim());
    expect(cells, name).toHaveLength(4);
    for (const cell of cells) expect(cell, name).not.toBe("");
  }
});
