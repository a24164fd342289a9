// Types of scripts/lib/spec.mjs, so the packages' TypeScript tests read the spec through the same model.

/** A node of the parsed OpenAPI document. */
// biome-ignore lint/suspicious/noExplicitAny: the document is arbitrary YAML; callers narrow what they read.
export type SpecNode = Record<string, any>;

export const SPEC_PATH: string;
export const HTTP_METHODS: readonly ["get", "post", "put", "patch", "delete"];

export function loadSpec(path?: string): SpecNode;
export function decodeRef(ref: string): string[];
export function resolveRef(spec: SpecNode, node: unknown): SpecNode;

export interface ModelParam extends SpecNode {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  deprecated: boolean;
  /** The schema as written (possibly a `$ref`). */
  schema?: SpecNode;
  /** The schema with its `$ref` followed. */
  resolvedSchema: SpecNode;
  /** The schema's default: what the server assumes when the parameter is absent. */
  default: unknown;
  /** What a client sends for a header the caller leaves out (the header's default or only allowed value). */
  sentByDefault: unknown;
  /** True for an array parameter (`list && !explode`: sent comma-joined). */
  list: boolean;
  style: string;
  explode: boolean;
}

export interface RateLimit {
  calls: number;
  per_seconds: number;
  scope: string;
}

export interface ModelOperation {
  /** The spec's operationId. */
  id: string;
  operationId: string;
  /** SDK name, `group.method`. */
  key: string;
  group: string;
  method: string;
  httpMethod: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  summary: string;
  description: string | undefined;
  deprecated: boolean;
  /** The operation's `x-deprecated-note`: what to use instead. */
  deprecationNote: string | undefined;
  params: ModelParam[];
  bodySchema: SpecNode | undefined;
  bodyStyle: "data" | "raw" | "none";
  bodyRequired: boolean;
  successCodes: string[];
  noContent: boolean;
  paginated: boolean;
  rateLimit: RateLimit | undefined;
  responseSchema: SpecNode | undefined;
}

export interface ModelWebhook {
  /** The event type, e.g. `file.ready`. */
  type: string;
  operationId: string;
  summary: string;
  description: string | undefined;
  payloadSchema: SpecNode | undefined;
  headers: ModelParam[];
}

export interface SpecModel {
  spec: SpecNode;
  operations: ModelOperation[];
  webhooks: ModelWebhook[];
}

export function listOperations(spec: SpecNode): ModelOperation[];
export function listWebhooks(spec: SpecNode): ModelWebhook[];
export function buildModel(spec?: SpecNode): SpecModel;
