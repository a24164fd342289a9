#!/usr/bin/env node
// The runtime smoke suite: the packed public packages, installed with npm into a scratch consumer, run the same
// checks on Node 20, 22, 24, 26, Bun, Deno, Vercel's edge-runtime and Cloudflare's workerd. The servers (API over
// HTTP and over TLS with HTTP/2, a forward proxy) run here, in Node 20, on loopback; each runtime runs the checks.
// Prints every runtime x check, then a matrix; exits 1 when any check failed. Needs `pnpm build` first.
// Usage: node scripts/runtime-smoke/run.mjs [runtime ...]   (default: all; names as in the matrix)
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { installRuntimes } from "../install-runtimes.mjs";
import { startApi } from "./api-server.mjs";
import { makeConsumer, UNDICI_VERSIONS } from "./consumer.mjs";
import { COMPATIBILITY_DATE, freePort, runEdge, runModule, runWorkerd } from "./launchers.mjs";
import { printMatrix } from "./matrix.mjs";
import { startProxy } from "./proxy-server.mjs";
import { makeCertificate } from "./tls-cert.mjs";

const esbuild = createRequire(import.meta.url)("esbuild");
const wanted = process.argv.slice(2);
const scratch = mkdtempSync(join(tmpdir(), "frameio-runtime-smoke-"));
const rt = installRuntimes();
const { dir, packages, leftOut } = makeConsumer(scratch);
console.log(
  `runtime smoke: installed ${packages.map((name) => `@frameio-sdk/${name}`).join(", ")} from tarballs, and undici ${Object.values(UNDICI_VERSIONS).join(", ")} in ${dir}`,
);
for (const [name, why] of Object.entries(leftOut)) console.log(`runtime smoke: @frameio-sdk/${name} left out: ${why}`);

const bundle = (entry, outfile, format, conditions) =>
  esbuild.buildSync({
    entryPoints: [join(dir, entry)],
    outfile: join(dir, outfile),
    bundle: true,
    format,
    platform: "browser",
    conditions,
    absWorkingDir: dir,
    logLevel: "error",
  });

const certificate = makeCertificate(scratch);
const proxy = await startProxy();
const api = await startApi({ isProxied: proxy.isProxied, tls: certificate });
// A port nothing listens on (taken and released): connecting to it is refused.
const refusedUrl = `http://127.0.0.1:${await freePort()}`;
const config = { api: api.url, tlsUrl: api.tlsUrl, proxyUrl: proxy.url, refusedUrl };
const nodeEnv = { NODE_EXTRA_CA_CERTS: certificate.caFile };
const deno = { DENO_DIR: join(scratch, "deno-dir"), DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1" };

const RUNTIMES = {
  [`node ${process.versions.node}`]: (name) => runModule(name, [process.execPath], { dir, config, env: nodeEnv }),
  [`node ${rt.node22.version}`]: (name) => runModule(name, [rt.node22.bin], { dir, config, env: nodeEnv }),
  [`node ${rt.node24.version}`]: (name) => runModule(name, [rt.node24.bin], { dir, config, env: nodeEnv }),
  [`node ${rt.node26.version}`]: (name) => runModule(name, [rt.node26.bin], { dir, config, env: nodeEnv }),
  [`bun ${rt.bun.version}`]: (name) => runModule(name, [rt.bun.bin], { dir, config }),
  [`deno ${rt.deno.version}`]: (name) =>
    runModule(name, [rt.deno.bin, "run", "--allow-all", "--quiet"], { dir, config, env: deno }),
  [`edge-runtime ${rt.edgeRuntime.version}`]: (name) => {
    bundle("edge-entry.mjs", "edge-bundle.js", "iife", ["edge-light", "worker", "browser"]);
    return runEdge(name, { dir, config, modules: rt.edgeRuntime.dir, bundle: join(dir, "edge-bundle.js") });
  },
  [`workerd ${rt.workerd.version} (${COMPATIBILITY_DATE})`]: (name) => {
    bundle("worker-entry.mjs", "worker-bundle.js", "esm", ["workerd", "worker", "browser"]);
    // Measured: workerd rejects a fetch to a refused port and one whose connection dropped after the request was
    // sent with the same Error ("Network connection lost.", retryable: true, no code or cause).
    const cannotTell =
      "workerd reports a refused connection exactly like one dropped after sending, so a POST cannot be known unsent";
    return runWorkerd(name, {
      dir,
      config: { ...config, cannotTell },
      bin: rt.workerd.bin,
      bundle: "worker-bundle.js",
    });
  },
};

const outcomes = {};
try {
  for (const [name, run] of Object.entries(RUNTIMES)) {
    if (wanted.length > 0 && !wanted.some((word) => name.startsWith(word))) continue;
    console.log(`\n--- ${name}`);
    const start = Date.now();
    try {
      const { results, output } = await run(name);
      for (const line of output.split("\n")) if (line && !line.startsWith("SMOKE-RESULTS ")) console.log(line);
      for (const { check, status, detail } of name.startsWith("workerd") ? results : []) {
        console.log(
          `${status === "pass" ? "ok  " : status === "skip" ? "skip" : "FAIL"} [${name}] ${check}: ${detail}`,
        );
      }
      outcomes[name] = results;
    } catch (error) {
      outcomes[name] = [{ check: "runtime ran the checks", status: "fail", detail: error.message }];
      console.log(`FAIL [${name}] runtime ran the checks: ${error.message}`);
    }
    console.log(`--- ${name}: ${((Date.now() - start) / 1000).toFixed(1)} s`);
  }
} finally {
  await api.close();
  await proxy.close();
}

const failed = printMatrix(outcomes);
if (failed === 0) rmSync(scratch, { recursive: true, force: true });
else console.log(`the scratch consumer is kept at ${dir}`);
process.exit(failed === 0 ? 0 : 1);
