// What a finished call may leave behind: armed timers in this process, open connections at the server.
import { createHook } from "node:async_hooks";
import type { FaultServer } from "@frameio-sdk/testing/fault-server";
import { vi } from "vitest";

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

/** How many ref'ed timers keep the process alive (coarse: includes the test runner's own). */
export function activeTimers(): number {
  return process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
}

/**
 * Resolves once every connection that carried a request to `server` is closed. Node's fetch (undici) may then
 * open a fresh idle connection of its own, closed by its keep-alive timer; that one carries nothing and is not counted.
 */
export async function requestConnectionsClosed(server: FaultServer): Promise<void> {
  await vi.waitFor(
    () => {
      const open = server.requests.filter((r) => r.connectionOpen()).length;
      if (open !== 0) throw new Error(`${open} connection(s) that carried a request are still open`);
    },
    { timeout: 5_000, interval: 10 },
  );
}
