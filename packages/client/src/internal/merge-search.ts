/**
 * A query string (without `?`): the parameters of `search` (as sent, so lists stay comma-joined) with those named
 * in `values` replaced by them.
 */
export function mergeSearch(search: string, values: Record<string, unknown>): string {
  const kept = search
    .replace(/^\?/, "")
    .split("&")
    .filter((pair) => pair !== "" && !(decodeURIComponent(pair.split("=")[0]!.replace(/\+/g, " ")) in values));
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && value !== null)
      kept.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`);
  }
  return kept.join("&");
}
