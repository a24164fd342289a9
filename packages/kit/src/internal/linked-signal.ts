/**
 * An AbortController that also aborts when any of `sources` does. Unlike `AbortSignal.any`, the link is a plain
 * listener held by each source, so the combined signal cannot be garbage-collected while a source can still fire
 * (Node 20 drops `AbortSignal.any` results that only a fetch in flight refers to, and that fetch then never aborts).
 * Call `unlink()` when done so long-lived sources do not collect listeners.
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
