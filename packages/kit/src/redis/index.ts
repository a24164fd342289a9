export type { SharedTokenStore, ThrottleStore } from "../throttle/store.js";
export { ThrottleStoreError } from "../throttle/throttle-store-error.js";
export type { RedisClientLike } from "./redis-client.js";
export { createRedisStore, type RedisStore, type RedisStoreOptions } from "./redis-store.js";
