#!/usr/bin/env node
// Writes this package's generated files on its own, through the same generator and formatting as the root
// `pnpm generate`. Useful while iterating on scripts/lib/gen-mcp.mjs.
import { fileURLToPath } from "node:url";
import { generateMcp } from "../../../scripts/lib/gen-mcp.mjs";
import { buildModel } from "../../../scripts/lib/spec.mjs";
import { applyGenerated, formatOutputs } from "../../../scripts/lib/write.mjs";

const rootDir = fileURLToPath(new URL("../../../", import.meta.url));
const outputs = formatOutputs(rootDir, generateMcp(buildModel()));
const diff = applyGenerated(rootDir, outputs);
for (const [path, content] of Object.entries(outputs)) console.log(`${path}: ${content.length} bytes`);
console.log(`changed: ${[...diff.stale, ...diff.missing, ...diff.extra].join(", ") || "nothing"}`);
