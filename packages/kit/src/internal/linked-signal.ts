/**
 * An AbortController that also aborts when any of `sources` does. Unlike `AbortSignal.any`, whose sources hold
 * the combined signal only through WeakRefs, each source here holds a plain listener, so the link cannot be
 * garbage-collected while a fetch still depends on it. Call `unlink()` when done so long-lived sources do not
 * collect listeners.
 */
export function linkedAbortController(sources: ReadonlyArray<AbortSignal | undefined>): {
  controller: AbortController;
  unlink: () => void;
} {
  const controller = new AbortController();
  const linked = sources.filter((s): s is AbortSignal => s !== undefined);
  const onAbort = (event: Event) => controller.abort((event.target as AbortSignal).reason);
  for (const source of linked) {
    if (source.aborted) {
      controller.abort(source.reason);
      break;
    }
    source.addEventListener("abort", onAbort, { once: true });
  }
  const unlink = () => {
    for (const source of linked) source.removeEventListener("abort", onAbort);
  };
  return { controller, unlink };
}
