/** `value` parsed as an absolute http(s) URL, or `undefined` for anything else (other schemes, relative, non-strings). */
export function httpUrl(value: unknown): URL | undefined {
  if (typeof value !== "string") return undefined;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `value` is an absolute http(s) URL. */
export function isHttpUrl(value: unknown): value is string {
  return httpUrl(value) !== undefined;
}
