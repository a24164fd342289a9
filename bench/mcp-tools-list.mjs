#!/usr/bin/env node
/**
 * What the MCP server costs an agent's context: the size of `tools/list` in each mode, in bytes of JSON and in
 * tokens (approximated as bytes / 4), with the ratio to full mode measured in the same run; and how long the built
 * bin takes from spawn to answering `tools/list` (median), against spawning `node -e 0` as the baseline.
 *
 * Run after building @frameio-sdk/mcp: node bench/mcp-tools-list.mjs [--runs 7]
 * Target: compact mode under 3 000 bytes. Writes bench/results/mcp-tools-list.json.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { median, report } from "./lib/report.mjs";

const { values } = parseArgs({ options: { runs: { type: "string", default: "7" } } });
const runs = Number(values.runs);
const pkg = fileURLToPath(new URL("../packages/mcp/", import.meta.url));
const bin = `${pkg}dist/cli.js`;
if (!existsSync(bin)) throw new Error(`${bin} is missing: run turbo run build --filter=@frameio-sdk/mcp first`);
// The MCP SDK is a dependency of the mcp package, not of bench/: resolve it from there.
const require = createRequire(`${pkg}package.json`);
const { Client } = await import(require.resolve("@modelcontextprotocol/sdk/client/index.js"));
const { StdioClientTransport } = await import(require.resolve("@modelcontextprotocol/sdk/client/stdio.js"));

// No call is made: the origin only has to be a valid URL.
const env = { PATH: process.env.PATH ?? "", FRAMEIO_TOKEN: "bench", FRAMEIO_BASE_URL: "http://127.0.0.1:9" };

async function toolsList(args) {
  const started = performance.now();
  const client = new Client({ name: "bench", version: "0" });
  const transport = new StdioClientTransport({ command: process.execPath, args: [bin, ...args], env, stderr: "pipe" });
  let stderr = "";
  transport.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  await client.connect(transport).catch((error) => {
    throw new Error(`the server did not start: ${stderr || error.message}`);
  });
  const { tools } = await client.listTools();
  const ms = performance.now() - started;
  await client.close();
  return { tools, bytes: Buffer.byteLength(JSON.stringify({ tools })), ms };
}

function baselineSpawnMs() {
  const started = performance.now();
  spawnSync(process.execPath, ["-e", "0"]);
  return performance.now() - started;
}

const modes = [
  ["full", []],
  ["full --output-schemas", ["--output-schemas"]],
  ["full --read-only", ["--read-only"]],
  ["full --groups files,comments", ["--groups", "files,comments"]],
  ["compact", ["--mode", "compact"]],
];

const measured = [];
for (const [mode, args] of modes) {
  const samples = [];
  let last;
  for (let i = 0; i < runs; i++) {
    last = await toolsList(args);
    samples.push(last.ms);
  }
  measured.push({ mode, tools: last.tools.length, bytes: last.bytes, startMs: median(samples) });
}
const spawnMs = median(Array.from({ length: runs }, baselineSpawnMs));
const full = measured[0].bytes;
const rows = measured.map((m) => ({
  mode: m.mode,
  tools: m.tools,
  bytes: m.bytes,
  "tokens (~bytes/4)": Math.round(m.bytes / 4),
  "size vs full": Number((m.bytes / full).toFixed(3)),
  "spawn to tools/list (ms)": Math.round(m.startMs),
  "vs node -e 0": Number((m.startMs / spawnMs).toFixed(1)),
}));
const compact = measured.find((m) => m.mode === "compact").bytes;
report("mcp-tools-list", rows, { baselineSpawnMs: Math.round(spawnMs), compactUnder3kB: compact < 3000 });
console.log(
  `compact tools/list: ${compact} bytes (target < 3000: ${compact < 3000 ? "met" : "MISSED"}); node -e 0 spawn: ${Math.round(spawnMs)} ms`,
);
