// Which timers a piece of code leaves armed, without counting the test runner's own.
import { createHook } from "node:async_hooks";

interface TimerLike {
  hasRef(): boolean;
  _destroyed?: boolean;
}

/**
 * Records the timers created from now on. `armed()` counts those still pending and keeping the process alive.
 * process.getActiveResourcesInfo() alone is too coarse under vitest, whose reporter arms and fires its own
 * batching timers at any moment; timers created by vitest are ignored here by the caller of setTimeout.
 */
export function watchTimers(): { armed(): number; stop(): void } {
  const timers: TimerLike[] = [];
  const hook = createHook({
    init(_id, type, _trigger, resource) {
      if (type !== "Timeout") return;
      if (createdByVitest(new Error().stack ?? "")) return;
      timers.push(resource as TimerLike);
    },
  }).enable();
  return {
    // Node marks a timer `_destroyed` once it fired or was cleared; that is the only way to ask synchronously.
    armed: () => timers.filter((t) => !t._destroyed && t.hasRef()).length,
    stop: () => hook.disable(),
  };
}

/** Whether the function that called setTimeout/setInterval lives in vitest. */
function createdByVitest(stack: string): boolean {
  const lines = stack.split("\n");
  const at = lines.findIndex((line) => /at (setTimeout|setInterval) \(node:timers/.test(line));
  return at !== -1 && (lines[at + 1] ?? "").includes("@vitest");
}
