// Starts the Prism mock server from openapi/openapi.yaml on a free loopback port, and always stops it.
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { freePort, waitForPort } from "./free-port.js";

export const SPEC_PATH = fileURLToPath(new URL("../../../openapi/openapi.yaml", import.meta.url));

export interface PrismServer {
  url: string;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort for interrupts and crashes: no orphaned Prism survives its parent.
  process.on("exit", () => {
    for (const child of running) child.kill("SIGKILL");
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      for (const child of running) child.kill("SIGKILL");
      process.kill(process.pid, signal);
    });
  }
}

export async function startPrism(options: { specPath?: string; dynamic?: boolean } = {}): Promise<PrismServer> {
  // The free port is released before Prism binds it; another process may take it in between, so try again.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startPrismOnce(options);
    } catch (error) {
      if (attempt >= 3 || !String(error).includes("EADDRINUSE")) throw error;
    }
  }
}

async function startPrismOnce(options: { specPath?: string; dynamic?: boolean }): Promise<PrismServer> {
  installExitHook();
  const require = createRequire(import.meta.url);
  const cli = require.resolve("@stoplight/prism-cli/dist/index.js");
  const port = await freePort();
  const args = [cli, "mock", options.specPath ?? SPEC_PATH, "--host", "127.0.0.1", "--port", String(port)];
  if (options.dynamic) args.push("--dynamic", "--seed", "frameio", "--json-schema-faker-fillProperties=false");
  const child = spawn(process.execPath, args, {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NO_COLOR: "1" },
  });
  running.add(child);
  let output = "";
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  let exited: string | undefined;
  child.once("exit", (code, signal) => {
    running.delete(child);
    exited = `Prism exited early (code ${code}, signal ${signal}):\n${output}`;
  });

  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => child.kill("SIGKILL"), 5000);
      child.once("exit", () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill("SIGTERM");
    });

  try {
    await waitForPort(port, 30_000, () => exited);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}`, stop };
}
