#!/usr/bin/env node
// The whole test suite, as CI runs it: spec lint, generated-code drift, build, type checks, tests.
import { execSync } from "node:child_process";

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1", REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" };
const step = (title, command) => {
  console.log(`\n=== ${title}\n$ ${command}`);
  execSync(command, { stdio: "inherit", env });
};

step("browser for end-to-end tests", "node scripts/ensure-chromium.mjs");
step("spec lint (Redocly)", "pnpm exec redocly lint openapi/openapi.yaml --format=stylish");
step("generated code matches the spec", "node scripts/check-generated.mjs");
step("build and type-check every package", "pnpm exec turbo run build typecheck --output-logs=new-only --concurrency=2");
// One package's tests at a time: the soak and 200 MB upload tests each want the machine's two cores to themselves.
step("test every package", "pnpm exec turbo run test --output-logs=new-only --concurrency=1");
step("packages as published: publint, attw, installed from tarballs in ESM, CJS and TypeScript", "node scripts/check-packages.mjs");
step("changesets cover changed packages, and `changeset version` works", "node scripts/check-changeset.mjs");
