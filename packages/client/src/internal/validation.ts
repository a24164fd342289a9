import { FrameioValidationError } from "@frameio-sdk/kit";
import type { toValidationIssues } from "@frameio-sdk/schemas";
import { argsSchemas, responseSchemas } from "../generated/schemas.js";

type SchemaError = Parameters<typeof toValidationIssues>[0];

/** What the client needs of a zod schema; structural, so no zod types reach the client's public types. */
export interface Schema {
  safeParse(value: unknown): { success: boolean; error?: SchemaError };
}

/** A generated module of one group's schemas (src/generated/validation/<group>.<direction>.ts). */
export interface SchemaModule {
  schemas: Record<string, Schema>;
}

/**
 * One direction's schemas, loaded a group at a time on the first call of one of its operations, so an application
 * pays only for the groups it calls. Once a group is loaded, checking is synchronous: no promise per call.
 */
class LazySchemas {
  /** By operation key; `null` when the operation has none (a 204 response). */
  readonly #schemas = new Map<string, Schema | null>();
  readonly #groups = new Map<string, Promise<void>>();
  readonly #loaders: Record<string, () => Promise<SchemaModule>>;
  readonly #label: (key: string) => string;

  constructor(loaders: Record<string, () => Promise<SchemaModule>>, label: (key: string) => string) {
    this.#loaders = loaders;
    this.#label = label;
  }

  /** Undefined when `value` passes (or the group is still loading: then a promise of the same check). */
  check(key: string, value: unknown): Promise<void> | undefined {
    const schema = this.#schemas.get(key);
    if (schema === undefined) return this.#load(key).then(() => this.check(key, value));
    if (schema === null) return undefined;
    const result = schema.safeParse(value);
    if (result.success) return undefined;
    const error = result.error ?? { issues: [] };
    // The wording lives beside the schemas: loaded only when a check fails.
    return import("./validation-issues.js").then(({ toValidationIssues }) => {
      throw new FrameioValidationError(this.#label(key), toValidationIssues(error, value));
    });
  }

  async #load(key: string): Promise<void> {
    const group = key.slice(0, key.indexOf("."));
    let loading = this.#groups.get(group);
    if (!loading) {
      loading = this.#import(group);
      this.#groups.set(group, loading);
    }
    await loading;
    if (!this.#schemas.has(key)) this.#schemas.set(key, null);
  }

  async #import(group: string): Promise<void> {
    const load = this.#loaders[group];
    const module = load ? await load() : { schemas: {} };
    for (const [key, schema] of Object.entries(module.schemas)) this.#schemas.set(key, schema);
  }
}

const args = new LazySchemas(argsSchemas, (key) => key);
const responses = new LazySchemas(responseSchemas, (key) => `${key} response`);

/** Refuses bad arguments before any request is sent (see `LazySchemas.check` for when it returns a promise). */
export function validateInput(key: string, value: unknown): Promise<void> | undefined {
  return args.check(key, value);
}

/** Checks a success body against the spec (opt-in: `validateResponses`). */
export function validateResponse(key: string, body: unknown): Promise<void> | undefined {
  return responses.check(key, body);
}
