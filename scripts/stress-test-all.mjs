#!/usr/bin/env node
// The acceptance check of issue #13: the whole `pnpm test:all` passes several times in a row while another
// process keeps every core busy. Usage: node scripts/stress-test-all.mjs [--runs 3] [--busy-threads <cores>]
// Prints pass/fail and duration per run and exits non-zero when any run failed.
import { spawn } from "node:child_process";
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    "busy-threads": { type: "string", default: String(availableParallelism()) },
  },
});
const runs = Number(values.runs);
const threads = Number(values["busy-threads"]);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be an integer >= 1, got ${values.runs}`);
if (!Number.isInteger(threads) || threads < 1)
  throw new Error(`--busy-threads must be an integer >= 1, got ${values["busy-threads"]}`);

// One child process spinning one thread per core: the suite competes with it for every core the whole time.
const SPIN = "for (;;) {}";
const busy = spawn(
  process.execPath,
  [
    "-e",
    `const { Worker } = require("node:worker_threads");
     for (let i = 1; i < ${threads}; i++) new Worker(${JSON.stringify(SPIN)}, { eval: true });
     ${SPIN}`,
  ],
  { stdio: "ignore" },
);
const stopBusy = () => {
  if (busy.exitCode === null && busy.signalCode === null) busy.kill("SIGKILL");
};
process.on("exit", stopBusy);
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    stopBusy();
    process.exit(130);
  });
}
console.log(`stress: ${threads} busy thread(s) in process ${busy.pid}; running \`pnpm test:all\` ${runs} time(s)`);

const runOnce = () =>
  new Promise((resolve) => {
    const started = Date.now();
    const child = spawn("pnpm", ["test:all"], {
      stdio: "inherit",
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" },
    });
    child.on("error", (error) => resolve({ ok: false, seconds: 0, detail: error.message }));
    child.on("close", (code, signal) =>
      resolve({ ok: code === 0, seconds: Math.round((Date.now() - started) / 1000), detail: signal ?? `exit ${code}` }),
    );
  });

const results = [];
for (let run = 1; run <= runs; run++) {
  console.log(`\n##### stress run ${run}/${runs}`);
  const result = await runOnce();
  results.push(result);
  console.log(
    `##### stress run ${run}/${runs}: ${result.ok ? "PASS" : "FAIL"} (${result.detail}, ${result.seconds} s)`,
  );
}
stopBusy();

console.log("\nstress summary (all cores busy):");
for (const [i, r] of results.entries())
  console.log(`  run ${i + 1}: ${r.ok ? "PASS" : "FAIL"}  ${r.seconds} s  ${r.detail}`);
const failed = results.filter((r) => !r.ok).length;
console.log(failed === 0 ? `all ${runs} runs passed` : `${failed} of ${runs} runs failed`);
process.exit(failed === 0 ? 0 : 1);
