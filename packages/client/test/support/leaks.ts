// What a finished call may leave behind: armed timers in this process, open connections at the server.
import type { FaultServer } from "@frameio-sdk/testing/fault-server";
import { vi } from "vitest";

export { watchTimers } from "@frameio-sdk/testing/timers";

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
