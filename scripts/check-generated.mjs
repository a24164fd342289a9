#!/usr/bin/env node
// The CI drift check: fails when any committed file of a generated folder (packages/*/src/generated) is stale,
// missing or extra compared with what `pnpm generate` produces from openapi/openapi.yaml. Writes nothing.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

try {
  execFileSync(process.execPath, [fileURLToPath(new URL("generate.mjs", import.meta.url)), "--check"], {
    stdio: "inherit",
  });
} catch {
  process.exit(1);
}
