#!/usr/bin/env node
/**
 * What @frameio-sdk/schemas costs: time per check and bundle size.
 *
 * Time: ns per `FilesShowArgs.safeParse(args)` (valid arguments, what every validated `files.show` call runs) and
 * per `FileWithIncludesResponse.safeParse(body)` (the spec's example body, what `validateResponses` runs), each
 * against a baseline measured in the same run on the same value: `JSON.stringify(args)` (what the call pays to build
 * its request anyway) and `JSON.parse(text)` of the body (what it pays to read the response anyway). Median of
 * 9 rounds.
 *
 * Import (Node, no bundler): ms to import the files group's entry and the main entry, after zod/mini, median of
 * fresh processes.
 *
 * Size: esbuild bundles (ESM, minified, browser) of a program that imports one schema (FilesShowArgs), of one that
 * imports the files group's argument schemas, and of one that imports every export, against zod/mini's core alone
 * (a program checking one `z.string()`). Bytes minified + gzip (level 9).
 *
 * Run after building the package (`pnpm exec turbo run build --filter=@frameio-sdk/schemas`):
 *   node bench/schemas.mjs [--rounds 9] [--iterations 200000]
 * Writes bench/results/schemas.json.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { parse as parseYaml } from "yaml";
import { median, report } from "./lib/report.mjs";

const { values: options } = parseArgs({
  options: { rounds: { type: "string", default: "9" }, iterations: { type: "string", default: "200000" } },
});
const rounds = Number(options.rounds);
const iterations = Number(options.iterations);
const pkgDir = fileURLToPath(new URL("../packages/schemas/", import.meta.url));
const schemas = await import(new URL("../packages/schemas/dist/index.js", import.meta.url).href);

const spec = parseYaml(readFileSync(new URL("../openapi/openapi.yaml", import.meta.url), "utf8"));
const showResponse =
  spec.paths["/v4/accounts/{account_id}/files/{file_id}"].get.responses["200"].content["application/json"];
const body = Object.values(showResponse.examples)[0].value;
const bodyText = JSON.stringify(body);
const id = "5a7446f1-d0d3-5068-81d1-fd22ab51a4e2";
const args = { account_id: id, file_id: id, include: ["media_links.original", "creator"] };
if (!schemas.FilesShowArgs.safeParse(args).success) throw new Error("benchmark arguments are not valid");
if (!schemas.FileWithIncludesResponse.safeParse(body).success) throw new Error("the spec's example body is not valid");

/** Median ns per call of `fn` over `rounds` rounds of `iterations` calls. */
function nsPerCall(fn) {
  for (let i = 0; i < iterations / 10; i++) fn();
  const samples = [];
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) fn();
    samples.push(Number(process.hrtime.bigint() - start) / iterations);
  }
  return median(samples);
}

let sink;
const timing = [
  [
    "FilesShowArgs.safeParse",
    () => (sink = schemas.FilesShowArgs.safeParse(args)),
    "JSON.stringify(args)",
    () => (sink = JSON.stringify(args)),
  ],
  [
    "FileWithIncludesResponse.safeParse",
    () => (sink = schemas.FileWithIncludesResponse.safeParse(body)),
    "JSON.parse(body)",
    () => (sink = JSON.parse(bodyText)),
  ],
].map(([name, fn, baselineName, baseline]) => {
  const ns = nsPerCall(fn);
  const baseNs = nsPerCall(baseline);
  return {
    check: name,
    ns: Math.round(ns),
    baseline: baselineName,
    baselineNs: Math.round(baseNs),
    ratio: +(ns / baseNs).toFixed(2),
  };
});
void sink;

async function gzipOf(contents) {
  const result = await build({
    stdin: { contents, resolveDir: pkgDir, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "silent",
  });
  const text = result.outputFiles[0].text;
  return { min: text.length, gzip: gzipSync(text, { level: 9 }).byteLength };
}
const filesArgs = Object.keys(schemas).filter((name) => /^Files\w+Args$/.test(name));
const programs = {
  "zod/mini core (z.string())": `import * as z from "zod/mini"; console.log(z.string().safeParse(1));`,
  "one schema (FilesShowArgs)": `import { FilesShowArgs } from "./dist/index.js"; console.log(FilesShowArgs.safeParse({}));`,
  [`files group arguments (${filesArgs.length} schemas)`]: `import { ${filesArgs.join(", ")} } from "./dist/index.js"; console.log(${filesArgs.join(", ")});`,
  "every export": `import * as all from "./dist/index.js"; console.log(all);`,
};
const sizes = [];
for (const [program, source] of Object.entries(programs)) sizes.push({ program, ...(await gzipOf(source)) });
const all = sizes.at(-1).gzip;
const core = sizes[0].gzip;
for (const row of sizes)
  Object.assign(row, { "vs every export": +(row.gzip / all).toFixed(3), "vs core": +(row.gzip / core).toFixed(2) });

console.table(sizes);

// Without a bundler (Node): the time to import an entry after zod/mini itself is loaded, in fresh processes.
function importMs(entry) {
  const code = `await import("zod/mini"); const t = performance.now(); await import(${JSON.stringify(entry)}); console.log(performance.now() - t);`;
  const samples = [];
  for (let i = 0; i < rounds; i++) {
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", code], { cwd: pkgDir, encoding: "utf8" });
    samples.push(Number(out.trim()));
  }
  return median(samples);
}
const groupMs = importMs("./dist/groups/files.js");
const mainMs = importMs("./dist/index.js");
const imports = [
  {
    entry: "@frameio-sdk/schemas/groups/files",
    ms: +groupMs.toFixed(1),
    "vs main entry": +(groupMs / mainMs).toFixed(2),
  },
  { entry: "@frameio-sdk/schemas", ms: +mainMs.toFixed(1), "vs main entry": 1 },
];
console.table(imports);
report("schemas", timing, { sizes, imports });
