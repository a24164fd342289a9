import type { ToolContext } from "./tool-entry.js";

/** Reports transfer progress; `flush` waits until every notification is out, before the result is sent. */
export interface ProgressReporter {
  report(done: number, total?: number): void;
  flush(): Promise<void>;
}

/**
 * Forwards transfer progress as MCP progress notifications: strictly increasing (the protocol requires it) and at
 * most about one per percent (one per MiB when the size is unknown), so a large file does not flood the client.
 * A notification that arrives after its request's result is dropped by the client, hence `flush`.
 */
export function progressReporter(context: ToolContext, verb: string): ProgressReporter {
  let last = -1;
  let sent: Promise<void> = Promise.resolve();
  return {
    report(done, total) {
      const step = total ? Math.max(1, Math.floor(total / 100)) : 1 << 20;
      if (done <= last || (done - last < step && done !== total)) return;
      last = done;
      const message = `${verb} ${done}${total ? ` of ${total}` : ""} bytes`;
      // Chained, so notifications leave in order; a client that went away cannot be told anyway.
      sent = sent.then(() => context.progress(done, total, message)).catch(() => {});
    },
    flush: () => sent,
  };
}
