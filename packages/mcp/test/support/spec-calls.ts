// Valid arguments for every operation, from the spec: path ids, required parameters' allowed values, and the
// request body's example (every body in the spec has one; a test fails if one goes missing).
interface Param {
  name: string;
  in: string;
  required: boolean;
  example?: unknown;
  resolvedSchema?: { enum?: unknown[]; default?: unknown };
}
interface Media {
  example?: unknown;
  examples?: Record<string, { value?: unknown }>;
}
interface ModelOperation {
  key: string;
  httpMethod: string;
  paginated: boolean;
  params: Param[];
  bodyStyle: "data" | "raw" | "none";
  path: string;
}
interface Spec {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, Media> } }>>;
}

export interface SpecOperation extends Omit<ModelOperation, "path"> {
  media?: Media;
}

// Loaded by URL so that the type checker does not follow the generator's untyped .mjs module.
const specModule = new URL("../../../../scripts/lib/spec.mjs", import.meta.url).href;
const { buildModel } = (await import(specModule)) as { buildModel(): { spec: Spec; operations: ModelOperation[] } };
const model = buildModel();

export const specOperations: SpecOperation[] = model.operations.map(({ path, ...o }) => ({
  ...o,
  media: model.spec.paths[path]?.[o.httpMethod.toLowerCase()]?.requestBody?.content?.["application/json"],
}));

/** A fixed, valid v4 UUID per parameter name, so requests are reproducible. */
export function uuidFor(name: string): string {
  const hex = [...name]
    .reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7)
    .toString(16)
    .padStart(8, "0")
    .slice(0, 8);
  return `${hex}-1111-4222-8333-444455556666`;
}

/** The tool arguments of a valid call: what `client.<group>.<method>(args)` takes. */
export function exampleArguments(entry: SpecOperation): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const p of entry.params) {
    if (p.in === "path") args[p.name] = p.example ?? uuidFor(p.name);
    else if (p.required) args[p.name] = p.example ?? p.resolvedSchema?.enum?.[0] ?? p.resolvedSchema?.default;
  }
  const { media } = entry;
  if (!media) return args;
  const example = Object.values(media.examples ?? {})[0]?.value ?? media.example;
  if (example === undefined) throw new Error(`${entry.key}: the spec has no request body example`);
  if (entry.bodyStyle === "data") args.data = (example as { data?: unknown }).data;
  else args.body = example;
  return args;
}
