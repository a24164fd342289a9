// The installed `frameio-mcp` bin speaks MCP on stdio: initialize, then tools/list lists the operation tools.
// No request reaches Frame.io (the base URL is a closed loopback port); listing tools needs none.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

const bin = spawn("node_modules/.bin/frameio-mcp", [], {
  env: { ...process.env, FRAMEIO_TOKEN: "package-smoke-token", FRAMEIO_BASE_URL: "http://127.0.0.1:9" },
  stdio: ["pipe", "pipe", "inherit"],
});
const limit = setTimeout(() => {
  bin.kill("SIGKILL");
  assert.fail("frameio-mcp did not answer tools/list within 30 s");
}, 30_000);
const answers = new Map();
createInterface({ input: bin.stdout }).on("line", (line) => {
  const message = JSON.parse(line);
  answers.get(message.id)?.(message);
});
const call = (id, method, params) =>
  new Promise((resolve) => {
    answers.set(id, resolve);
    bin.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", id, method, params })}\n`);
  });

const init = await call(1, "initialize", {
  protocolVersion: "2025-06-18",
  capabilities: {},
  clientInfo: { name: "package-smoke", version: "0" },
});
assert.ok(init.result?.serverInfo, `initialize: ${JSON.stringify(init)}`);
bin.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" })}\n`);
const list = await call(2, "tools/list", {});
assert.ok(
  Array.isArray(list.result?.tools) && list.result.tools.length > 0,
  `tools/list: ${JSON.stringify(list).slice(0, 300)}`,
);
clearTimeout(limit);
bin.kill("SIGTERM");
console.log(`bin: frameio-mcp (${init.result.serverInfo.name}) lists ${list.result.tools.length} tools over stdio`);
