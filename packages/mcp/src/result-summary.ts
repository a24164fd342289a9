// One line an agent (or a person reading a transcript) can act on without opening structuredContent.

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function describeItem(item: unknown): string {
  if (!isObj(item)) return JSON.stringify(item) ?? "nothing";
  const kind = typeof item.type === "string" ? item.type : "object";
  const label = ["name", "title", "email", "text"].map((k) => item[k]).find((v) => typeof v === "string") as
    | string
    | undefined;
  const short = label && label.length > 60 ? `${label.slice(0, 57)}...` : label;
  return `${kind}${short ? ` "${short}"` : ""}${typeof item.id === "string" ? ` (id ${item.id})` : ""}`;
}

/** Summarises an operation's result: what came back, how many, and whether more pages remain. */
export function summarize(operation: string, value: unknown): string {
  if (value === undefined || value === null) return `${operation}: done (no content).`;
  if (!isObj(value)) return `${operation}: ${describeItem(value)}.`;
  const { data } = value;
  if (Array.isArray(data)) {
    const next = isObj(value.links) && typeof value.links.next === "string";
    const total = typeof value.total_count === "number" ? ` of ${value.total_count}` : "";
    const first = data.length ? `; first: ${describeItem(data[0])}` : "";
    return `${operation}: ${data.length}${total} item(s)${first}; ${next ? "more pages remain (links.next)" : "no more pages"}.`;
  }
  if (data !== undefined) return `${operation}: ${describeItem(data)}.`;
  return `${operation}: ${describeItem(value)}.`;
}
