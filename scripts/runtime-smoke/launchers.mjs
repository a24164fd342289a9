// How each runtime under test is started on the consumer's check files. Every launcher resolves to
// { results, output } or throws with the runtime's own output, so a crash is reported as precisely as a failed check.
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

// A whole runtime run takes well under a minute; this only stops a wedged process from wedging CI.
const RUN_LIMIT_MS = 5 * 60_000;
const COMPATIBILITY_DATE = "2026-11-17";

function runProcess(command, args, { cwd, env }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), RUN_LIMIT_MS);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output });
    });
  });
}

function parse({ code, signal, output }) {
  const line = output.split("\n").find((text) => text.startsWith("SMOKE-RESULTS "));
  if (!line)
    throw new Error(`exited (${signal ?? code}) without results:\n${output.trim().split("\n").slice(-15).join("\n")}`);
  return { results: JSON.parse(line.slice("SMOKE-RESULTS ".length)), output };
}

/** Node, Bun and Deno run entry.mjs themselves. */
export async function runModule(runtime, argv, { dir, config, env = {} }) {
  const [command, ...args] = argv;
  const smoke = JSON.stringify({ ...config, runtime });
  return parse(await runProcess(command, [...args, "entry.mjs"], { cwd: dir, env: { ...env, SMOKE_CONFIG: smoke } }));
}

/** edge-runtime is a library: a Node 20 process hosts it around the IIFE bundle. */
export async function runEdge(runtime, { dir, config, modules, bundle }) {
  const smoke = JSON.stringify({ ...config, runtime });
  return parse(await runProcess(process.execPath, ["edge-host.mjs", modules, bundle, smoke], { cwd: dir, env: {} }));
}

export const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

async function waitForWorker(url, child) {
  for (let tries = 0; tries < 200; tries += 1) {
    if (child.exitCode !== null) throw new Error(`workerd exited (${child.exitCode})`);
    try {
      await fetch(url, { method: "HEAD" });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error("workerd did not start listening within 20 s");
}

/** workerd serves the ES module bundle on a loopback port; one POST runs the checks. */
export async function runWorkerd(runtime, { dir, config, bin, bundle }) {
  const port = await freePort();
  const capnp = join(dir, "workerd.capnp");
  // Outbound network: loopback ("local") must be allowed explicitly, workerd refuses private addresses otherwise.
  writeFileSync(
    capnp,
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .smokeWorker),
    (name = "internet", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const smokeWorker :Workerd.Worker = (
  modules = [(name = "worker", esModule = embed "${bundle}")],
  compatibilityDate = "${COMPATIBILITY_DATE}",
);
`,
  );
  const child = spawn(bin, ["serve", capnp], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  try {
    const url = `http://127.0.0.1:${port}/`;
    await waitForWorker(url, child);
    const response = await fetch(url, {
      method: "POST",
      body: JSON.stringify({ ...config, runtime }),
      signal: AbortSignal.timeout(RUN_LIMIT_MS),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`worker answered ${response.status}: ${text}\n${output}`);
    return { results: JSON.parse(text), output };
  } catch (error) {
    throw new Error(`${error.message}\n${output.trim().split("\n").slice(-15).join("\n")}`);
  } finally {
    child.kill("SIGTERM");
  }
}

export { COMPATIBILITY_DATE };
