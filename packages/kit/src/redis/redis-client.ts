import { FrameioValidationError } from "../errors/index.js";
import { validationIssue } from "../internal/invalid-option.js";

/**
 * A connected `ioredis` client (`Redis` or `Cluster`) or `redis` (node-redis v4+) client. Typed structurally so
 * neither library is needed to compile against the kit; both are optional peer dependencies.
 */
export type RedisClientLike = object;

/** Runs one Lua script with keys and arguments, whichever library the caller chose. */
export type Evaluate = (script: string, keys: string[], args: string[]) => Promise<unknown>;

type NodeRedisEval = (script: string, options: { keys: string[]; arguments: string[] }) => Promise<unknown>;
type IoRedisEval = (script: string, numKeys: number, ...keysAndArgs: string[]) => Promise<unknown>;

/**
 * Tells the two libraries apart by their documented methods: node-redis spells it `evalSha` and takes
 * `{ keys, arguments }`; ioredis spells it `evalsha` and takes the key count then keys and arguments.
 */
export function evaluatorFor(redis: unknown): Evaluate {
  const client = (redis ?? {}) as Record<string, unknown>;
  if (typeof client.eval === "function" && typeof client.evalSha === "function") {
    const run = client.eval as NodeRedisEval;
    return (script, keys, args) => run.call(client, script, { keys, arguments: args });
  }
  if (typeof client.eval === "function" && typeof client.evalsha === "function") {
    const run = client.eval as IoRedisEval;
    return (script, keys, args) => run.call(client, script, keys.length, ...keys, ...args);
  }
  throw new FrameioValidationError("createRedisStore options", [
    validationIssue("redis", "an ioredis client or a node-redis (v4+) client", redis === null ? "null" : typeof redis),
  ]);
}
