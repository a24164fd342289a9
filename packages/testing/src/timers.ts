// Which timers a piece of code leaves armed, without counting the test runner's own.
import { createHook } from "node:async_hooks";

interface TimerLike {
  hasRef(): boolean;
  _destroyed?: boolean;
}

export interface TimerWatch {
  /**
   * Whether this runtime lets timers be watched at all. Bun and Deno accept `createHook` but never report a
   * timer to it, so a count there would read 0 whatever the code does: tests must skip the assertion instead.
   */
  readonly observable: boolean;
  /** Timers created since the watch began that are still pending and keep the process alive. */
  armed(): number;
  stop(): void;
}

/** Why a timer assertion is skipped where {@link TimerWatch.observable} is false; for `ctx.skip(reason)`. */
export const TIMERS_UNOBSERVABLE = "this runtime reports no timers to async_hooks, so leaked timers cannot be counted";

/**
 * Records the timers created from now on. `armed()` counts those still pending and keeping the process alive;
 * it throws where timers cannot be observed, so an assertion on it can never pass vacuously (check `observable`
 * first and skip with {@link TIMERS_UNOBSERVABLE}). process.getActiveResourcesInfo() alone is too coarse under
 * vitest, whose reporter arms and fires its own batching timers at any moment; timers created by vitest are
 * ignored here by the caller of setTimeout.
 */
export function watchTimers(): TimerWatch {
  const timers: TimerLike[] = [];
  const hook = createHook({
    init(_id, type, _trigger, resource) {
      if (type !== "Timeout") return;
      if (createdByVitest(new Error().stack ?? "")) return;
      timers.push(resource as TimerLike);
    },
  }).enable();
  // The probe's own timer is cleared at once, so it never counts as armed.
  const observable = hookSeesTimers();
  return {
    observable,
    // Node marks a timer `_destroyed` once it fired or was cleared; that is the only way to ask synchronously.
    armed: () => {
      if (!observable) throw new Error(`watchTimers: ${TIMERS_UNOBSERVABLE}`);
      return timers.filter((t) => !t._destroyed && t.hasRef()).length;
    },
    stop: () => hook.disable(),
  };
}

/** Arms and clears one timer of our own and reports whether the hook saw it (and whether it has Node's shape). */
function hookSeesTimers(): boolean {
  let seen = false;
  const watcher = createHook({
    init(_id, type) {
      if (type === "Timeout") seen = true;
    },
  }).enable();
  const timer = setTimeout(() => undefined, 1_000);
  clearTimeout(timer);
  watcher.disable();
  const shaped = typeof (timer as unknown as TimerLike).hasRef === "function" && "_destroyed" in (timer as object);
  return seen && shaped;
}

/** Whether the function that called setTimeout/setInterval lives in vitest. */
function createdByVitest(stack: string): boolean {
  const lines = stack.split("\n");
  const at = lines.findIndex((line) => /at (setTimeout|setInterval) \(node:timers/.test(line));
  return at !== -1 && (lines[at + 1] ?? "").includes("@vitest");
}
