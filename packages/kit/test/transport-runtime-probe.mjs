// Runs the built transport (dist/internal.js) on whichever runtime executes this file, against a local server,
// and prints one JSON line of outcomes. Used by transport-runtimes.test.ts with Bun and Deno binaries.
import http from "node:http";
import net from "node:net";

const { createTransport, resolveRetryPolicy } = await import(new URL("../dist/internal.js", import.meta.url).href);
const server = http.createServer((req, res) => {
  if (req.url === "/v4/post") {
    res.writeHead(307, { location: "/v4/target" });
    return res.end();
  }
  if (req.url === "/v4/stall") {
    res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
    return res.write("{");
  }
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ authorization: req.headers.authorization ?? null }));
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${server.address().port}`;
const closedPort = await new Promise((resolve) => {
  const probe = net.createServer();
  probe.listen(0, "127.0.0.1", () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});
const noWait = resolveRetryPolicy({ sleep: async () => undefined });
const send = createTransport({ baseUrl: `${base}/v4`, token: "tk", timeoutMs: 300, retry: noWait });
const outcome = async (run) => {
  try {
    return await run();
  } catch (error) {
    return { error: error.name, attempts: error.attempts, status: error.status };
  }
};
const result = {
  redirectedPost: await outcome(() => send(new Request(`${base}/v4/post`, { method: "POST", body: "{}" }))),
  stalledBody: await outcome(() => send(new Request(`${base}/v4/stall`), { maxRetries: 0 })),
  token: await outcome(async () => (await send(new Request(`${base}/v4/me`))).json()),
  refusedPost: await outcome(() =>
    createTransport({ timeoutMs: 5_000, retry: noWait })(
      new Request(`http://127.0.0.1:${closedPort}/v4/x`, { method: "POST", body: "{}" }),
    ),
  ),
};
console.log(JSON.stringify(result));
server.closeAllConnections?.();
server.close();
