/**
 * A sink may carry, under this registered symbol, a function that removes whatever it wrote so far (a partial
 * file). A failed or cancelled download awaits it before it settles, so a retry to the same destination can never
 * race the clean-up of the attempt before it. A symbol property rather than a module-level registry: the ESM and
 * CJS builds, and each entry point, may hold their own copy of this module.
 */
const DISCARD = Symbol.for("@frameio-sdk/kit.discard-partial");

/** Attaches `discard` to `sink`; it must be idempotent and never reject. */
export function withDiscard<T extends WritableStream<Uint8Array>>(sink: T, discard: () => Promise<void>): T {
  Object.defineProperty(sink, DISCARD, { value: discard });
  return sink;
}

/** Runs the sink's discard function, if it has one, and waits for it. */
export async function discardPartial(sink: WritableStream<Uint8Array>): Promise<void> {
  const discard = (sink as unknown as Record<symbol, unknown>)[DISCARD];
  if (typeof discard === "function") await (discard as () => Promise<void>)();
}
