/**
 * The examples' servers listen on 127.0.0.1 only: they hold sessions or accept unauthenticated test traffic, so
 * nothing outside this machine should reach them. PORT=0 lets the OS pick a free port (the tests use that).
 */

/** @typedef {import("node:http").Server} Server */

/**
 * @param {NodeJS.ProcessEnv} env
 * @param {number} fallback
 */
export function portFromEnv(env, fallback) {
  const port = env.PORT ? Number(env.PORT) : fallback;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be 0 to 65535, got ${env.PORT}`);
  return port;
}

/**
 * Starts `server` and returns its origin, e.g. `http://127.0.0.1:3000`.
 * @param {Server} server
 * @param {number} port
 */
export async function listenOnLoopback(server, port) {
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(undefined));
  });
  const address = /** @type {import("node:net").AddressInfo} */ (server.address());
  return `http://127.0.0.1:${address.port}`;
}

/**
 * Stops accepting connections and drops idle keep-alive ones, so shutdown does not wait for browsers to let go.
 * @param {Server} server
 */
export function closeServer(server) {
  const closed = new Promise((resolve) => server.close(() => resolve(undefined)));
  server.closeIdleConnections();
  return closed;
}
