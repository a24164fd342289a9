// An HTTP forward proxy on loopback (CONNECT tunnels and absolute-form requests), for the check that a
// `setGlobalDispatcher(new ProxyAgent(...))` from the `undici` package is honoured. The API server asks
// `isProxied(socket)` to mark answers that came through here.
import { createServer, request } from "node:http";
import { connect } from "node:net";

export async function startProxy() {
  const upstreamPorts = new Set();
  // A port counts only while its connection is open: the OS hands the same ephemeral port to later, direct
  // connections, which a set that never forgets would mark as proxied (seen once on a loaded machine).
  const remember = (socket) => {
    const port = socket.localPort;
    if (port === undefined) return;
    upstreamPorts.add(port);
    socket.once("close", () => upstreamPorts.delete(port));
  };
  const server = createServer((req, res) => {
    const target = new URL(req.url);
    const upstream = request({
      host: target.hostname,
      port: target.port,
      path: target.pathname + target.search,
      method: req.method,
      headers: req.headers,
    });
    upstream.on("socket", (socket) => socket.on("connect", () => remember(socket)));
    upstream.on("response", (answer) => {
      res.writeHead(answer.statusCode, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  server.on("connect", (req, client, head) => {
    const [host, port] = req.url.split(":");
    const upstream = connect(Number(port), host, () => {
      remember(upstream);
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    const drop = () => {
      upstream.destroy();
      client.destroy();
    };
    upstream.on("error", drop);
    client.on("error", drop);
  });
  const port = await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server.address().port)));
  return {
    url: `http://127.0.0.1:${port}`,
    isProxied: (socket) => upstreamPorts.has(socket.remotePort),
    async close() {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
}
