#!/usr/bin/env node
// Builds the packages, then runs every benchmark in bench/ one after another (each reports its own ratios).
import { execFileSync, execSync } from "node:child_process";
import { readdirSync } from "node:fs";

execSync("pnpm exec turbo run build --filter=./packages/* --output-logs=errors-only", {
  stdio: "inherit",
  env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" },
});
const only = process.argv.slice(2);
for (const file of readdirSync("bench")
  .filter((f) => f.endsWith(".mjs"))
  .sort()) {
  if (only.length && !only.some((name) => file.includes(name))) continue;
  console.log(`\n=== bench/${file}`);
  execFileSync(process.execPath, [`bench/${file}`], { stdio: "inherit" });
}
