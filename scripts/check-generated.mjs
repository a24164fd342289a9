#!/usr/bin/env node
// Fails when `pnpm generate` would change a committed file: generated code must always match the spec.
import { execFileSync } from "node:child_process";

const run = (cmd, args) => execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
run(process.execPath, ["scripts/generate.mjs"]);
const drift = run("git", ["status", "--porcelain", "--", ":(glob)packages/*/src/generated/**", "openapi"]).trim();
if (drift) {
  console.error(`Generated files differ from the spec. Run \`pnpm generate\` and commit:\n${drift}`);
  process.exit(1);
}
console.log("Generated files match openapi/openapi.yaml.");
