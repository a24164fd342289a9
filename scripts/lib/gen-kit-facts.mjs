// The facts the hand-written kit enforces, taken from the spec so they are never copied by hand: each operation's
// published rate limit, the webhook event types, and the bounds the kit checks before a request (page size, upload
// size and name length).
import { resolveRef } from "./spec.mjs";
import { BANNER } from "./write.mjs";

export const KIT_FACTS_PATH = "packages/kit/src/generated/spec-facts.ts";

/** The largest `page_size` any list operation accepts (folder listings allow more than the rest). */
function maxPageSize(operations) {
  const maxima = operations
    .flatMap((op) => op.params)
    .filter((p) => p.in === "query" && p.name === "page_size")
    .map((p) => p.resolvedSchema.maximum);
  if (!maxima.length || maxima.some((m) => typeof m !== "number"))
    throw new Error("A page_size parameter has no maximum");
  return Math.max(...maxima);
}

/** The local upload's bounds: `files.createLocalUpload`'s `data.file_size` maximum and `data.name` maxLength. */
function uploadBounds(spec, operations) {
  const op = operations.find((o) => o.key === "files.createLocalUpload");
  if (!op) throw new Error("The spec has no files.createLocalUpload operation");
  const data = resolveRef(spec, resolveRef(spec, op.bodySchema).properties.data);
  const size = resolveRef(spec, data.properties.file_size).maximum;
  const name = resolveRef(spec, data.properties.name).maxLength;
  if (typeof size !== "number" || typeof name !== "number") {
    throw new Error("files.createLocalUpload states no file_size maximum or name maxLength");
  }
  return { maxFileSize: size, maxNameLength: name };
}

function rateLimitRow(op) {
  const { calls, per_seconds, scope } = op.rateLimit;
  return `  ${JSON.stringify(op.key)}: { calls: ${calls}, per_seconds: ${per_seconds}, scope: ${JSON.stringify(scope)} },`;
}

/** @param {{ spec: object, operations: object[], webhooks: object[] }} model */
export function generateKitFacts({ spec, operations, webhooks }) {
  const limited = operations.filter((op) => op.rateLimit);
  const bounds = { maxPageSize: maxPageSize(operations), ...uploadBounds(spec, operations) };
  const content = `${BANNER}
/** A rate limit as the API documents it: \`calls\` requests per \`per_seconds\` seconds for each \`scope\`. */
export interface PublishedRateLimit {
  readonly calls: number;
  readonly per_seconds: number;
  readonly scope: string;
}

/** Every operation's published limit, by operation key (\`group.method\`). */
export const publishedRateLimits: Readonly<Record<string, PublishedRateLimit>> = {
${limited.map(rateLimitRow).join("\n")}
};

/** Every webhook event type the API sends. */
export const webhookEventTypes = [
${webhooks.map((w) => `  ${JSON.stringify(w.type)},`).join("\n")}
] as const;

/** The name of a webhook event type the API sends. */
export type WebhookEventType = (typeof webhookEventTypes)[number];

/** Bounds the spec states that the kit enforces. */
export const specBounds = {
  /** The largest \`page_size\` any list operation accepts. */
  maxPageSize: ${bounds.maxPageSize},
  /** The largest file a local upload accepts, in bytes. */
  maxFileSize: ${bounds.maxFileSize},
  /** The longest file name, in characters. */
  maxNameLength: ${bounds.maxNameLength},
} as const;
`;
  return { [KIT_FACTS_PATH]: content };
}
