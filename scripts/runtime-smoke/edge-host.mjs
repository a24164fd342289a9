// Runs the bundled checks inside Vercel's edge-runtime (its own VM context with the edge globals only), hosted by
// Node 20 in a process of its own. Usage: node edge-host.mjs <edge-runtime node_modules> <bundle.js> <config JSON>.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { report } from "./report.mjs";

const [modules, bundle, configJson] = process.argv.slice(2);
const { EdgeRuntime } = createRequire(join(modules, "noop.js"))("edge-runtime");
const runtime = new EdgeRuntime({ initialCode: readFileSync(bundle, "utf8") });
const config = JSON.parse(configJson);
const results = await runtime.evaluate(`__runSmoke(${JSON.stringify(config)})`);
const failed = report(config.runtime, results, console.log);
process.exit(failed ? 1 : 0);
