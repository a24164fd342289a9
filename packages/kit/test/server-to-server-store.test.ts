import { freePort } from "@frameio-sdk/testing/free-port";
import type { ImsServer } from "@frameio-sdk/testing/ims-server";
import { type RedisServer, startRedisServer } from "@frameio-sdk/testing/redis-server";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuthConfigurationError, ServerToServerAuth } from "../src/index.js";
import { createRedisStore } from "../src/redis/index.js";
import { S2S, startIms } from "./auth-fixtures.js";

let ims: ImsServer;
let server: RedisServer;
let admin: Redis;
const clients: Redis[] = [];

beforeAll(async () => {
  ims = await startIms({ tokenTtlSeconds: 3600 });
  server = await startRedisServer();
  admin = new Redis(server.url);
});
afterAll(async () => {
  for (const client of [admin, ...clients]) client?.disconnect();
  await server?.stop();
  await ims?.close();
});

/** One worker: its own Redis connection and its own auth object, as in a separate process. */
function worker(prefix: string) {
  const redis = new Redis(server.url);
  clients.push(redis);
  return new ServerToServerAuth({ ...S2S, imsBaseUrl: ims.url, store: createRedisStore({ redis, prefix }) });
}

const EXPIRED = { accessToken: "expired-token", expiresAt: new Date(Date.now() - 60_000).toISOString() };

async function keysAndValues(prefix: string) {
  const keys = await admin.keys(`${prefix}*`);
  return Promise.all(keys.map(async (key) => ({ key, value: await admin.get(key), ttl: await admin.pttl(key) })));
}

describe("ServerToServerAuth sharing its token through Redis", () => {
  it("50 workers starting at once with an expired token make exactly 1 IMS request and share its token", async () => {
    // Isolated clients in one process (50 Node processes would swamp a 2-core machine): each has its own Redis
    // connection and auth object, so nothing is shared but Redis.
    const prefix = `fleet-${Math.random()}:`;
    const workers = Array.from({ length: 50 }, () => worker(prefix));
    for (const auth of workers) auth.importTokens(EXPIRED);
    const before = ims.tokenRequests().length;
    const tokens = await Promise.all(workers.map((auth) => auth.getToken()));
    expect(ims.tokenRequests().length - before).toBe(1);
    expect(new Set(tokens).size).toBe(1);
    expect(ims.isActive(tokens[0]!)).toBe(true);

    // What Redis holds: the access token only, under a key that names neither the client id nor the secret,
    // expiring when renewal is due (lifetime 3600 s minus the 60 s refresh buffer); the lock is gone.
    const stored = await keysAndValues(prefix);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.value).toBe(tokens[0]);
    expect(stored[0]!.key).not.toContain(S2S.clientId);
    expect(stored[0]!.ttl).toBeGreaterThan(3_400_000);
    expect(stored[0]!.ttl).toBeLessThanOrEqual(3_540_000);
    expect(JSON.stringify(stored)).not.toContain(S2S.clientSecret);
  });

  it("a worker joining later takes the shared token without asking IMS", async () => {
    const prefix = `join-${Math.random()}:`;
    const first = await worker(prefix).getToken();
    const before = ims.tokenRequests().length;
    expect(await worker(prefix).getToken()).toBe(first);
    expect(ims.tokenRequests().length).toBe(before);
  });

  it("a token the API rejected is replaced once, and the others move to the replacement", async () => {
    const prefix = `reject-${Math.random()}:`;
    const a = worker(prefix);
    const b = worker(prefix);
    const old = await a.getToken();
    expect(await b.getToken()).toBe(old);
    const before = ims.tokenRequests().length;
    a.invalidate(old);
    b.invalidate(old);
    const [newA, newB] = await Promise.all([a.getToken(), b.getToken()]);
    expect(newA).not.toBe(old);
    expect(newB).toBe(newA);
    expect(ims.tokenRequests().length - before).toBe(1);
  });

  it("a lock left by a worker that died lapses on its own, and a waiting worker then renews", async () => {
    const prefix = `dead-${Math.random()}:`;
    await worker(prefix).getToken();
    const [tokenEntry] = await keysAndValues(prefix);
    const lockKey = tokenEntry!.key.replace(/:token$/, ":lock");
    // The holder took the lock, then was killed before asking IMS: no token, a lock nobody will release.
    await admin.del(tokenEntry!.key);
    await admin.set(lockKey, "dead-worker", "PX", 1_000);
    const auth = worker(prefix);
    auth.importTokens(EXPIRED);
    const before = ims.tokenRequests().length;
    const token = await auth.getToken();
    expect(ims.isActive(token)).toBe(true);
    expect(ims.tokenRequests().length - before).toBe(1);
    expect(await admin.exists(lockKey)).toBe(0);
  });

  it("signs in straight from IMS when Redis is unreachable", async () => {
    const nowhere = new Redis({ port: await freePort(), host: "127.0.0.1", maxRetriesPerRequest: 1 });
    nowhere.on("error", () => undefined);
    clients.push(nowhere);
    const auth = new ServerToServerAuth({
      ...S2S,
      imsBaseUrl: ims.url,
      store: createRedisStore({ redis: nowhere, commandTimeoutMs: 300 }),
    });
    expect(ims.isActive(await auth.getToken())).toBe(true);
  });

  it("refuses a store that is not one, before any request", () => {
    expect(() => new ServerToServerAuth({ ...S2S, store: {} as never })).toThrow(AuthConfigurationError);
    expect(() => new ServerToServerAuth({ ...S2S, store: {} as never })).toThrow(/store/);
  });
});
