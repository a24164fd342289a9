/**
 * How every example runs: its arguments, its shutdown (on completion, on failure and on Ctrl-C, so no local server
 * outlives it), and its errors, printed as one line with the error class and message (never a secret) and exit
 * status 1.
 */
import { FrameioError } from "@frameio-sdk/kit";

/**
 * The command-line arguments. `pnpm start -- a b` hands the `--` on to the program, where it would end option
 * parsing before the first real option.
 * @param {string[]} [argv]
 */
export function programArgs(argv = process.argv.slice(2)) {
  return argv[0] === "--" ? argv.slice(1) : argv;
}

/** @param {unknown} error */
export function describeError(error) {
  if (error instanceof FrameioError) return `${error.name}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

/** @typedef {{ onStop(release: () => unknown): void }} Lifecycle */

/**
 * Runs `main`. What it registers with `onStop` is released, newest first, when it fails, on SIGINT or SIGTERM, and,
 * unless `keepRunning` is set (servers), as soon as it returns.
 * @param {(lifecycle: Lifecycle) => Promise<void>} main
 * @param {{ keepRunning?: boolean }} [options]
 */
export async function runProgram(main, { keepRunning = false } = {}) {
  /** @type {Array<() => unknown>} */
  const releases = [];
  /** @type {Promise<void> | undefined} */
  let stopping;
  const stop = () =>
    (stopping ??= (async () => {
      for (const release of releases.reverse()) {
        try {
          await release();
        } catch (error) {
          console.error(describeError(error));
        }
      }
    })());
  for (const [signal, code] of /** @type {const} */ ([
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ])) {
    process.once(signal, () => void stop().finally(() => process.exit(code)));
  }
  try {
    await main({ onStop: (release) => void releases.push(release) });
    if (!keepRunning) await stop();
  } catch (error) {
    console.error(describeError(error));
    process.exitCode = 1;
    await stop();
  }
}
