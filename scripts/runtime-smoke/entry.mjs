// Entry for runtimes that run a module file themselves: Node, Bun and Deno. Reads the servers' addresses from
// SMOKE_CONFIG, runs the checks and prints one line per check, then `N passed, N failed, N skipped`.
import { portableChecks, runChecks } from "./checks.mjs";
import { imports } from "./imports-all.mjs";
import { report } from "./report.mjs";

const env = globalThis.process?.env ?? globalThis.Deno?.env.toObject();
const config = JSON.parse(env.SMOKE_CONFIG);
const checks = config.runtime.startsWith("node")
  ? { ...portableChecks, ...(await import("./node-checks.mjs")).nodeChecks }
  : portableChecks;
const failed = report(config.runtime, await runChecks(checks, { ...config, imports }), console.log);
globalThis.process?.exit?.(failed ? 1 : 0);
