#!/usr/bin/env node
// Regenerates everything derived from openapi/openapi.yaml: each emitter maps the spec model to files, Biome formats
// them, and every generated folder ends up holding exactly those files. `--check` compares instead of writing and
// exits 1 on any stale, missing or extra file (the CI drift check, scripts/check-generated.mjs).
import { fileURLToPath } from "node:url";
import { runEmitters } from "./lib/emitters.mjs";
import { buildModel } from "./lib/spec.mjs";
import { applyGenerated, diffGenerated, formatOutputs, generatedRoots } from "./lib/write.mjs";

const rootDir = fileURLToPath(new URL("..", import.meta.url));
const check = process.argv.includes("--check");
const started = performance.now();

const model = buildModel();
const { outputs, ran } = await runEmitters(model);
const formatted = formatOutputs(rootDir, outputs);
// A full run owns every package's generated folder, including one no emitter writes any more.
const roots = generatedRoots(rootDir, formatted);
const diff = check ? diffGenerated(rootDir, formatted, roots) : applyGenerated(rootDir, formatted, roots);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const lines = [
  ...diff.stale.map((p) => `${check ? "stale" : "updated"}  ${p}`),
  ...diff.missing.map((p) => `${check ? "missing" : "created"}  ${p}`),
  ...diff.extra.map((p) => `${check ? "extra" : "removed"}  ${p}`),
];
for (const line of lines) console.log(line);
console.log(
  `${model.operations.length} operations, ${model.webhooks.length} webhook events; emitters: ${ran.join(", ")}; ` +
    `${Object.keys(formatted).length} files, ${lines.length} ${check ? "out of date" : "changed"} (${seconds} s).`,
);
if (check && lines.length) {
  console.error("Generated files differ from openapi/openapi.yaml. Run `pnpm generate` and commit the result.");
  process.exit(1);
}
