#!/usr/bin/env node
// The whole test suite, as CI runs it: lint, spec lint, generated-code drift, build, type checks, tests on Node 20,
// the kit and client suites again on Node 22, 24 and 26, the runtime smoke suite (packed tarballs on Node 20-26,
// Bun, Deno, edge-runtime, workerd), package and changeset checks. Every step runs even when an earlier test step
// failed, so one run shows every failure; only a failed setup or build stops the run. Ends with each step's
// duration and result.
import { execFileSync, execSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { installRuntimes } from "./install-runtimes.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const env = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: "1",
  DO_NOT_TRACK: "1",
  REDOCLY_TELEMETRY: "off",
  REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
};
const steps = [];

/** `fatal`: later steps cannot mean anything without this one (tools, build). */
function step(title, run, { fatal = false } = {}) {
  const start = Date.now();
  let ok = true;
  try {
    if (typeof run === "string") {
      console.log(`\n=== ${title}\n$ ${run}`);
      execSync(run, { stdio: "inherit", env, cwd: root });
    } else {
      console.log(`\n=== ${title}`);
      run();
    }
  } catch (error) {
    ok = false;
    console.error(
      `\n=== FAILED: ${title}${error.status === undefined ? `: ${error.message}` : ` (exit ${error.status})`}`,
    );
  }
  steps.push({ title, ok, seconds: (Date.now() - start) / 1000 });
  if (!ok && fatal) finish();
}

function finish() {
  console.log("\n=== test:all steps");
  for (const { title, ok, seconds } of steps)
    console.log(`${ok ? "ok  " : "FAIL"} ${seconds.toFixed(1).padStart(6)} s  ${title}`);
  const total = steps.reduce((sum, { seconds }) => sum + seconds, 0);
  const failed = steps.filter(({ ok }) => !ok).length;
  console.log(`total ${total.toFixed(1)} s`);
  console.log(`steps: ${steps.length - failed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

step("browser for end-to-end tests", "node scripts/ensure-chromium.mjs", { fatal: true });
if (existsSync(`${root}scripts/ensure-redis.mjs`))
  step("Redis for the kit's shared-state tests", "node scripts/ensure-redis.mjs", { fatal: true });
else console.log("\n=== Redis: scripts/ensure-redis.mjs does not exist yet; skipped");
let runtimes;
step(
  "Node 22/24/26, Bun, Deno, edge-runtime, workerd from the npm registry (cached)",
  () => {
    runtimes = installRuntimes();
    // The kit's transport test runs its probe on these too (it skips each runtime whose binary is not named).
    env.FRAMEIO_TEST_BUN = runtimes.bun.bin;
    env.FRAMEIO_TEST_DENO = runtimes.deno.bin;
  },
  { fatal: true },
);
step("lint and format (Biome)", "pnpm lint");
step("spec lint (Redocly)", "pnpm exec redocly lint openapi/openapi.yaml --format=stylish");
step("generated code matches the spec", "node scripts/check-generated.mjs");
step("build every package", "pnpm exec turbo run build --output-logs=new-only --concurrency=2", { fatal: true });
step("type-check every package", "pnpm exec turbo run typecheck --output-logs=new-only --concurrency=2");
// One package's tests at a time: the soak and 200 MB upload tests each want the machine's two cores to themselves.
// --continue: one package's failures must not hide the others'.
step(
  `test every package (Node ${process.versions.node})`,
  "pnpm exec turbo run test --output-logs=new-only --concurrency=1 --continue",
);
const vitest = `${root}node_modules/vitest/vitest.mjs`;
for (const key of ["node22", "node24", "node26"]) {
  for (const pkg of ["kit", "client"]) {
    step(`test ${pkg} on Node ${runtimes[key].version}`, () => {
      console.log(`$ (packages/${pkg}) ${runtimes[key].bin} vitest run`);
      execFileSync(runtimes[key].bin, [vitest, "run"], { cwd: `${root}packages/${pkg}`, stdio: "inherit", env });
    });
  }
}
step(
  "runtime smoke: packed tarballs on Node 20-26, Bun, Deno, edge-runtime, workerd",
  "node scripts/runtime-smoke/run.mjs",
);
step(
  "packages as published: publint, attw, installed from tarballs in ESM, CJS and TypeScript",
  "node scripts/check-packages.mjs",
);
step("changesets cover changed packages, and `changeset version` works", "node scripts/check-changeset.mjs");
finish();
