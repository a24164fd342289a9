// Bundled (IIFE) into Vercel's edge-runtime by edge-host.mjs: exposes the checks as one global function.
import { portableChecks, runChecks } from "./checks.mjs";
import { imports } from "./imports-portable.mjs";

globalThis.__runSmoke = (config) => runChecks(portableChecks, { ...config, imports });
