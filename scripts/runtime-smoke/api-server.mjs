// The loopback stand-in API every runtime's checks call. It runs in the Node 20 orchestrator, never in the runtime
// under test, and tells the checks what it saw through /__smoke/* (request counts, connections closed, gaps).
import { createServer } from "node:http";
import { createSecureServer } from "node:http2";

import { ACCOUNTS, TOKEN } from "./constants.mjs";

// The account id picks the behaviour of files.show; the file id names one check's requests.
export const PROFILE = {
  id: "fc985917-e92b-5fcd-a6c9-40c55fccf091",
  name: "Maya Okafor",
  email: "maya@example.com",
  avatar_url: null,
};
const WORKSPACE_PAGES = [["w1", "w2", "w3"], ["w4", "w5", "w6"], ["w7"]];

const json = (res, status, body, headers = {}) => {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
};

/**
 * `isProxied(socket)` says whether a request came through the smoke proxy; answers carry it as x-smoke-via-proxy,
 * and every answer carries the HTTP version the server saw as x-smoke-protocol.
 */
function handler(isProxied) {
  const files = new Map(); // file id -> { times: number[], closedEarly: number }
  let total = 0;
  return (req, res) => {
    const url = new URL(req.url, "http://localhost");
    res.setHeader("x-smoke-protocol", req.httpVersion);
    res.setHeader("x-smoke-via-proxy", isProxied(req.socket) ? "yes" : "no");
    if (url.pathname === "/__smoke/total") return json(res, 200, { total });
    if (url.pathname === "/__smoke/file") {
      const seen = files.get(url.searchParams.get("id")) ?? { times: [], closedEarly: 0 };
      const gaps = seen.times.slice(1).map((time, i) => time - seen.times[i]);
      return json(res, 200, { requests: seen.times.length, closedEarly: seen.closedEarly, gaps });
    }
    if (url.pathname === "/__smoke/protocol") return json(res, 200, { httpVersion: req.httpVersion });
    total += 1;
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return json(res, 401, { errors: [{ detail: "bad token" }] });
    if (req.method === "GET" && url.pathname === "/v4/me") return json(res, 200, { data: PROFILE });

    const workspaces = url.pathname.match(/^\/v4\/accounts\/([^/]+)\/workspaces$/);
    if (req.method === "GET" && workspaces) {
      const page = Number(url.searchParams.get("after") ?? 0);
      const next =
        page + 1 < WORKSPACE_PAGES.length ? `/v4/accounts/${workspaces[1]}/workspaces?after=${page + 1}` : null;
      const data = WORKSPACE_PAGES[page].map((name) => ({ id: name, name }));
      return json(res, 200, { data, links: { next }, total_count: 7 });
    }

    const file = url.pathname.match(/^\/v4\/accounts\/([^/]+)\/files\/([^/]+)$/);
    if (req.method !== "GET" || !file) return json(res, 404, { errors: [{ title: "Not Found" }] });
    const [, account, fileId] = file;
    const seen = files.get(fileId) ?? { times: [], closedEarly: 0 };
    files.set(fileId, seen);
    seen.times.push(Date.now());
    // "close" before the answer finished means the client gave up on the connection.
    res.on("close", () => {
      if (!res.writableFinished) seen.closedEarly += 1;
    });
    if (account === ACCOUNTS.never) return;
    if (account === ACCOUNTS.stall) {
      res.writeHead(200, { "content-type": "application/json", "content-length": "4096" });
      res.write('{"data":{"id":');
      return;
    }
    if (account === ACCOUNTS.rateOnce && seen.times.length === 1) {
      return json(res, 429, { errors: [{ title: "Too Many Requests" }] }, { "retry-after": "1" });
    }
    json(res, 200, { data: { id: fileId, name: "smoke.mov", type: "file" } });
  };
}

const listen = (server) =>
  new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server.address().port)));

/** Plain HTTP/1.1 API, and the same API over TLS with HTTP/2 offered by ALPN (HTTP/1.1 still accepted). */
export async function startApi({ isProxied, tls }) {
  const plain = createServer(handler(isProxied));
  const secure = createSecureServer({ ...tls, allowHTTP1: true }, handler(isProxied));
  const plainPort = await listen(plain);
  const securePort = await listen(secure);
  const sockets = new Set();
  secure.on("secureConnection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  return {
    url: `http://127.0.0.1:${plainPort}`,
    tlsUrl: `https://localhost:${securePort}`,
    async close() {
      plain.closeAllConnections();
      for (const socket of sockets) socket.destroy();
      await Promise.all([new Promise((done) => plain.close(done)), new Promise((done) => secure.close(done))]);
    },
  };
}
