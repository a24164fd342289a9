/**
 * Methods that load their implementation on first call. Bundlers split the dynamic import into its own chunk,
 * so code a program never calls (uploads, the openapi-fetch client) costs it nothing up front.
 */
export function lazyMethods<T extends object, K extends keyof T & string>(
  load: () => Promise<T>,
  names: readonly K[],
): Pick<T, K> {
  let loaded: Promise<T> | undefined;
  const out = {} as Record<K, unknown>;
  for (const name of names) {
    out[name] = (...args: unknown[]) =>
      (loaded ??= load()).then((target) => (target[name] as (...a: unknown[]) => unknown)(...args));
  }
  return out as Pick<T, K>;
}
