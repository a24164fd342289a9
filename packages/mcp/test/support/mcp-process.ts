// The built bin, spawned the way an MCP host does it, with the MCP SDK's own client.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";

export const BIN = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));
export const TOKEN = "test-token-5f2c9a8e-never-shown";

function requireBuild(): void {
  if (!existsSync(BIN))
    throw new Error(`${BIN} is missing: build the package first (turbo run build --filter=@frameio-sdk/mcp)`);
}

/** The environment a spawned server gets: a token and the given API origin, nothing else of ours. */
export function serverEnv(baseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? "", FRAMEIO_TOKEN: TOKEN, FRAMEIO_BASE_URL: baseUrl, ...extra };
}

export interface StdioSession {
  client: Client;
  /** Every JSON-RPC message the server sent, in arrival order, recorded before the client dispatches it. */
  messages: { method?: string; id?: unknown; params?: Record<string, unknown> }[];
  /** Everything the server wrote to stderr so far. */
  stderr(): string;
  close(): Promise<void>;
}

/** Spawns `node dist/cli.js ...args` and connects an MCP client to it over stdio. */
export async function connectStdio(args: string[], env: Record<string, string>): Promise<StdioSession> {
  requireBuild();
  const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, ...args], env, stderr: "pipe" });
  let stderr = "";
  transport.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const client = new Client({ name: "frameio-mcp-test", version: "0.0.0" });
  await client.connect(transport).catch((error: Error) => {
    throw new Error(`the server did not start: ${stderr.trim() || error.message}`);
  });
  const messages: StdioSession["messages"] = [];
  const dispatch = transport.onmessage;
  transport.onmessage = (message: JSONRPCMessage) => {
    messages.push(message as StdioSession["messages"][number]);
    dispatch?.(message);
  };
  return { client, messages, stderr: () => stderr, close: () => client.close() };
}

/** Runs the bin to completion (for start-up failures): exit code, stdout and stderr. */
export function runBin(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  requireBuild();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on("data", (c: Buffer) => {
      stderr += c.toString();
    });
    child.once("error", reject);
    child.once("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Spawns the bin with the HTTP transport and resolves with its endpoint once it says where it listens. */
export async function startHttpBin(
  args: string[],
  env: Record<string, string>,
): Promise<{ url: string; stop(): Promise<void> }> {
  requireBuild();
  const child = spawn(process.execPath, [BIN, "--transport", "http", "--port", "0", ...args], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.on("data", (c: Buffer) => {
      stderr += c.toString();
      const match = /on (http:\/\/\S+\/mcp)/.exec(stderr);
      if (match) resolve(match[1] as string);
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
