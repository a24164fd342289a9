/**
 * For the examples' tests: runs an example's `src/main.mjs` as a child process, the way `pnpm start` does, with a
 * clean environment (no FRAMEIO_* variables from the developer's shell), and always stops it again.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

function cleanEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("FRAMEIO_")));
  return { ...inherited, ...env };
}

/** Runs a command-line example to completion. */
export function runCommand(
  main: string,
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [main, ...args], { env: cleanEnv(env), timeout: 45_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

export interface ServerProgram {
  /** The origin from the program's `Listening on <url>` line. */
  url: string;
  /** Everything written so far, by stream. */
  readonly stdout: string;
  readonly stderr: string;
  /** Resolves with the first line of output (stdout, then stderr) matching `pattern`, waiting for it if need be. */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** SIGTERM, then SIGKILL after 5 s; resolves once the process has exited. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/** Starts a server example with PORT=0 and waits until it says where it listens. */
export async function startServer(main: string, env: Record<string, string> = {}): Promise<ServerProgram> {
  const child = spawn(process.execPath, [main], {
    env: cleanEnv({ PORT: "0", ...env }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  const output = { stdout: "", stderr: "" };
  const listeners = new Set<() => void>();
  for (const stream of ["stdout", "stderr"] as const) {
    child[stream].on("data", (chunk: Buffer) => {
      output[stream] += chunk.toString();
      for (const check of listeners) check();
    });
  }
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  void exited.then(() => {
    running.delete(child);
    for (const check of listeners) check();
  });

  const waitForLine = (pattern: RegExp, timeoutMs = 30_000) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => finish(new Error(`no line matching ${pattern} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      const finish = (result: string | Error) => {
        clearTimeout(timer);
        listeners.delete(check);
        if (typeof result === "string") resolve(result);
        else reject(new Error(`${result.message}\nstdout:\n${output.stdout}\nstderr:\n${output.stderr}`));
      };
      const check = () => {
        const line = `${output.stdout}\n${output.stderr}`.split("\n").find((candidate) => pattern.test(candidate));
        if (line !== undefined) finish(line);
        else if (!running.has(child)) finish(new Error(`the program exited (${child.exitCode ?? child.signalCode})`));
      };
      listeners.add(check);
      check();
    });

  const stop = async () => {
    if (!running.has(child)) return;
    const kill = setTimeout(() => child.kill("SIGKILL"), 5000);
    child.kill("SIGTERM");
    await exited;
    clearTimeout(kill);
  };

  try {
    const line = await waitForLine(/^Listening on http:\/\/127\.0\.0\.1:\d+/);
    const url = /http:\/\/127\.0\.0\.1:\d+/.exec(line)?.[0] ?? "";
    return {
      url,
      get stdout() {
        return output.stdout;
      },
      get stderr() {
        return output.stderr;
      },
      waitForLine,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
